using CampusKonseling.Cases.Data;
using CampusKonseling.Notifications;
using CampusKonseling.Sop.Definitions;
using CampusKonseling.Sop.Engine;
using CampusKonseling.Sop.Runtime;
using CampusKonseling.Tests.Cases;
using CampusKonseling.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CampusKonseling.Tests.Metrics;

/// <summary>
/// What a campus IT team reads at /metrics while a campus works: its requests, its SOP steps and its outbox, each
/// under the campus's name, and never a person, a case or what they wrote.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class CampusMetricsTests(PlatformFixture platform) : CaseCampusTests(platform, "metrik")
{
    private const string Uraian = "Saya sering cemas menjelang ujian skripsi dan sulit tidur.";
    private string Campus => _site.Campus.Name;

    [Fact]
    public async Task A_request_and_its_case_move_the_campus_s_request_and_step_counters_and_no_label_names_anyone()
    {
        var email = $"klien.{Guid.NewGuid():N}@mahasiswa.test";
        var c = await SubmitAsync(Uraian, email);
        using var staf = await SignInAsync(Staf);
        await CasePageAsync(staf, c);
        var step = (await _site.In.InstanceAsync(c.SopInstanceId!.Value)).Aktif.Single().StepId;
        var done = await _site.In.CompleteAsync(c.SopInstanceId!.Value, new CompleteStep(step), await _site.In.ActorAsync(Staf));
        Assert.True(done.Succeeded, done.Error);

        // The steps the instance's history shows activated and completed, counted under this campus and the SOP's kode.
        (int Started, int Completed) history = default;
        var scrape = await Scrape.WaitForAsync(Platform, async s =>
        {
            var riwayat = (await _site.In.InstanceAsync(c.SopInstanceId!.Value)).Riwayat;
            history = (riwayat.Count(e => e.Jenis == StepEventKind.Diaktifkan), riwayat.Count(e => e.Jenis == StepEventKind.Diselesaikan));
            return Steps(s, c, "started") == history.Started && Steps(s, c, "completed") == history.Completed;
        });
        Assert.True(history.Completed >= 2, "the form did step 1 and staff the next");
        Assert.Equal(history.Started, Steps(scrape, c, "started"));
        Assert.Equal(history.Completed, Steps(scrape, c, "completed"));
        Assert.Equal(0, Steps(scrape, c, "overdue"));

        // Requests under the campus, each by its route template: the public form, the case page.
        var requests = scrape.Series("http_server_request_duration_seconds_count", ("campus", Campus)).ToList();
        Assert.Contains(requests, r => r["http_route"]?.TrimStart('/') == "formulir/{kode}" && r["http_request_method"] == "POST" && r.Value >= 1);
        Assert.Contains(requests, r => r["http_route"]?.TrimStart('/').StartsWith("admin/kasus/{") == true && r["http_response_status_code"] == "200" && r.Value >= 1);
        // Every campus keeps its own series: none folded into the SDK's overflow series (after a whole suite's campuses too).
        Assert.DoesNotContain("otel_metric_overflow", scrape.Text);

        // Nobody and nothing of the case in any label: not the client, the case, its tracking code or the staff.
        var values = scrape.Samples.SelectMany(s => s.Labels.Values).Distinct().ToList();
        string[] personal = [email, "Dewi", "Lestari", c.Id.ToString(), c.SopInstanceId!.Value.ToString(), c.Nomor, c.KodePelacakan!, Uraian[..20], await _site.In.EmailOfAsync(Staf)];
        Assert.All(personal, p => Assert.DoesNotContain(p, scrape.Text, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(values, v => v.Contains("2021001234")); // the NIM (as a number it could be any metric's value)
        Assert.DoesNotContain(values, v => v.Contains('@'));
        // The platform's own series carry only these labels (and the exporter's scope labels).
        string[] allowed = ["campus", "sop", "channel", "final", "state", "server"];
        Assert.All(scrape.Samples.Where(s => s.Name.StartsWith("campuskonseling_")).SelectMany(s => s.Labels.Keys).Distinct(),
            label => Assert.True(allowed.Contains(label) || label.StartsWith("otel_scope_"), $"unexpected label {label}"));
    }

    /// <summary>A short SOP on the plain clock: due 3 seconds after it starts.</summary>
    private static readonly SopDefinition Quick = new()
    {
        Kode = "UJI-METRIK-SLA", Judul = "Tanggapan cepat (uji metrik)", JamKerja = false, PengingatPersen = 50,
        Pelaksana = [new("staf", "Staf", Staf)],
        Langkah =
        [
            new() { Id = "1", Jenis = JenisLangkah.Mulai, Uraian = "Menanggapi permohonan", Pelaksana = ["staf"], Waktu = "3 detik", Lanjut = ["2"] },
            new() { Id = "2", Jenis = JenisLangkah.Selesai, Uraian = "Menutup", Pelaksana = ["staf"], Waktu = "1 Hari" },
        ],
    };

    [Fact]
    public async Task A_step_whose_sla_timer_fires_counts_once_as_overdue_for_its_campus_and_sop()
    {
        await _site.In.InCampusAsync(sp => sp.GetRequiredService<SopCatalog>().ImportAsync(Quick, "uji", null));
        var started = await _site.In.StartAsync(Quick.Kode, await _site.In.ActorAsync(Staf), subjek: "Permohonan Dewi Lestari");
        var scrape = await Scrape.WaitForAsync(Platform, s => Task.FromResult(s.Sum("campuskonseling_sop_steps_overdue_total", ("campus", Campus), ("sop", Quick.Kode)) >= 1), TimeSpan.FromSeconds(30));
        Assert.Equal(1, scrape.Sum("campuskonseling_sop_steps_overdue_total", ("campus", Campus), ("sop", Quick.Kode)));
        Assert.Equal(1, scrape.Sum("campuskonseling_sop_steps_started_total", ("campus", Campus), ("sop", Quick.Kode)));
        Assert.Single((await _site.In.InstanceAsync(started.Instance!.Id)).Riwayat, e => e.Jenis == StepEventKind.Terlambat);
        Assert.DoesNotContain("Dewi Lestari", scrape.Text);
    }

    [Fact]
    public async Task The_outbox_shows_its_sent_and_failed_messages_per_channel_and_its_queue_per_campus()
    {
        await _site.In.InCampusAsync(async sp =>
        {
            var outbox = sp.GetRequiredService<IOutbox>();
            await outbox.EnqueueAsync(new EmailMessage("bukan alamat e-mail", "Tidak terkirim (uji metrik)", "isi"), null);
            await outbox.EnqueueAsync(new EmailMessage($"penerima.{Guid.NewGuid():N}@mahasiswa.test", "Terkirim (uji metrik)", "isi"), null);
            await outbox.EnqueueLaterAsync(new EmailMessage($"pengingat.{Guid.NewGuid():N}@mahasiswa.test", "Pengingat besok (uji metrik)", "isi"), DateTimeOffset.UtcNow.AddDays(1), "uji-metrik");
            outbox.Wake();
            return 0;
        });

        // The worker delivers at once when woken: the bad address fails (and waits for its retry), the other goes out,
        // and the reminder waits for tomorrow. What it counted on that visit is the queue.
        var scrape = await Scrape.WaitForAsync(Platform, s => Task.FromResult(
            s.Sum("campuskonseling_outbox_send_failures_total", ("campus", Campus), ("channel", "email")) >= 1
            && s.Sum("campuskonseling_outbox_queue_length", ("campus", Campus), ("state", "later")) >= 2));
        Assert.Equal(1, scrape.Sum("campuskonseling_outbox_send_failures_total", ("campus", Campus), ("channel", "email"), ("final", "false")));
        Assert.True(scrape.Sum("campuskonseling_outbox_sent_total", ("campus", Campus), ("channel", "email")) >= 1);
        // Waiting for later: the failed message's retry and tomorrow's reminder (the request's own mail may add to them).
        Assert.True(scrape.Sum("campuskonseling_outbox_queue_length", ("campus", Campus), ("state", "later")) >= 2);
        Assert.Equal(0, scrape.Sum("campuskonseling_outbox_queue_length", ("campus", Campus), ("state", "due")));
        Assert.DoesNotContain("mahasiswa.test", scrape.Text);
        Assert.DoesNotContain("uji metrik", scrape.Text);
    }

    private double Steps(Scrape scrape, CaseRow c, string what) =>
        scrape.Sum($"campuskonseling_sop_steps_{what}_total", ("campus", Campus), ("sop", c.SopKode!));
}
