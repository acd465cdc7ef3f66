using System.Security.Claims;
using CampusKonseling.Cases.Data;
using CampusKonseling.Cases.Work;
using CampusKonseling.Sop.Engine;
using CampusKonseling.Tests.Infrastructure;
using CampusKonseling.Tests.Sop;
using CampusKonseling.Users;
using CampusKonseling.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CampusKonseling.Tests.Cases;

/// <summary>A user of the campus as the SOP engine and the case pages see them.</summary>
public sealed record Person(string Id, string Nama, string Email, IReadOnlySet<string> Roles)
{
    public Actor Actor => new(Id, Nama, Roles);

    public ClaimsPrincipal Principal => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, Id), new Claim(ClaimTypes.GivenName, Nama), new Claim(ClaimTypes.Name, Email), .. Roles.Select(r => new Claim(ClaimTypes.Role, r))],
        "uji"));
}

/// <summary>
/// What a seed SOP's actors do on a case, through the same services the case page and the client's page use: make a letter,
/// agree a meeting, assign or name a person, refer out and record the result, and complete a step (its actions are looked for
/// on the case by the SOP runtime). Time passes by moving the agreed meeting into the past, as the day of the session coming.
/// </summary>
public sealed class SeedCaseWalk(PlatformFixture platform, TestTenant campus)
{
    public SopHarness In { get; } = new(platform, campus);
    public TestTenant Campus => campus;

    public Task<Person> PersonAsync(string role, int index = 0) => In.InCampusAsync(async sp =>
    {
        var directory = sp.GetRequiredService<IUserDirectory>();
        var user = (await directory.UsersInRoleAsync(role)).OrderBy(u => u.Email).ElementAt(index);
        return new Person(user.Id, user.Nama, user.Email!, await directory.RolesOfAsync(user.Id));
    });

