using Microsoft.EntityFrameworkCore;
using CampusKonseling.Sop.Definitions;
using CampusKonseling.Sop.Engine;
using CampusKonseling.Sop.Waktu;
using CampusKonseling.Sop.Runtime;
using CampusKonseling.Tests.Infrastructure;
using CampusKonseling.Users;
using Microsoft.Extensions.DependencyInjection;

namespace CampusKonseling.Tests.Sop;

/// <summary>
/// Every seed SOP, from its campus recipe, walked from start to end by users holding the
/// right roles, through both outcomes of every decision, on a controlled clock.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class SeedSopWalkTests(PlatformFixture platform)
{
    private static readonly Dictionary<string, TestTenant> Campuses = [];
    private static readonly SemaphoreSlim Gate = new(1, 1);

    // Monday 7 January 2030, 08:00 in Jakarta: the start of a working day.
    private static readonly DateTimeOffset MondayMorning = Campus.Wib(2030, 1, 7, 8, 0);
    // Saturday 12 January 2030, 22:00: a student registering at night.
    private static readonly DateTimeOffset SaturdayNight = Campus.Wib(2030, 1, 12, 22, 0);

    public static TheoryData<string, string, string, string, string> Walks() => new()
    {
        // recipe, SOP code, decisions (step=outcome;…), expected order of completed steps, first step's due (yyyy-MM-dd HH:mm WIB or "-")
        { "unipma", "SOP.P2KLLK-04", "", "1,2,3,4,5,6,7", "2030-01-07 09:00" },
        { "unipma", "SOP.P2KLLK-04-B", "", "1,2,3,4,5,6", "2030-01-07 16:00" },
        { "konseling-asesmen", "IK-KA-RUJUKAN", "k5=Perlu layanan eksternal", "1,2,3,4,k5,5,6,7", "-" },
        { "konseling-asesmen", "IK-KA-RUJUKAN", "k5=Tidak perlu layanan eksternal", "1,2,3,4,k5,7", "-" },
        { "konseling-asesmen", "IK-KA-INISIATIF", "k4=Ya, pada waktu lain;k6=Tidak membutuhkan layanan eksternal", "1,2,3,k4,4,5,k6,6", "-" },
        { "konseling-asesmen", "IK-KA-INISIATIF", "k4=Tidak, langsung diberikan;k6=Membutuhkan layanan eksternal", "1,2,3,k4,5,k6,7,8", "-" },
        // UNPAM's e-konseling is done by the student's form and the system's message: UnpamEKonselingTests walks it.
        { "ipdn", "IPDN-BK-PRAJA", "", "1,2,3,3a,4,5,6,7,8,9,10,11,12", "2030-01-07 08:15" },
        { "ipdn", "IPDN-BK-PEGAWAI", "", "1,2,3,3a,4,5,6,7,8,9,10,11,12", "2030-01-07 08:15" },
        { "ipdn", "IPDN-BK-ONLINE-PRAJA", "", "1,2,3,3a,4,5,6,7,8,9,10", "2030-01-07 08:10" },
        { "ipdn", "IPDN-BK-TERAPI", "7=Diteruskan kepada Kepala Biro III;8=Diteruskan kepada Rektor;9=Disetujui", "1,2,3,4,5,6,7,8,9,10,11", "2030-01-07 08:15" },
        { "ipdn", "IPDN-BK-TERAPI", "7=Dikembalikan untuk dilengkapi|Diteruskan kepada Kepala Biro III|Diteruskan kepada Kepala Biro III|Diteruskan kepada Kepala Biro III;8=Dikembalikan untuk dilengkapi|Diteruskan kepada Rektor|Diteruskan kepada Rektor;9=Dikembalikan untuk dilengkapi|Disetujui",
            "1,2,3,4,5,6,7,6,7,8,6,7,8,9,6,7,8,9,10,11", "2030-01-07 08:15" },
        { "iuqi", "28/BK-LMMBK/DOK.IUQI/2020", "", "1,2,3,4,5,6,7,E2,E3,E4,8,9,10", "-" },
    };

    [Theory]
    [MemberData(nameof(Walks))]
    public async Task A_seed_sop_runs_from_start_to_end(string recipe, string kode, string decisions, string expectedOrder, string firstDue)
    {
        var campus = await CampusAsync(recipe);
        var sop = new SopHarness(platform, campus);
        var jakarta = TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta");
        var clock = new ManualClock(kode.Contains("UNPAM") ? SaturdayNight : MondayMorning);
        var plan = decisions.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(d => d.Split('='))
            .ToDictionary(d => d[0], d => new Queue<string>(d[1].Split('|')));

        var definitionId = await sop.DefinitionIdAsync(kode);
        var current = await sop.InCampusAsync(async sp => (await sp.GetRequiredService<SopCatalog>().FindAsync(definitionId, null))!.Value.Sop);
        var starter = await sop.ActorAsync(current.Lane(current.Mulai.Pelaksana[0])!.Peran!);
        var started = await sop.StartAsync(kode, starter, clock);
        Assert.True(started.Succeeded, started.Error);
        var instance = started.Instance!;
        var definition = (await sop.VersionAsync(instance.VersionId)).Definition;
        var firstActivation = instance.Aktif.Single();
        Assert.Equal(firstDue, firstActivation.JatuhTempo is { } d ? TimeZoneInfo.ConvertTime(d, jakarta).ToString("yyyy-MM-dd HH:mm") : "-");

        // Somebody without the step's role is refused.
        var outsider = await sop.ActorAsync("Admin Web");
        Assert.DoesNotContain(definition.Pelaksana, p => p.Peran == "Admin Web");
        Assert.False((await sop.CompleteAsync(instance.Id, new CompleteStep(firstActivation.StepId), outsider, clock)).Succeeded);

        for (var guard = 0; instance.Status == InstanceStatus.Berjalan && guard < 60; guard++)
        {
            clock.Advance(TimeSpan.FromMinutes(7));
            var active = instance.Aktif.First();
            var step = definition.Find(active.StepId)!;
            var actor = await sop.ActorAsync(definition.Lane(step.Pelaksana[0])!.Peran!);
            string? choice = step.Jenis == JenisLangkah.Keputusan ? plan[step.Id].Dequeue() : null;
            var result = await sop.CompleteAsync(instance.Id, new CompleteStep(
                step.Id, choice,
                step.Kelengkapan.ToDictionary(k => k, _ => "ada"),
                step.Output is null ? null : new Dictionary<string, string> { [step.Output] = $"hasil langkah {step.Label}" }), actor, clock);
            Assert.True(result.Succeeded, $"{kode} langkah {step.Id}: {result.Error}");
            instance = result.Instance!;
        }

        Assert.Equal(InstanceStatus.Selesai, instance.Status);
        var done = instance.Riwayat.Where(e => e.Jenis == StepEventKind.Diselesaikan).ToList();
        Assert.Equal(expectedOrder.Split(','), done.Select(e => e.StepId!));
        Assert.All(plan.Values, q => Assert.Empty(q));

        // The activations kept for baku-mutu reports end with the history: completions as such, nothing left open.
        var activations = await sop.InCampusAsync(sp => sp.GetRequiredService<CampusKonseling.Sop.Data.SopDb>().Activations
            .Where(a => a.InstanceId == instance.Id).ToListAsync());
        Assert.Equal(instance.Riwayat.Count(e => e.Jenis == StepEventKind.Diaktifkan), activations.Count);
        Assert.Equal(done.Count, activations.Count(a => a.Akhir == "Diselesaikan"));
        Assert.All(activations, a => Assert.NotNull(a.BerakhirPada));

        foreach (var entry in done)
        {
            var step = definition.Find(entry.StepId!)!;
            var roles = await sop.InCampusAsync(sp => sp.GetRequiredService<IUserDirectory>().RolesOfAsync(entry.OlehId!));
            Assert.True(step.Pelaksana.Any(p => roles.Contains(definition.Lane(p)!.Peran!)), $"{entry.OlehNama} may not perform {step.Id}");
            if (step.Output is not null) Assert.Equal($"hasil langkah {step.Label}", entry.Keluaran[step.Output]);
            Assert.All(step.Kelengkapan, k => Assert.Equal("ada", entry.Masukan[k]));
        }

        var settings = await sop.InCampusAsync(sp => sp.GetRequiredService<CampusKonseling.Site.ISiteSettings>().GetAsync());
        foreach (var activation in instance.Riwayat.Where(e => e.Jenis == StepEventKind.Diaktifkan))
        {
            var step = definition.Find(activation.StepId!)!;
            WaktuParser.TryParse(step.Waktu, out var waktu, out _);
            if (waktu is not { HasDuration: true })
            {
                Assert.Null(activation.JatuhTempo);
                continue;
            }
            var due = activation.JatuhTempo!.Value;
            Assert.True(due > activation.Pada, $"{step.Id}: due {due} before activation");
            if (!definition.JamKerja)
            {
                var from = step.DihitungDari is { } earlier ? instance.Riwayat.Last(e => e.StepId == earlier && e.Jenis == StepEventKind.Diselesaikan && e.Seq < activation.Seq).Pada : activation.Pada;
                Assert.Equal(from + WorkingCalendar.ClockLength(waktu), due);
                continue;
            }
            // Working hours are honoured: every due time falls within the campus's working days and hours.
            var local = TimeZoneInfo.ConvertTime(due, jakarta);
            Assert.InRange(TimeOnly.FromDateTime(local.DateTime), settings.WorkStart, settings.WorkEnd);
            Assert.Contains(local.DayOfWeek, settings.WorkingDays);
        }
    }

    private async Task<TestTenant> CampusAsync(string recipe)
    {
        await Gate.WaitAsync();
        try
        {
            if (!Campuses.TryGetValue(recipe, out var campus) || await platform.Services.GetRequiredService<CampusKonseling.Shell.ITenantRegistry>().FindAsync(campus.Name) is null)
                Campuses[recipe] = campus = await platform.CreateTenantAsync(recipe, "walk");
            return campus;
        }
        finally
        {
            Gate.Release();
        }
    }
}
