using CampusKonseling.Notifications;
using CampusKonseling.Sop.Definitions;
using CampusKonseling.Sop.Engine;
using CampusKonseling.Sop.Data;
using CampusKonseling.Sop.Runtime;
using CampusKonseling.Tests.Infrastructure;
using CampusKonseling.Host.Jobs;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CampusKonseling.Tests.Sop;

/// <summary>SLA timers on the real, clustered Quartz scheduler in PostgreSQL.</summary>
[Collection(PlatformCollection.Name)]
public sealed class SlaTimerTests(PlatformFixture platform)
{
    private const string Staff = "Staf Konseling & Asesmen";

    /// <summary>A short SOP on the plain clock: reminder after 2 s, due after 4 s.</summary>
    private static readonly SopDefinition Quick = new()
    {
        Kode = "UJI-SLA", Judul = "Tanggapan cepat (uji)", JamKerja = false, PengingatPersen = 50, EskalasiKe = "Admin Web",
        Pelaksana = [new("staf", "Staf", Staff)],
        Langkah =
        [
            new() { Id = "1", Jenis = JenisLangkah.Mulai, Uraian = "Menanggapi permohonan", Pelaksana = ["staf"], Waktu = "4 detik", Lanjut = ["2"] },
            new() { Id = "2", Jenis = JenisLangkah.Selesai, Uraian = "Menutup", Pelaksana = ["staf"], Waktu = "1 Hari" },
        ],
    };

    [Fact]
    public async Task A_reminder_and_an_escalation_fire_once_even_when_the_scheduler_was_down_at_their_time()
    {
        var (campus, sop, staf) = await QuickCampusAsync("sla");
        var scheduler = platform.Services.GetRequiredService<SchedulerService>();

        // No node runs timers while the instance starts and its timers come due: they live in PostgreSQL only.
        await scheduler.PauseAsync(default);
        SopInstance instance;
        Guid instanceId, activationId;
        try
        {
            var started = await sop.StartAsync(Quick.Kode, staf, subjek: "Permohonan malam");
            instanceId = started.Instance!.Id;
            activationId = started.Instance.Aktif.Single().ActivationId;
            Assert.Equal(2L, await TriggersAsync(activationId));
            await Task.Delay(TimeSpan.FromSeconds(6)); // both are due now, and nothing ran them
            Assert.DoesNotContain((await sop.InstanceAsync(instanceId)).Riwayat, e => e.Jenis is StepEventKind.Diingatkan or StepEventKind.Terlambat);

            // A freshly started node (its own container and scheduler, same cluster) fires each missed timer once.
            await using var restarted = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b.UseEnvironment("Testing"));
            restarted.CreateClient().Dispose();
            instance = await WaitAsync(sop, instanceId, i => i.Riwayat.Any(e => e.Jenis == StepEventKind.Terlambat) && i.Riwayat.Any(e => e.Jenis == StepEventKind.Diingatkan), TimeSpan.FromSeconds(45));
            await Task.Delay(TimeSpan.FromSeconds(2)); // room for a wrong second firing to show
        }
        finally
        {
            await scheduler.ResumeAsync(default);
        }
        instance = await sop.InstanceAsync(instanceId);
        Assert.Single(instance.Riwayat, e => e.Jenis == StepEventKind.Diingatkan && e.ActivationId == activationId);
        Assert.Single(instance.Riwayat, e => e.Jenis == StepEventKind.Terlambat && e.ActivationId == activationId);
        Assert.True(instance.Aktif.Single().Terlambat);
        Assert.Equal(0L, await TriggersAsync(activationId));

        var notices = await sop.InCampusAsync(sp => sp.GetRequiredService<CampusKonseling.Notifications.Data.NotificationsDb>().Items.AsNoTracking().ToListAsync());
        Assert.Single(notices, n => n.UserId == staf.Id && n.Jenis == "sop-pengingat");
        Assert.Single(notices, n => n.UserId == staf.Id && n.Jenis == "sop-terlambat");
        Assert.Contains(notices, n => n.Jenis == "sop-terlambat" && n.UserId != staf.Id); // the escalation role (Admin Web) hears of it too

