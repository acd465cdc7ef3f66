using CampusKonseling.Modules;
using CampusKonseling.Sop.Engine;
using CampusKonseling.Tests.Infrastructure;
using CampusKonseling.Workflows;
using Microsoft.Extensions.DependencyInjection;

namespace CampusKonseling.Tests.Sop;

/// <summary>
/// Baku-mutu compliance from a fixed set of step histories, checked against figures worked out by hand
/// (in the comments), and once through the engine itself.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ComplianceTests(PlatformFixture platform) : IAsyncLifetime
{
    private const string Karier = "SOP.P2KLLK-04";
    private static readonly DateTimeOffset Maret = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly ComplianceQuery BulanMaret = new(Maret, Maret.AddMonths(1), Karier);
    private TestTenant _campus = null!;
    private SopHarness _sop = null!;

    public async Task InitializeAsync()
    {
        _campus = await platform.CreateTenantAsync("unipma", "baku");
        _sop = new SopHarness(platform, _campus);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static DateTimeOffset T(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    private Task<Guid> HistoryAsync(string subjek, DateTimeOffset? instansSelesai, params Activation[] activations) =>
        StepHistory.InsertAsync(_sop, _campus, Karier, subjek, instansSelesai, activations);

    private Task<T> ComplianceAsync<T>(Func<ISopCompliance, Task<T>> work) =>
        _sop.InCampusAsync(sp => work(sp.GetRequiredService<ShellFeatureServices>().Contract<ISopCompliance>()!));

    [Fact]
    public async Task Figures_for_a_month_equal_the_hand_computed_ones()
    {
        // I1: step 1 done in 30 min (due 1 h: within); step 2 done in 3 h (due 1 h: late); step 3 open, no due time.
        var i1 = await HistoryAsync("I1", null,
            new Activation("1", T(3, 2, 8), T(3, 2, 9), T(3, 2, 8, 30)),
            new Activation("2", T(3, 2, 8, 30), T(3, 2, 9, 30), T(3, 2, 11, 30)),
            new Activation("3", T(3, 2, 11, 30), null));
        // I2: step 1 done in 2 h (late); step 2 still open and past due at the month's end.
        var i2 = await HistoryAsync("I2", null,
            new Activation("1", T(3, 5, 8), T(3, 5, 9), T(3, 5, 10)),
            new Activation("2", T(3, 5, 10), T(3, 5, 11)));
        // I3: step 1 activated in February, done on 1 March after 216 h (late); step 2 done only in April: open at the end, past due.
        var i3 = await HistoryAsync("I3", null,
            new Activation("1", T(2, 20, 8), T(2, 20, 9), T(3, 1, 8)),
            new Activation("2", T(3, 1, 8), T(3, 1, 9), T(4, 2, 8)));
        // I4: all in January, instance finished then: nothing in March.
        await HistoryAsync("I4", T(1, 11, 8), new Activation("1", T(1, 10, 8), T(1, 10, 9), T(1, 10, 8, 30)), new Activation("2", T(1, 10, 8, 30), T(1, 10, 9, 30)));
        // I5: step 1 with no due time, done in 4 h: counted as done, not in the share within standard.
        await HistoryAsync("I5", null, new Activation("1", T(3, 10, 8), null, T(3, 10, 12)));
        // I6: step 1 skipped: counted nowhere.
        await HistoryAsync("I6", null, new Activation("1", T(3, 20, 8), T(3, 20, 9), T(3, 20, 8, 10), Lewati: true));

        var rows = await ComplianceAsync(c => c.StepsAsync(BulanMaret));
        var s1 = rows.Single(r => r.StepId == "1");
        var s2 = rows.Single(r => r.StepId == "2");
        var s3 = rows.Single(r => r.StepId == "3");

        // Step 1: done I1 0.5 h, I2 2 h, I3 216 h, I5 4 h; with a due time I1, I2, I3, of which only I1 in time.
        Assert.Equal((4, 3, 1, 2, 0), (s1.Selesai, s1.Berbaku, s1.DalamBaku, s1.Terlambat, s1.Terbuka));
        Assert.Equal(33.3, s1.PersenDalamBaku);
        Assert.Equal(TimeSpan.FromHours(3), s1.Median);              // (2 + 4) / 2
        Assert.Equal(TimeSpan.FromHours(152.4), s1.P90);             // 4 + 0.7 × (216 − 4), linear interpolation
        Assert.Equal("1 jam setelah pengisian", s1.Waktu);
        Assert.Equal("Izin secara verbal", s1.Luaran);

        // Step 2: done I1 3 h late; open and overdue I2, I3 (I3's completion falls after the month).
        Assert.Equal((1, 1, 0, 3, 2), (s2.Selesai, s2.Berbaku, s2.DalamBaku, s2.Terlambat, s2.Terbuka));
        Assert.Equal(0.0, s2.PersenDalamBaku);
        Assert.Equal(TimeSpan.FromHours(3), s2.Median);

        // Step 3: I1's, open without a due time: open, never late, no share.
        Assert.Equal((0, 0, 0, 0, 1), (s3.Selesai, s3.Berbaku, s3.DalamBaku, s3.Terlambat, s3.Terbuka));
        Assert.Null(s3.PersenDalamBaku);
        Assert.Null(s3.Median);

        // Worst first: step 2 (0 %) before step 1 (33.3 %); steps without a share after both.
        Assert.True(rows.ToList().IndexOf(s2) < rows.ToList().IndexOf(s1));
        Assert.Equal(7, rows.Count);                                 // every step of the SOP has its row
        Assert.All(rows.Skip(2), r => Assert.Null(r.PersenDalamBaku));

        // Drilling into step 2's overdue figure lists exactly those three, most recently activated first.
        var late = await ComplianceAsync(c => c.ActivationsAsync(BulanMaret, Karier, "2", ComplianceSelection.Terlambat));
        Assert.Equal([i2, i1, i3], late.Select(a => a.InstanceId));
        Assert.Equal(["I2", "I1", "I3"], late.Select(a => a.Subjek));
        Assert.All(late, a => Assert.True(a.Terlambat));
        var within = await ComplianceAsync(c => c.ActivationsAsync(BulanMaret, Karier, "1", ComplianceSelection.DalamBaku));
        Assert.Equal([i1], within.Select(a => a.InstanceId));

        // February sees I3's step 1 open and overdue at its end, and nothing of March.
        var feb = (await ComplianceAsync(c => c.StepsAsync(new ComplianceQuery(Maret.AddMonths(-1), Maret, Karier)))).Single(r => r.StepId == "1");
        Assert.Equal((0, 1, 1), (feb.Selesai, feb.Terbuka, feb.Terlambat));
    }

    [Fact]
    public async Task While_a_period_runs_an_open_step_is_late_only_once_its_due_time_has_passed()
    {
        var now = DateTimeOffset.UtcNow;
        await HistoryAsync("Belum jatuh tempo", null, new Activation("1", now.AddHours(-1), now.AddDays(1)));
        await HistoryAsync("Sudah lewat", null, new Activation("1", now.AddHours(-3), now.AddHours(-1)));
        var bulanIni = new ComplianceQuery(now.AddDays(-1), now.AddDays(30), Karier);

        var s1 = (await ComplianceAsync(c => c.StepsAsync(bulanIni))).Single(r => r.StepId == "1");
        Assert.Equal((2, 1), (s1.Terbuka, s1.Terlambat));
        var late = await ComplianceAsync(c => c.ActivationsAsync(bulanIni, Karier, "1", ComplianceSelection.Terlambat));
        Assert.Equal("Sudah lewat", Assert.Single(late).Subjek);
    }

    [Fact]
    public async Task A_step_the_engine_ran_late_counts_as_late()
    {
        // Monday 08:00 in Madiun (WIB): step 1's standard is one working hour, so it is due at 09:00.
        var clock = new ManualClock(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.FromHours(7)));
        var tu = await _sop.ActorAsync("TU");
        var instance = (await _sop.StartAsync(Karier, tu, clock, "Kasus terlambat")).Instance!;
        clock.Advance(TimeSpan.FromHours(3));
        Assert.True((await _sop.CompleteAsync(instance.Id, new CompleteStep("1"), tu, clock)).Succeeded);

        var s1 = (await ComplianceAsync(c => c.StepsAsync(BulanMaret))).Single(r => r.StepId == "1");
        Assert.Equal((1, 1, 0, 1), (s1.Selesai, s1.Berbaku, s1.DalamBaku, s1.Terlambat));
        // The step it opened next is open at the month's end.
        Assert.Equal(1, (await ComplianceAsync(c => c.StepsAsync(BulanMaret))).Single(r => r.StepId == "2").Terbuka);
        Assert.Equal(TimeSpan.FromHours(3), s1.Median);
        var late = await ComplianceAsync(c => c.ActivationsAsync(BulanMaret, Karier, "1", ComplianceSelection.Terlambat));
        Assert.Equal(instance.Id, Assert.Single(late).InstanceId);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(7)), late[0].JatuhTempo);
    }
}
