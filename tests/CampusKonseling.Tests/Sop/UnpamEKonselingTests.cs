using System.Net;
using System.Text.RegularExpressions;
using CampusKonseling.Forms.Data;
using CampusKonseling.Notifications.Channels;
using CampusKonseling.Notifications.Data;
using CampusKonseling.Notifications.Outbox;
using CampusKonseling.Sop.Engine;
using CampusKonseling.Sop.Runtime;
using CampusKonseling.Sop.Timers;
using CampusKonseling.Tests.Infrastructure;
using CampusKonseling.Tests.Notifications;
using CampusKonseling.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CampusKonseling.Tests.Sop;

/// <summary>
/// UNPAM's Layanan Konseling Online as its document reads: the student does steps 1–5 in the E-konseling form, step 4's
/// branch is their answer, and step 6 — "tanggapan 2 menit setelah pengisian data … notifikasi by mail dan HP" — is a
/// message the system sends them, whose delivery completes the step. The counselor then follows it up (step 7).
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class UnpamEKonselingTests(PlatformFixture platform)
{
    private const string EKonseling = "146/A.3.1/SOP/UNPAM/X/2019";

    private static Dictionary<string, string> Registration(string email, string saluran) => new()
    {
        ["f_nama"] = "Siti Rahmawati", ["f_nim"] = "211011400777", ["f_prodi"] = "Psikologi", ["f_email"] = email,
        ["f_hp"] = "081298765432", ["f_saluran"] = saluran, ["f_bidang"] = "Personal",
        ["f_permasalahan"] = "Saya merasa cemas menjelang ujian skripsi.", ["f_setuju"] = "setuju",
    };

    private async Task<string> RegisterAsync(TestTenant campus, string email, string saluran = "Konseling Online")
    {
        using var client = platform.Client();
        using var sent = await client.SubmitAsync($"{campus.Prefix}/formulir/e-konseling", "form.intake", Registration(email, saluran));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        return Regex.Match(sent.Headers.Location!.OriginalString, "kode=([A-Z2-9-]+)").Groups[1].Value;
    }

    private static Task<Guid> InstanceOfAsync(SopHarness sop, string code) =>
        sop.InCampusAsync(async sp => (await sp.GetRequiredService<FormsDb>().Submissions.SingleAsync(s => s.KodePelacakan == code)).SopInstanceId!.Value);

    private static async Task<SopInstance> WaitAsync(SopHarness sop, Guid id, Func<SopInstance, bool> until, TimeSpan within)
    {
        var end = DateTime.UtcNow + within;
        while (true)
        {
            var instance = await sop.InstanceAsync(id);
            if (until(instance) || DateTime.UtcNow > end) return instance;
            await Task.Delay(200);
        }
    }

    private static Task UseGatewayAsync(SopHarness sop, string url) => sop.InCampusAsync(async sp =>
    {
        await sp.GetRequiredService<ChannelSettingsStore>().SaveAsync(new ChannelSettings
        {
            GatewayAktif = true, GatewayJenis = GatewayKinds.WhatsApp, GatewayUrl = url, GatewayMethod = "POST",
            GatewayContentType = "application/json", GatewayBody = "{\"target\": \"{telepon}\", \"message\": \"{pesan}\"}", DiubahOleh = "uji",
        });
        return 0;
    });

    [Fact]
    public async Task The_student_does_steps_1_to_5_in_the_form_and_the_response_by_mail_and_HP_completes_step_6_within_two_minutes()
    {
        var campus = await platform.CreateTenantAsync("unpam", "ekonseling");
        var sop = new SopHarness(platform, campus);
        using var gateway = new FakeGateway();
        await UseGatewayAsync(sop, $"{gateway.BaseUrl}/send");
        var email = $"siti.{Guid.NewGuid():N}@mahasiswa.unpam.test";

        var code = await RegisterAsync(campus, email);

        // The response reaches the student's own address, naming the request and an absolute status link.
        var mail = await MailDev.WaitForAsync(email, TimeSpan.FromSeconds(30), m => m.Subject.Contains("Tanggapan E-konseling"));
        Assert.Contains(code, mail.Subject);
        Assert.Contains("Yth. Siti Rahmawati", mail.Text);
        Assert.Contains($"http://localhost/{campus.Prefix}/formulir/status", mail.Text);
        Assert.DoesNotContain("cemas", mail.Text);
        var text = await gateway.WaitForAsync(r => r.Body.Contains("akan ditindaklanjuti konselor") && r.Body.Contains(code), TimeSpan.FromSeconds(30));
        Assert.Contains("6281298765432", text.Body);

        var id = await InstanceOfAsync(sop, code);
        var instance = await WaitAsync(sop, id, i => i.Aktif.All(a => a.StepId != "6"), TimeSpan.FromSeconds(30));
        var done = instance.Riwayat.Where(e => e.Jenis == StepEventKind.Diselesaikan).ToList();
        Assert.Equal(["1", "2", "3", "4", "5", "6"], done.Select(e => e.StepId!));

        // Steps 1–5 were done by the student's submission: recorded by Sistem at that moment; step 4 took the form's answer.
        Assert.All(done.Take(5), e => Assert.Equal(("system", "Sistem", instance.DimulaiPada), (e.OlehId, e.OlehNama, e.Pada)));
        Assert.Equal("Konseling Online (langsung Klik Next)", done[3].Pilihan);

        // Step 6 completed when its messages were delivered, and not before; its output says so.
        var sent = await sop.InCampusAsync(sp => sp.GetRequiredService<NotificationsDb>().Outbox.AsNoTracking()
            .Where(m => m.SopInstanceId == id).OrderBy(m => m.Id).ToListAsync());
        Assert.Equal([(OutboxChannels.Email, email), (GatewayKinds.WhatsApp, "081298765432")], sent.Select(m => (m.Saluran, m.Penerima)));
        Assert.All(sent, m => Assert.Equal(OutboxStatus.Terkirim, m.Status));
        var step6 = done[5];
        Assert.Equal("Sistem", step6.OlehNama);
        Assert.True(step6.Pada >= sent.Max(m => m.TerkirimPada!.Value), "step 6 completed before its message was delivered");
        Assert.True(step6.Pada - sent.Max(m => m.TerkirimPada!.Value) < TimeSpan.FromSeconds(10));
        Assert.StartsWith("pesan terkirim ", step6.Keluaran["pesan tanggapan-e-konseling kepada klien"]);
        Assert.EndsWith("(email, whatsapp)", step6.Keluaran["pesan tanggapan-e-konseling kepada klien"]);
        Assert.True(step6.Pada - instance.DimulaiPada < TimeSpan.FromMinutes(2), "the response took longer than the SOP's 2 minutes");

        // Nobody re-clicks the student's steps: IT is told they are done, by Sistem.
        var it = await sop.ActorAsync("IT");
        var again = await sop.CompleteAsync(id, new CompleteStep("1"), it);
        Assert.False(again.Succeeded);
        Assert.Contains("Sistem", again.Error);

        // What is left is the counselor's follow-up; the IT lane cannot take it.
        Assert.Equal("7", Assert.Single(instance.Aktif).StepId);
        Assert.False((await sop.CompleteAsync(id, new CompleteStep("7"), it)).Succeeded);
        var finished = await sop.CompleteAsync(id, new CompleteStep("7"), await sop.ActorAsync("Konselor"));
        Assert.True(finished.Succeeded, finished.Error);
        Assert.Equal(InstanceStatus.Selesai, finished.Instance!.Status);

        // Baku mutu: step 6 is measured from submission to delivery and is within its 2 minutes.
        var rows = await sop.InCampusAsync(sp => sp.GetRequiredService<ISopCompliance>().StepsAsync(
            new ComplianceQuery(DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddHours(1), EKonseling)));
        var row6 = rows.Single(r => r.StepId == "6");
        Assert.Equal((1, 1, 1, 0, 0), (row6.Selesai, row6.Berbaku, row6.DalamBaku, row6.Terlambat, row6.Terbuka));
        Assert.True(row6.Median < TimeSpan.FromMinutes(2));
    }

    [Fact]
    public async Task Choosing_tatap_muka_takes_the_other_branch_of_step_4()
    {
        var campus = await platform.CreateTenantAsync("unpam", "tatapmuka");
        var sop = new SopHarness(platform, campus);
        var code = await RegisterAsync(campus, $"tm.{Guid.NewGuid():N}@mahasiswa.unpam.test", "Tatap Muka");
        var instance = await sop.InstanceAsync(await InstanceOfAsync(sop, code));
        Assert.Equal("Tatap muka", instance.Riwayat.Single(e => e.StepId == "4" && e.Jenis == StepEventKind.Diselesaikan).Pilihan);
    }

    [Fact]
    public async Task A_response_that_cannot_be_delivered_leaves_step_6_open_and_it_falls_overdue_to_IT()
    {
        var campus = await platform.CreateTenantAsync("unpam", "gagalkirim");
        var sop = new SopHarness(platform, campus);
        // The campus's own mail server is down (nothing listens on the port).
        using (var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            await sop.InCampusAsync(async sp =>
            {
                await sp.GetRequiredService<ChannelSettingsStore>().SaveAsync(new ChannelSettings { SmtpHost = "127.0.0.1", SmtpPort = port, SmtpSecurity = CampusKonseling.Notifications.SmtpSecurity.None, SmtpFrom = "konseling@unpam.test", DiubahOleh = "uji" });
                return 0;
            });
        }
        var email = $"gagal.{Guid.NewGuid():N}@mahasiswa.unpam.test";
        var code = await RegisterAsync(campus, email);
        var id = await InstanceOfAsync(sop, code);

        var tried = await WaitForAsync(() => sop.InCampusAsync(sp => sp.GetRequiredService<NotificationsDb>().Outbox.AsNoTracking()
            .FirstOrDefaultAsync(m => m.SopInstanceId == id && m.Percobaan > 0)), TimeSpan.FromSeconds(30));
        Assert.Equal(OutboxStatus.Menunggu, tried.Status);
        Assert.NotNull(tried.GalatTerakhir);

        var instance = await sop.InstanceAsync(id);
        var open = Assert.Single(instance.Aktif);
        Assert.Equal("6", open.StepId);
        Assert.DoesNotContain(instance.Riwayat, e => e.StepId == "6" && e.Jenis == StepEventKind.Diselesaikan);
        // Nobody can tick it instead: the message is the step's work.
        var it = await sop.ActorAsync("IT");
        var ticked = await sop.CompleteAsync(id, new CompleteStep("6"), it);
        Assert.False(ticked.Succeeded);

        // At its due time it is overdue, and the IT lane is told.
        await sop.InCampusAsync(async sp =>
        {
            await sp.GetRequiredService<SopRuntime>().OnTimerAsync(SlaKind.JatuhTempo, id, open.ActivationId, default);
            return 0;
        });
        Assert.True((await sop.InstanceAsync(id)).Aktif.Single().Terlambat);
        var itId = await SecurityCampusUserId(campus, "it@unpam.demo");
        Assert.True((long)(await TestDatabase.ScalarAsync(campus.Database,
            $"SELECT count(*) FROM notifications.notifications WHERE jenis = 'sop-terlambat' AND user_id = '{itId}'"))! > 0);
    }

    private static Task<string> SecurityCampusUserId(TestTenant campus, string email) => CampusKonseling.Tests.Security.SecurityCampus.UserIdAsync(campus, email);

    private static async Task<T> WaitForAsync<T>(Func<Task<T?>> probe, TimeSpan within) where T : class
    {
        var end = DateTime.UtcNow + within;
        while (true)
        {
            if (await probe() is { } found) return found;
            if (DateTime.UtcNow > end) throw new TimeoutException("nothing came");
            await Task.Delay(200);
        }
    }
}