        // The same notices go to the staff member's e-mail through the outbox, with a link to the instance.
        var link = $"http://localhost/{campus.Prefix}/admin/sop/instans/{instanceId}";
        var late = await MailDev.WaitForAsync(await sop.EmailOfAsync(Staff), TimeSpan.FromSeconds(15), m => m.Subject.Contains("Terlambat") && m.Text.Contains(link));
        Assert.Contains("Tanggapan cepat (uji)", late.Subject);
        await MailDev.WaitForAsync(await sop.EmailOfAsync(Staff), TimeSpan.FromSeconds(15), m => m.Subject.Contains("Pengingat") && m.Text.Contains(link));

        // The overdue instance is in the overdue list, and the staff member sees the notices in their list.
        var overdue = await sop.InCampusAsync(sp => sp.GetRequiredService<CampusKonseling.Sop.Data.SopDb>().Instances.CountAsync(i => i.Id == instanceId && i.Terlambat));
        Assert.Equal(1, overdue);
        using var client = platform.Client();
        await client.SignInAsync(campus.Prefix, await sop.EmailOfAsync(Staff), "Demo12345");
        var (_, page) = await client.PageAsync($"{campus.Prefix}/notifikasi");
        Assert.Contains(page.QuerySelectorAll("li.notification"), li => li.GetAttribute("data-jenis") == "sop-terlambat" && li.TextContent.Contains("Tanggapan cepat (uji)"));
    }

    [Fact]
    public async Task Completing_a_step_removes_its_timers_and_sets_the_next_steps()
    {
        var (_, sop, staf) = await QuickCampusAsync("slabatal", Quick with { Langkah = [Quick.Langkah[0] with { Waktu = "1 Hari" }, Quick.Langkah[1]] });
        var started = await sop.StartAsync(Quick.Kode, staf);
        var first = started.Instance!.Aktif.Single().ActivationId;
        Assert.Equal(2L, await TriggersAsync(first));

        var done = await sop.CompleteAsync(started.Instance.Id, new CompleteStep("1"), staf);
        Assert.Equal(0L, await TriggersAsync(first));
        Assert.Equal(2L, await TriggersAsync(done.Instance!.Aktif.Single().ActivationId));
        await sop.CompleteAsync(started.Instance.Id, new CompleteStep("2"), staf);
        Assert.Equal(0L, await TriggersAsync(done.Instance.Aktif.Single().ActivationId));
    }

    [Fact]
    public async Task A_step_started_in_a_request_that_died_right_after_its_commit_still_has_its_timers()
    {
        var (_, sop, _) = await QuickCampusAsync("slamati");

        // A form submission starts the SOP in its own transaction; the process dies after the commit, before anything else
        // (SopLaunch.AfterCommitAsync never runs).
        var (instanceId, activationId, beforeCommit) = await sop.InCampusAsync(async sp =>
        {
            var connection = sp.GetRequiredService<CampusKonseling.Data.TenantDbConnection>();
            await connection.OpenAsync();
            await using var tx = await connection.Connection.BeginTransactionAsync();
            var launch = await sp.GetRequiredService<CampusKonseling.Workflows.ISopLauncher>().StartAsync(Quick.Kode, "Permohonan dari formulir", new Dictionary<string, string>(), tx);
            var activation = (await sp.GetRequiredService<SopDb>().ActiveSteps.AsNoTracking().SingleAsync(a => a.InstanceId == launch.InstanceId)).ActivationId;
            var triggers = await TriggersAsync(activation);
            await tx.CommitAsync();
            return (launch.InstanceId, activation, triggers);
        });
        Assert.Equal(2L, beforeCommit); // the reminder and the due time were set before the step existed for anyone else

        var instance = await WaitAsync(sop, instanceId, i => i.Riwayat.Any(e => e.Jenis == StepEventKind.Terlambat) && i.Riwayat.Any(e => e.Jenis == StepEventKind.Diingatkan), TimeSpan.FromSeconds(45));
        Assert.Single(instance.Riwayat, e => e.Jenis == StepEventKind.Diingatkan && e.ActivationId == activationId);
        Assert.Single(instance.Riwayat, e => e.Jenis == StepEventKind.Terlambat && e.ActivationId == activationId);
        await MailDev.WaitForAsync(await sop.EmailOfAsync(Staff), TimeSpan.FromSeconds(15), m => m.Subject.Contains("Terlambat") && m.Text.Contains(instanceId.ToString()));
    }

    [Fact]
    public async Task A_timer_set_for_a_transition_that_never_committed_does_nothing_and_looks_again_later()
    {
        var (_, sop, _) = await QuickCampusAsync("slaurung");
        var (instanceId, activationId) = await sop.InCampusAsync(async sp =>
        {
            var connection = sp.GetRequiredService<CampusKonseling.Data.TenantDbConnection>();
            await connection.OpenAsync();
            await using var tx = await connection.Connection.BeginTransactionAsync();
            var launch = await sp.GetRequiredService<CampusKonseling.Workflows.ISopLauncher>().StartAsync(Quick.Kode, "Permohonan yang batal", new Dictionary<string, string>(), tx);
            var activation = (await sp.GetRequiredService<SopDb>().ActiveSteps.AsNoTracking().SingleAsync(a => a.InstanceId == launch.InstanceId)).ActivationId;
            await tx.RollbackAsync(); // the request failed after the SOP started in it
            return (launch.InstanceId, activation);
        });
        Assert.Equal(2L, await TriggersAsync(activationId));

        // Both fire (2 s, 4 s), find no such step, and each is looked for again once more shortly after instead of being dropped.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await TriggersAsync(activationId, "%-tunda-1") < 2 && DateTime.UtcNow < deadline) await Task.Delay(300);
        Assert.Equal(2L, await TriggersAsync(activationId, "%-tunda-1"));
        Assert.Equal(0, await sop.InCampusAsync(sp => sp.GetRequiredService<SopDb>().Instances.CountAsync(i => i.Id == instanceId)));
        var notices = await sop.InCampusAsync(sp => sp.GetRequiredService<CampusKonseling.Notifications.Data.NotificationsDb>().Items.CountAsync(n => n.Jenis == "sop-pengingat" || n.Jenis == "sop-terlambat"));
        Assert.Equal(0, notices);
    }

    [Fact]
    public async Task A_timer_firing_while_the_campus_list_cannot_be_read_is_tried_again_later_not_lost()
    {
        var (_, sop, staf) = await QuickCampusAsync("slaputus");
        var scheduler = platform.Services.GetRequiredService<SchedulerService>();
        // Only a node whose host database "goes away" runs timers meanwhile.
        var registry = new FlakyRegistry();
        await using var node = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b.UseEnvironment("Testing")
            .ConfigureTestServices(services => services.AddSingleton<CampusKonseling.Shell.ITenantRegistry>(sp => registry.Around(sp))));
        node.CreateClient().Dispose();
        await scheduler.PauseAsync(default);
        try
        {
            registry.Down = true;
            var started = await sop.StartAsync(Quick.Kode, staf, subjek: "Permohonan saat gangguan");
            var activationId = started.Instance!.Aktif.Single().ActivationId;

            // The reminder (2 s) and the escalation (4 s) fire, cannot open the campus, and are each set again a minute later.
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (await TriggersAsync(activationId, "%-tunda-1") < 2 && DateTime.UtcNow < deadline) await Task.Delay(300);
            Assert.Equal(2L, await TriggersAsync(activationId, "%-tunda-1"));
            Assert.DoesNotContain((await sop.InstanceAsync(started.Instance.Id)).Riwayat, e => e.Jenis is StepEventKind.Diingatkan or StepEventKind.Terlambat);
        }
        finally
        {
            registry.Down = false;
            await scheduler.ResumeAsync(default);
        }
    }

    [Fact]
    public async Task A_reminder_and_its_notices_are_kept_together_or_not_at_all()
    {
        var (campus, sop, staf) = await QuickCampusAsync("slasatu", Quick with { PengingatPersen = 50, Langkah = [Quick.Langkah[0] with { Waktu = "6 detik" }, Quick.Langkah[1]] });
        var started = await sop.StartAsync(Quick.Kode, staf, subjek: "Permohonan sore");
        var instanceId = started.Instance!.Id;
        await using var blocker = new NpgsqlConnection(TestDatabase.ConnectionStringFor(campus.Database));
        await blocker.OpenAsync();
        // Nobody may write a notice for a while (as if the process stopped between the reminder's mark and its notices).
        var hold = await blocker.BeginTransactionAsync();
        await new NpgsqlCommand("LOCK TABLE notifications.notifications IN EXCLUSIVE MODE", blocker, hold).ExecuteNonQueryAsync();
        // The reminder (3 s after the start) fires and waits to write its notices.
        var waiting = 0L;
        for (var deadline = DateTime.UtcNow.AddSeconds(15); waiting == 0 && DateTime.UtcNow < deadline; await Task.Delay(200))
            waiting = (long)(await new NpgsqlCommand("SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation WHERE c.relname = 'notifications' AND NOT l.granted", blocker, hold).ExecuteScalarAsync())!;
        Assert.True(waiting > 0, "the reminder never came to write its notices");

        // The mark is not visible without its notices.
        Assert.DoesNotContain((await sop.InstanceAsync(instanceId)).Riwayat, e => e.Jenis == StepEventKind.Diingatkan);
        await hold.RollbackAsync();
        var instance = await WaitAsync(sop, instanceId, i => i.Riwayat.Any(e => e.Jenis == StepEventKind.Diingatkan), TimeSpan.FromSeconds(20));
        Assert.Single(instance.Riwayat, e => e.Jenis == StepEventKind.Diingatkan);
        var notices = await sop.InCampusAsync(sp => sp.GetRequiredService<CampusKonseling.Notifications.Data.NotificationsDb>().Items.CountAsync(n => n.UserId == staf.Id && n.Jenis == "sop-pengingat"));
        Assert.Equal(1, notices);
    }

    [Fact]
    public async Task A_timer_firing_before_its_steps_committed_time_does_not_act_and_is_set_again_for_then()
    {
        var (_, sop, staf) = await QuickCampusAsync("slaawal", Quick with { Langkah = [Quick.Langkah[0] with { Waktu = "1 Hari" }, Quick.Langkah[1]] });
        var started = await sop.StartAsync(Quick.Kode, staf);
        var activation = started.Instance!.Aktif.Single().ActivationId;

        // As a trigger left from a move that did not commit would: the reminder fires hours before the step's time.
        var scheduler = await platform.Services.GetRequiredService<Quartz.ISchedulerFactory>().GetScheduler();
        await scheduler.TriggerJob(CampusKonseling.Sop.Timers.QuartzSlaTimers.Key(activation, CampusKonseling.Sop.Timers.SlaKind.Pengingat));
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (await TriggersAsync(activation, "-Pengingat-pada-%") == 0 && DateTime.UtcNow < deadline) await Task.Delay(200);
        Assert.Equal(1L, await TriggersAsync(activation, "-Pengingat-pada-%"));
        Assert.DoesNotContain((await sop.InstanceAsync(started.Instance.Id)).Riwayat, e => e.Jenis == StepEventKind.Diingatkan);
        Assert.False((await sop.InstanceAsync(started.Instance.Id)).Aktif.Single().Diingatkan);
    }

    /// <summary>A campus with the <see cref="Quick"/> SOP (or <paramref name="definition"/>) and its staff member who acts on it.</summary>
    private async Task<(TestTenant Campus, SopHarness Sop, Actor Staf)> QuickCampusAsync(string name, SopDefinition? definition = null)
    {
        var campus = await platform.CreateTenantAsync("konseling-asesmen", name);
        var sop = new SopHarness(platform, campus);
        await sop.InCampusAsync(sp => sp.GetRequiredService<SopCatalog>().ImportAsync(definition ?? Quick, "uji", null));
        return (campus, sop, await sop.ActorAsync(Staff));
    }

    private static async Task<long> TriggersAsync(Guid activationId, string like = "%")
    {
        await using var conn = new NpgsqlConnection(TestDatabase.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT count(*) FROM qrtz_triggers WHERE trigger_name LIKE $1", conn) { Parameters = { new() { Value = activationId.ToString("N") + like } } };
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    private static async Task<SopInstance> WaitAsync(SopHarness sop, Guid id, Func<SopInstance, bool> until, TimeSpan limit)
    {
        var started = DateTime.UtcNow;
        while (true)
        {
            var instance = await sop.InstanceAsync(id);
            if (until(instance)) return instance;
            if (DateTime.UtcNow - started > limit) return instance;
            await Task.Delay(500);
        }
    }
}
