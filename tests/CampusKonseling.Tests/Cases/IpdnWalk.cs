using System.Security.Claims;
using CampusKonseling.Cases.Data;
using CampusKonseling.Cases.Work;
using CampusKonseling.Documents;
using CampusKonseling.Sop.Engine;
using CampusKonseling.Sop.Runtime;
using CampusKonseling.Tests.Infrastructure;
using CampusKonseling.Tests.Sop;
using CampusKonseling.Users;
using CampusKonseling.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CampusKonseling.Tests.Cases;

/// <summary>
/// One IPDN case running one of its SOPs, worked by the campus's users through the services the case page uses
/// (ISopSteps, Dispositions, letters, documents, agreements), all on one controlled clock.
/// </summary>
public sealed class IpdnWalk(PlatformFixture platform, TestTenant campus, ManualClock clock)
{
    public SopHarness Sop { get; } = new(platform, campus);
    public ManualClock Clock => clock;
    public Guid Instance { get; private set; }
    public Guid CaseId { get; private set; }

    public async Task StartAsync(string kode, string starter, IReadOnlyDictionary<string, string>? konteks = null)
    {
        var by = await Sop.ActorAsync(starter);
        var started = await Sop.InCampusAsync(async sp => await ActivatorUtilities.CreateInstance<SopRuntime>(sp, (TimeProvider)clock)
            .StartAsync(await Sop.DefinitionIdAsync(kode), by, "Praja Bagus Pratama", konteks));
        Assert.True(started.Succeeded, started.Error);
        Instance = started.Instance!.Id;
        CaseId = Guid.CreateVersion7();
        await Sop.InCampusAsync(async sp =>
        {
            var db = sp.GetRequiredService<CasesDb>();
            db.Cases.Add(new CaseRow
            {
                Id = CaseId, Nomor = "IPDN-" + CaseId.ToString("N")[..8], Sumber = "datang", Nama = "Praja Bagus Pratama", Nim = "31.0456", JenisKlien = "Praja",
                Status = CaseStatus.Baru, SopInstanceId = Instance, SopKode = kode, DibukaPada = clock.GetUtcNow(), DiperbaruiPada = clock.GetUtcNow(),
            });
            return await db.SaveChangesAsync();
        });
    }

    public Task<ClaimsPrincipal> UserAsync(string role) => Sop.InCampusAsync(async sp =>
    {
        var directory = sp.GetRequiredService<IUserDirectory>();
        var user = (await directory.UsersInRoleAsync(role)).OrderBy(u => u.Email).First();
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, user.Id), new(ClaimTypes.GivenName, user.Nama), new(ClaimTypes.Name, user.Email ?? user.Nama) };
        claims.AddRange((await directory.RolesOfAsync(user.Id)).Select(r => new Claim(ClaimTypes.Role, r)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
    });

    /// <summary>Work in the campus with the SOP runtime, the steps and the dispositions on the walk's clock.</summary>
    public Task<T> WithAsync<T>(Func<IServiceProvider, ISopSteps, Dispositions, Task<T>> work) => Sop.InCampusAsync(async sp =>
    {
        var runtime = ActivatorUtilities.CreateInstance<SopRuntime>(sp, (TimeProvider)clock);
        var steps = ActivatorUtilities.CreateInstance<SopSteps>(sp, runtime);
        var dispositions = ActivatorUtilities.CreateInstance<Dispositions>(sp, (TimeProvider)clock, (ISopSteps)steps);
        return await work(sp, steps, dispositions);
    });

    public Task<CaseRow> CaseAsync() => Sop.InCampusAsync(sp => sp.GetRequiredService<CasesDb>().Cases.AsNoTracking().SingleAsync(c => c.Id == CaseId));

    public Task<SopInstance> InstanceAsync() => Sop.InstanceAsync(Instance);

    /// <summary>The step as <paramref name="role"/> sees it on the case, or null when it is not active.</summary>
    public async Task<SopLangkah?> StepAsync(string stepId, string role)
    {
        var user = await UserAsync(role);
        return await WithAsync(async (_, steps, _) => (await steps.ActiveAsync(Instance, user)).FirstOrDefault(s => s.StepId == stepId));
    }

    /// <summary>Completes the step as the role, confirming the kelengkapan nothing produced; null when done, else the refusal.</summary>
    public async Task<string?> TryCompleteAsync(string stepId, string role, string? pilihan = null)
    {
        var user = await UserAsync(role);
        return await WithAsync(async (_, steps, _) =>
        {
            var step = (await steps.ActiveAsync(Instance, user)).FirstOrDefault(s => s.StepId == stepId);
            var confirm = step?.Kelengkapan.Where(k => k.Dipenuhi is null).Select(k => k.Nama).ToList() ?? [];
            return await steps.CompleteAsync(Instance, stepId, user, pilihan, confirm);
        });
    }

    public async Task CompleteAsync(string stepId, string role)
    {
        clock.Advance(TimeSpan.FromMinutes(7));
        Assert.Null(await TryCompleteAsync(stepId, role));
    }