    /// <summary>Another holder of the role (another student, another counselor), with the demo password.</summary>
    public Task<Person> AddPersonAsync(string role, string nama) => In.InCampusAsync(async sp =>
    {
        var users = sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<CampusKonseling.Identity.Data.CampusUser>>();
        var email = $"{Guid.NewGuid():N}@lain.test";
        var user = new CampusKonseling.Identity.Data.CampusUser { UserName = email, Email = email, FullName = nama, EmailConfirmed = true };
        Assert.True((await users.CreateAsync(user, "Demo12345")).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return new Person(user.Id, nama, email, new HashSet<string> { role });
    });

    public Task<CaseRow> CaseAsync(Guid id) => In.InCampusAsync(sp => sp.GetRequiredService<CasesDb>().Cases.AsNoTracking().SingleAsync(c => c.Id == id));

    public Task<SopInstance> InstanceAsync(CaseRow c) => In.InstanceAsync(c.SopInstanceId!.Value);

    /// <summary>The active steps as <paramref name="who"/> sees them (with actions, evidence and whether they may complete each).</summary>
    public Task<IReadOnlyList<SopLangkah>> ActiveAsync(CaseRow c, Person who) =>
        In.InCampusAsync(sp => sp.GetRequiredService<ISopSteps>().ActiveAsync(c.SopInstanceId!.Value, who.Principal));

    public async Task<bool> MayActAsync(CaseRow c, string step, Person who) =>
        (await ActiveAsync(c, who)).Single(l => l.StepId == step).BolehDikerjakan;

    /// <summary>Completes the step as the person; null when done, else the engine's refusal.</summary>
    public async Task<string?> CompleteAsync(CaseRow c, string step, Person who, string? pilihan = null, params string[] dikonfirmasi) =>
        (await In.CompleteAsync(c.SopInstanceId!.Value, new CompleteStep(step, pilihan, dikonfirmasi.ToDictionary(k => k, _ => "ada"), Catatan: $"Langkah {step}"), who.Actor)).Error;

    /// <summary>A numbered letter from the template, pre-filled from the case, empty fields filled as staff would; its number.</summary>
    public Task<string> LetterAsync(CaseRow c, string templat, IReadOnlyDictionary<string, string>? values = null) => In.InCampusAsync(async sp =>
    {
        var letters = sp.GetRequiredService<CaseLetters>();
        var row = await sp.GetRequiredService<CasesDb>().Cases.SingleAsync(x => x.Id == c.Id);
        var fields = (await letters.FieldsAsync(row, templat, null, default)).ToDictionary(f => f.Nama, f => f.Nilai.Length > 0 ? f.Nilai : "Isian uji");
        foreach (var (k, v) in values ?? new Dictionary<string, string>()) fields[k] = v;
        var service = sp.GetRequiredService<CampusKonseling.Modules.ShellFeatureServices>().Contract<CampusKonseling.Documents.ILetterService>()!;
        return (await service.GenerateAsync(new CampusKonseling.Documents.LetterRequest(templat, CaseLetters.Owner, row.Id.ToString(), fields), null, default)).Nomor;
    });

    public Task<IReadOnlyList<string>> LetterNumbersAsync(CaseRow c) => In.InCampusAsync(async sp =>
        (IReadOnlyList<string>)(await sp.GetRequiredService<CaseLetters>().OfAsync(await sp.GetRequiredService<CasesDb>().Cases.SingleAsync(x => x.Id == c.Id), default)).Select(l => l.Nomor).ToList());

    /// <summary>Agrees a session on the case (campus time) and returns its start.</summary>
    public Task<DateTimeOffset> AgreeAsync(CaseRow c, Person by, DateOnly day, TimeOnly at, string tempat) => In.InCampusAsync(async sp =>
    {
        var row = await sp.GetRequiredService<CasesDb>().Cases.SingleAsync(x => x.Id == c.Id);
        var errors = await sp.GetRequiredService<Appointments>().AgreeAsync(by.Principal, row, new AgreementInput(day, at, 60, tempat, null, null, null), null, null, default);
        Assert.Empty(errors);
        return await sp.GetRequiredService<CasesDb>().Appointments.Where(a => a.CaseId == c.Id).OrderByDescending(a => a.DibuatPada).Select(a => a.Mulai).FirstAsync();
    });

    public Task AssignAsync(CaseRow c, Person by, Person konselor) => In.InCampusAsync(async sp =>
    {
        var row = await sp.GetRequiredService<CasesDb>().Cases.SingleAsync(x => x.Id == c.Id);
        await sp.GetRequiredService<CaseTimeline>().AssignAsync(by.Principal, row, new UserRef(konselor.Id, konselor.Nama, konselor.Email));
        return true;
    });

    /// <summary>Refers the client out (the Surat Rujukan is made with it); the letter's number.</summary>
    public Task<string> ReferOutAsync(CaseRow c, Person by, string kepada) => In.InCampusAsync(async sp =>
    {
        var row = await sp.GetRequiredService<CasesDb>().Cases.SingleAsync(x => x.Id == c.Id);
        Assert.Empty(await sp.GetRequiredService<Referrals>().ReferAsync(by.Principal, row, new ReferralInput(kepada, "psikiater", "0351-000000", "Pemeriksaan psikiatri"), default));
        return (await sp.GetRequiredService<CasesDb>().Referrals.SingleAsync(r => r.CaseId == c.Id)).NomorSurat!;
    });

    public Task<string?> ResultAsync(CaseRow c, Person by, string hasil) => In.InCampusAsync(async sp =>
    {
        var row = await sp.GetRequiredService<CasesDb>().Cases.SingleAsync(x => x.Id == c.Id);
        var referral = await sp.GetRequiredService<CasesDb>().Referrals.SingleAsync(r => r.CaseId == c.Id);
        return await sp.GetRequiredService<Referrals>().RecordResultAsync(by.Principal, row, referral.Id, hasil, default);
    });

    /// <summary>
    /// The agreed day comes: the session is moved to a few minutes ago (the clock of the case's services is the real one) and the
    /// SOP is told, as the agreement module tells it of every change.
    /// </summary>
    public Task<DateTimeOffset> SessionTimeComesAsync(CaseRow c) => In.InCampusAsync(async sp =>
    {
        var db = sp.GetRequiredService<CasesDb>();
        var a = await db.Appointments.Where(x => x.CaseId == c.Id && x.Status == StatusJanji.Terjadwal).OrderByDescending(x => x.DibuatPada).FirstAsync();
        var past = DateTimeOffset.UtcNow.AddMinutes(-5);
        a.Mulai = new DateTimeOffset(past.Ticks - past.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero); // as PostgreSQL keeps it
        await db.SaveChangesAsync();
        await sp.GetRequiredService<ISopSteps>().UpdateAsync(c.SopInstanceId!.Value,
            new Dictionary<string, string?> { ["tanggal.janji"] = a.Mulai.ToString("O", System.Globalization.CultureInfo.InvariantCulture) });
        return a.Mulai;
    });

    /// <summary>The output the step recorded when completed (its action's evidence), by the step's output name.</summary>
    public static string? Output(SopInstance instance, string step, string output) =>
        instance.Riwayat.LastOrDefault(e => e.StepId == step && e.Jenis == StepEventKind.Diselesaikan)?.Keluaran.GetValueOrDefault(output);

    public static string? DoneBy(SopInstance instance, string step) =>
        instance.Riwayat.LastOrDefault(e => e.StepId == step && e.Jenis == StepEventKind.Diselesaikan)?.OlehNama;

    public async Task<long> ArchivedAsync(CaseRow c) =>
        (long)(await TestDatabase.ScalarAsync(campus.Database, $"SELECT count(*) FROM arsip.records WHERE subjek_id = '{c.Id}'"))!;
}
