using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CampusKonseling.Notifications;
using CampusKonseling.Notifications.Data;
using CampusKonseling.Notifications.Outbox;
using CampusKonseling.Tests.Infrastructure;
using CampusKonseling.Tests.Sop;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CampusKonseling.Tests.Forms;

/// <summary>The transactional outbox: each message delivered once by competing workers; failures shown to the admin.</summary>
[Collection(PlatformCollection.Name)]
public sealed class OutboxTests(PlatformFixture platform) : IAsyncLifetime
{
    private TestTenant _campus = null!;
    private SopHarness _in = null!;

    public async Task InitializeAsync()
    {
        _campus = await platform.CreateTenantAsync("iuqi", "outbox");
        _in = new SopHarness(platform, _campus);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Competing_workers_deliver_each_message_exactly_once()
    {
        var batch = Guid.NewGuid().ToString("N")[..8];
        for (var i = 0; i < 30; i++)
        {
            var to = $"penerima{i}.{batch}@mahasiswa.test";
            await _in.InCampusAsync(async sp => { await sp.GetRequiredService<IOutbox>().EnqueueAsync(new EmailMessage(to, $"Uji {batch} #{i}", "isi"), null); return 0; });
        }
        // Three workers of "different processes" race for the same queue (the platform's own worker may join in).
        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => _in.InCampusAsync(sp => sp.GetRequiredService<OutboxDelivery>().DeliverAsync(default)))));

        var pending = await _in.InCampusAsync(sp => sp.GetRequiredService<NotificationsDb>().Outbox.CountAsync(m => m.Judul.StartsWith($"Uji {batch}") && m.Status != OutboxStatus.Terkirim));
        Assert.Equal(0, pending);
        using var http = new HttpClient { BaseAddress = new Uri(Environment.GetEnvironmentVariable("CK_MAILDEV_URL") ?? throw new InvalidOperationException("Run ./test.sh")) };
        var subjects = (await http.GetFromJsonAsync<JsonElement>("email")).EnumerateArray()
            .Select(m => m.GetProperty("subject").GetString()!).Where(s => s.StartsWith($"Uji {batch} #")).ToList();
        Assert.Equal(30, subjects.Count);
        Assert.Equal(30, subjects.Distinct().Count());
    }

    [Fact]
    public async Task A_message_that_cannot_be_delivered_is_shown_with_its_reason_and_can_be_sent_again()
    {
        await _in.InCampusAsync(async sp => { await sp.GetRequiredService<IOutbox>().EnqueueAsync(new EmailMessage("bukan alamat e-mail", "Tidak terkirim", "isi"), null); return 0; });
        await _in.InCampusAsync(sp => sp.GetRequiredService<OutboxDelivery>().DeliverAsync(default));
        var failed = await _in.InCampusAsync(sp => sp.GetRequiredService<NotificationsDb>().Outbox.AsNoTracking().SingleAsync(m => m.Judul == "Tidak terkirim"));
        Assert.True(failed.Percobaan >= 1);
        Assert.False(string.IsNullOrEmpty(failed.GalatTerakhir));
        Assert.Equal(OutboxStatus.Menunggu, failed.Status);
        Assert.True(failed.KirimSetelah > DateTimeOffset.UtcNow, "a failed message waits before it is tried again");

        using var admin = platform.Client();
        await admin.SignInAsync(_campus.Prefix, _campus.AdminEmail, _campus.AdminPassword);
        var (_, page) = await admin.PageAsync($"{_campus.Prefix}/admin/pesan-keluar");
        var row = page.QuerySelector($"tr[data-pesan='{failed.Id}']")!;
        Assert.Contains("bukan alamat e-mail", row.TextContent);
        Assert.False(string.IsNullOrWhiteSpace(row.QuerySelector(".reason")!.TextContent));

        using var retry = await admin.SubmitAsync(page, $"tr[data-pesan='{failed.Id}'] form", new Dictionary<string, string>(), $"{_campus.Prefix}/admin/pesan-keluar");
        Assert.Equal(HttpStatusCode.Redirect, retry.StatusCode);
        var (_, after) = await admin.PageAsync($"{_campus.Prefix}/admin/pesan-keluar");
        Assert.Contains("Pesan dijadwalkan untuk dikirim ulang.", after.QuerySelector(".alert.success")!.TextContent);
        var again = await _in.InCampusAsync(sp => sp.GetRequiredService<NotificationsDb>().Outbox.AsNoTracking().SingleAsync(m => m.Id == failed.Id));
        // Due now; or already claimed by the worker the retry woke (its claim's end in KirimSetelah); or tried again and failed.
        Assert.True(again.KirimSetelah <= DateTimeOffset.UtcNow.AddSeconds(1) || again.Status == OutboxStatus.Mengirim || again.Percobaan >= 1,
            $"{again.Status}, {again.Percobaan} tries, next {again.KirimSetelah:O}");
    }

    [Fact]
    public async Task A_message_claimed_by_a_node_that_died_goes_out_once_its_claim_runs_out_and_not_before()
    {
        var batch = Guid.NewGuid().ToString("N")[..8];
        var to = $"klaim.{batch}@mahasiswa.test";
        // A node claimed it and died while sending (its claim runs three minutes).
        await _in.InCampusAsync(sp =>
        {
            var db = sp.GetRequiredService<NotificationsDb>();
            db.Outbox.Add(new OutboxMessage
            {
                Saluran = OutboxChannels.Email, Penerima = to, Judul = $"Klaim {batch}", Isi = "isi", Status = OutboxStatus.Mengirim,
                DibuatPada = DateTimeOffset.UtcNow, KirimSetelah = DateTimeOffset.UtcNow.AddMinutes(10),
            });
            return db.SaveChangesAsync();
        });
        await _in.InCampusAsync(sp => sp.GetRequiredService<OutboxDelivery>().DeliverAsync(default));
        var claimed = await _in.InCampusAsync(sp => sp.GetRequiredService<NotificationsDb>().Outbox.AsNoTracking().SingleAsync(m => m.Penerima == to));
        Assert.Equal(OutboxStatus.Mengirim, claimed.Status); // another node leaves it to its claimant meanwhile

        await _in.InCampusAsync(sp => sp.GetRequiredService<NotificationsDb>().Outbox.Where(m => m.Penerima == to)
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.KirimSetelah, DateTimeOffset.UtcNow.AddSeconds(-1))));
        await _in.InCampusAsync(sp => sp.GetRequiredService<OutboxDelivery>().DeliverAsync(default));
        await _in.InCampusAsync(sp => sp.GetRequiredService<OutboxDelivery>().DeliverAsync(default));
        var sent = await _in.InCampusAsync(sp => sp.GetRequiredService<NotificationsDb>().Outbox.AsNoTracking().SingleAsync(m => m.Penerima == to));
        Assert.Equal(OutboxStatus.Terkirim, sent.Status);
        await MailDev.WaitForAsync(to, TimeSpan.FromSeconds(10), m => m.Subject == $"Klaim {batch}");
        using var http = new HttpClient { BaseAddress = new Uri(Environment.GetEnvironmentVariable("CK_MAILDEV_URL")!) };
        var copies = (await http.GetFromJsonAsync<JsonElement>("email")).EnumerateArray().Count(m => m.GetProperty("subject").GetString() == $"Klaim {batch}");
        Assert.Equal(1, copies);
    }
}