    public async Task<Dictionary<string, string>> GiveAsync(string role, string? stepId, string instruksi, DateOnly? batas = null)
    {
        var user = await UserAsync(role);
        var c = await CaseAsync();
        return await WithAsync(async (_, _, d) =>
        {
            var errors = await d.GiveAsync(user, c, stepId, new DispositionInput(instruksi, batas), default);
            if (errors.Count == 0) await d.CompleteDoneStepsAsync(user, c, default);
            return errors;
        });
    }

    public async Task<string?> ReportAsync(string role, Guid disposition, string laporan)
    {
        var user = await UserAsync(role);
        var c = await CaseAsync();
        return await WithAsync(async (_, _, d) =>
        {
            var refusal = await d.ReportAsync(user, c, disposition, laporan, default);
            if (refusal is null) await d.CompleteDoneStepsAsync(user, c, default);
            return refusal;
        });
    }

    public Task<IReadOnlyList<Disposition>> ChainAsync() => Sop.InCampusAsync(sp => ActivatorUtilities.CreateInstance<Dispositions>(sp, (TimeProvider)clock).OfAsync(CaseId, default));

    /// <summary>A letter from the template on the case, its fields pre-filled as the case page fills them (the rest typed in).</summary>
    public async Task<(GeneratedLetter Letter, IReadOnlyDictionary<string, string> Fields)> LetterAsync(string templat)
    {
        var c = await CaseAsync();
        return await Sop.InCampusAsync(async sp =>
        {
            var fields = (await sp.GetRequiredService<CaseLetters>().FieldsAsync(c, templat, null, default)).ToDictionary(f => f.Nama, f => f.Nilai);
            var values = fields.ToDictionary(f => f.Key, f => f.Value.Length > 0 ? f.Value : $"isi {f.Key}");
            var letters = ActivatorUtilities.CreateInstance<CampusKonseling.Letters.Generation.LetterService>(sp, (TimeProvider)clock);
            var letter = await letters.GenerateAsync(new LetterRequest(templat, CaseLetters.Owner, c.Id.ToString(), values));
            return (letter, (IReadOnlyDictionary<string, string>)fields);
        });
    }

    public async Task UploadAsync(string role, string nama)
    {
        var user = await UserAsync(role);
        var c = await CaseAsync();
        var errors = await Sop.InCampusAsync(async sp =>
        {
            var bytes = "%PDF-1.4\n% hasil pemeriksaan\n"u8.ToArray();
            var file = new Microsoft.AspNetCore.Http.FormFile(new MemoryStream(bytes), 0, bytes.Length, "berkas", "hasil-pemeriksaan.pdf")
                { Headers = new Microsoft.AspNetCore.Http.HeaderDictionary(), ContentType = "application/pdf" };
            return await ActivatorUtilities.CreateInstance<CaseDocuments>(sp, (TimeProvider)clock).AddAsync(user, c, nama, Tingkat.Administratif, file, default, jenis: nama);
        });
        Assert.Empty(errors);
    }

    public async Task AgreeAsync(string role, AgreementInput input)
    {
        var user = await UserAsync(role);
        var c = await CaseAsync();
        var errors = await Sop.InCampusAsync(sp => ActivatorUtilities.CreateInstance<Appointments>(sp, (TimeProvider)clock).AgreeAsync(user, c, input, null, null, default));
        Assert.Empty(errors);
    }

    /// <summary>Whether a module of the campus recognises work of this kind on a case (Cases' letters, uploads, agreements).</summary>
    public Task<bool> RecognisedAsync(string jenis) => Sop.InCampusAsync(sp =>
        Task.FromResult(sp.GetRequiredService<CampusKonseling.Modules.ShellFeatureServices>().Contracts<IStepAction>().Any(p => p.Jenis == jenis)));

    /// <summary>
    /// Completes a step whose action is a letter, an upload or an agreement, done above. Until the Cases actions for those
    /// kinds are merged (engineer C's part of issue 13), the evidence is handed to the runtime as the module would report it.
    /// </summary>
    public async Task CompleteWithWorkAsync(string stepId, string role, string jenis, string bukti)
    {
        if (await RecognisedAsync(jenis))
        {
            await CompleteAsync(stepId, role);
            return;
        }
        clock.Advance(TimeSpan.FromMinutes(7));
        var step = (await StepAsync(stepId, role))!;
        var actor = await Sop.ActorAsync(role);
        var masukan = step.Kelengkapan.Where(k => k.Dipenuhi is null).ToDictionary(k => k.Nama, _ => "ada");
        var others = step.Aksi.Where(a => a.Bukti is not null).ToDictionary(a => a.Index, a => a.Bukti!);
        foreach (var a in step.Aksi.Where(a => a.Jenis == jenis)) others[a.Index] = bukti;
        var done = await Sop.CompleteAsync(Instance, new CompleteStep(stepId, Masukan: masukan, Bukti: others), actor, clock);
        Assert.True(done.Succeeded, done.Error);
    }
}
