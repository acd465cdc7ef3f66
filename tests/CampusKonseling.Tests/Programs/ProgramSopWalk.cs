using CampusKonseling.Documents;
using CampusKonseling.Letters.Generation;
using CampusKonseling.Programs.Data;
using CampusKonseling.Programs.Work;
using CampusKonseling.Sop.Engine;
using CampusKonseling.Sop.Runtime;
using CampusKonseling.Sop.Timers;
using CampusKonseling.Tests.Sop;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CampusKonseling.Tests.Programs;

/// <summary>
/// A programme and its SOP worked as its committee would (the catalog, the edit form, the letter buttons, the SOP's
/// steps), every part on one clock the test moves by hand, so due times and "not before" dates can be checked exactly.
/// </summary>
public sealed class ProgramSopWalk(ProgramCampus campus, ManualClock clock)
{
    private static readonly TimeZoneInfo Jakarta = TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta");
    public SopHarness In => campus.In;
    public ManualClock Clock => clock;

    /// <summary>A due time as the campus reads it ("2030-01-21 09:00"), or "-".</summary>
    public static string Wib(DateTimeOffset? at) => at is { } t ? TimeZoneInfo.ConvertTime(t, Jakarta).ToString("yyyy-MM-dd HH:mm") : "-";

    private static SopRuntime Runtime(IServiceProvider sp, TimeProvider clock) => ActivatorUtilities.CreateInstance<SopRuntime>(sp, clock);

    private static ProgramCatalog Catalog(IServiceProvider sp, TimeProvider clock) =>
        ActivatorUtilities.CreateInstance<ProgramCatalog>(sp, ActivatorUtilities.CreateInstance<SopLauncher>(sp, Runtime(sp, clock)), clock);

    /// <summary>Made as on the "Program baru" page: the SOP starts with the programme, knowing its dates.</summary>
    public Task<ProgramRow> CreateAsync(ProgramInput input) => In.InCampusAsync(async sp =>
    {
        var (id, errors) = await Catalog(sp, clock).CreateAsync(input, "uji", default);
        Assert.True(id is not null, string.Join("; ", errors.Values));
        return await sp.GetRequiredService<ProgramsDb>().Programs.AsNoTracking().SingleAsync(p => p.Id == id);
    });

    /// <summary>Saved as on the "Ubah rincian dan jadwal" page.</summary>
    public Task EditAsync(Guid program, ProgramInput input) => In.InCampusAsync(async sp =>
    {
        var catalog = Catalog(sp, clock);
        var edits = ActivatorUtilities.CreateInstance<ProgramEdits>(sp, catalog, ActivatorUtilities.CreateInstance<SopSteps>(sp, Runtime(sp, clock)));
        var errors = await edits.UpdateAsync((await catalog.FindAsync(program, default))!, input, default);
        Assert.Empty(errors);
        return true;
    });

    /// <summary>The committee's first member is added (the programme page tells the SOP the committee is set, now).</summary>
    public Task CommitteeSetAsync(Guid instance) => In.InCampusAsync(async sp =>
    {
        var zone = await Catalog(sp, clock).ZoneAsync(default);
        await ActivatorUtilities.CreateInstance<SopSteps>(sp, Runtime(sp, clock)).UpdateAsync(instance,
            new Dictionary<string, string?> { [ProgramSopDates.Key(ProgramSopDates.Panitia)] = ProgramSopDates.Iso(clock.GetUtcNow(), zone) });
        return true;
    });

    /// <summary>One of the programme's letters, filled as its button on the programme page fills it, made now on the test's clock.</summary>
    public Task<GeneratedLetter> LetterAsync(Guid program, string templat, IReadOnlyDictionary<string, string>? extra = null) => In.InCampusAsync(async sp =>
    {
        var row = await sp.GetRequiredService<ProgramsDb>().Programs.AsNoTracking().SingleAsync(p => p.Id == program);
        var values = await sp.GetRequiredService<ProgramLetters>().KnownAsync(row, default);
        foreach (var (k, v) in extra ?? new Dictionary<string, string>()) values[k] = v;
        var letters = ActivatorUtilities.CreateInstance<LetterService>(sp, (TimeProvider)clock);
        return await letters.GenerateAsync(new LetterRequest(templat, ProgramLetters.Owner, program.ToString(), values));
    });

    /// <summary>A user holding <paramref name="role"/> completes the step now; null when done, else the refusal as the user reads it.</summary>
    public async Task<string?> CompleteAsync(Guid instance, string step, string role, params string[] confirmed)
    {
        var by = await In.ActorAsync(role);
        var result = await In.CompleteAsync(instance, new CompleteStep(step, Masukan: confirmed.ToDictionary(k => k, _ => "ada")), by, clock);
        return result.Error;
    }

    public async Task DoneAsync(Guid instance, string step, string role) => Assert.Null(await CompleteAsync(instance, step, role));

    /// <summary>The step's SLA timer fires at its due time (Quartz would, on the real clock).</summary>
    public async Task DueTimerFiresAsync(Guid instance, string step)
    {
        var active = (await In.InstanceAsync(instance)).Aktif.Single(a => a.StepId == step);
        clock.Now = active.JatuhTempo!.Value;
        await In.InCampusAsync(async sp => { await Runtime(sp, clock).OnTimerAsync(SlaKind.JatuhTempo, instance, active.ActivationId, default); return true; });
    }

    public async Task<ActiveStep> ActiveAsync(Guid instance, string step) =>
        (await In.InstanceAsync(instance)).Aktif.SingleOrDefault(a => a.StepId == step) ?? throw new Xunit.Sdk.XunitException($"langkah {step} tidak aktif");

    /// <summary>What the completed step recorded as its outputs.</summary>
    public async Task<IReadOnlyDictionary<string, string>> OutputsAsync(Guid instance, string step) =>
        (await In.InstanceAsync(instance)).Riwayat.Last(e => e.StepId == step && e.Jenis == StepEventKind.Diselesaikan).Keluaran;

    public Task<ProgramRow> ProgramAsync(Guid id) =>
        In.InCampusAsync(sp => sp.GetRequiredService<ProgramsDb>().Programs.AsNoTracking().SingleAsync(p => p.Id == id));
}
