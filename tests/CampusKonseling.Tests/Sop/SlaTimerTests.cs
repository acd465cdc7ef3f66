using CampusKonseling.Notifications;
using CampusKonseling.Sop.Definitions;
using CampusKonseling.Sop.Engine;
using CampusKonseling.Sop.Runtime;
using CampusKonseling.Tests.Infrastructure;
using CampusKonseling.Host.Jobs;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
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
        var campus = await platform.CreateTenantAsync("konseling-asesmen", "sla");
        var sop = new SopHarness(platform, campus);
        await sop.InCampusAsync(sp => sp.GetRequiredService<SopCatalog>().ImportAsync(Quick, "uji", null));
        var staf = await sop.ActorAsync(Staff);
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
        var campus = await platform.CreateTenantAsync("konseling-asesmen", "slabatal");
        var sop = new SopHarness(platform, campus);
        await sop.InCampusAsync(sp => sp.GetRequiredService<SopCatalog>().ImportAsync(Quick with { Langkah = [Quick.Langkah[0] with { Waktu = "1 Hari" }, Quick.Langkah[1]] }, "uji", null));
        var staf = await sop.ActorAsync(Staff);
        var started = await sop.StartAsync(Quick.Kode, staf);
        var first = started.Instance!.Aktif.Single().ActivationId;
        Assert.Equal(2L, await TriggersAsync(first));

        var done = await sop.CompleteAsync(started.Instance.Id, new CompleteStep("1"), staf);
        Assert.Equal(0L, await TriggersAsync(first));
        Assert.Equal(2L, await TriggersAsync(done.Instance!.Aktif.Single().ActivationId));
        await sop.CompleteAsync(started.Instance.Id, new CompleteStep("2"), staf);
        Assert.Equal(0L, await TriggersAsync(done.Instance.Aktif.Single().ActivationId));
    }

    private static async Task<long> TriggersAsync(Guid activationId)
    {
        await using var conn = new NpgsqlConnection(TestDatabase.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT count(*) FROM qrtz_triggers WHERE trigger_name LIKE $1", conn) { Parameters = { new() { Value = activationId.ToString("N") + "%" } } };
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
