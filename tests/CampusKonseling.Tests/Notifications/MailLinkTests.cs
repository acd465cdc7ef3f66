using System.Net;
using System.Text.RegularExpressions;
using CampusKonseling.Forms.Data;
using CampusKonseling.Notifications.Data;
using CampusKonseling.Notifications.Outbox;
using CampusKonseling.Programs.Work;
using CampusKonseling.Sop.Engine;
using CampusKonseling.Sop.Runtime;
using CampusKonseling.Sop.Timers;
using CampusKonseling.Tests.Infrastructure;
using CampusKonseling.Tests.Programs;
using CampusKonseling.Tests.Sop;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CampusKonseling.Tests.Notifications;

/// <summary>
/// Mail is read outside the site, so every link in it is absolute and leads into the campus that sent it: under the
/// platform's public address with the campus's prefix, or on the campus's own host name. The campuses here run their SOPs
/// far enough to write every kind of mail they send (acknowledgment and status link, set-password link, staff reminders
/// and escalations, the Kaprodi's and the students' invitations, a programme's ticket, cancellation and evaluation, a
/// password reset, the SOP's own message to the client); every link of every outbox message is checked, and followed.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed partial class MailLinkTests(PlatformFixture platform)
{
    [GeneratedRegex(@"https?://[^\s<>""']+")]
    private static partial Regex Link();

    /// <summary>A campus path written without the address before it ("/formulir/status", "akun/…").</summary>
    [GeneratedRegex(@"(?<![\w.-])/?(?:akun|admin|formulir|program|notifikasi)[/?]|(?<![\w./-])/?permohonan-saya\b")]
    private static partial Regex BarePath();

    [GeneratedRegex(@"(?:Buka|Open|Daftar di|Tautan|Status):[ \t]*(?:\r?\n|$)")]
    private static partial Regex EmptyLink();

    [Fact]
    public async Task Every_link_in_every_mail_of_a_prefixed_campus_is_absolute_and_under_its_prefix()
    {
        var site = await ProgramCampus.CreateAsync(platform, "tautanprefiks");
        var prefix = site.Campus.Prefix;

        // A calon alumnus registers for career counseling without an account: acknowledgment with the status link, and the set-password link.
        var alumnus = $"alumnus.{Guid.NewGuid():N}@mahasiswa.test";
        var code = await SubmitAsync(prefix, "permohonan-konseling-karier", new Dictionary<string, string>
        {
            ["f_nama"] = "Wulan Sari", ["f_status"] = "Calon alumni", ["f_tahun-lulus"] = "2026", ["f_nim"] = "2201020077", ["f_prodi"] = "Pendidikan Ekonomi",
            ["f_email"] = alumnus, ["f_hp"] = "081234567890", ["f_topik"] = "Bingung memilih antara S2 dan bekerja.", ["f_saluran"] = "Tatap muka", ["f_setuju"] = "setuju",
        });
        // Its staff step is late: a reminder, then the escalation, by e-mail to the step's staff and their supervisors.
        await RemindAndEscalateAsync(site.In, code);

        // A programme: the Kaprodi is asked to pass it on, the directory's students are invited, one registers, attends and is asked to evaluate, another cancels.
        var student = $"mhs.{Guid.NewGuid():N}@mhs.test";
        await site.SeedStudentsAsync(("2310101001", "Ayu Lestari", "Pendidikan Matematika", 3, "aktif", student));
        var program = await site.NewProgramAsync();
        using (var saved = await site.StaffPostAsync(program, "Sasaran", new Dictionary<string, string> { ["Prodi"] = "Pendidikan Matematika", ["Semester"] = "3", ["StatusMahasiswa"] = "aktif" }))
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        foreach (var saluran in new[] { "email", "peran" })
            using (var invited = await site.StaffPostAsync(program, "Undang", new Dictionary<string, string> { ["saluran"] = saluran }))
                Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);
        var attendee = await site.RegisteredAsync(platform, program, "Ayu Lestari", student, nim: "2310101001");
        var leaver = await site.RegisteredAsync(platform, program, "Bayu Aji", $"bayu.{Guid.NewGuid():N}@mhs.test");
        using (var visitor = platform.Client())
        using (var cancelled = await visitor.SubmitAsync($"{prefix}/program/tiket/{leaver.Token}", "form.cancel", new Dictionary<string, string>()))
            Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        await TestDatabase.ExecuteAsync(site.Campus.Database, $"UPDATE program.participants SET hadir_pada = now() WHERE id = '{attendee.Id}'");
        await site.In.InCampusAsync(async sp =>
        {
            var row = await sp.GetRequiredService<CampusKonseling.Programs.Data.ProgramsDb>().Programs.SingleAsync(p => p.Id == program);
            return await sp.GetRequiredService<Evaluations>().SendLinksAsync(row, default);
        });

        // Someone forgot their password.
        await ForgotPasswordAsync(prefix, site.Campus.AdminEmail);

        var mails = await OutboxAsync(site.In, ["Permohonan diterima", "atur kata sandi", "Pengingat:", "Terlambat:", "Undangan untuk diteruskan", "Undangan:",
            "Bukti pendaftaran", "Pendaftaran dibatalkan", "Evaluasi:", "Atur ulang kata sandi"]);
        await AssertLinksAsync(mails, $"http://localhost/{prefix}/", host: null, pathBase: $"/{prefix}", atLeast: 10);
        // The status link carries the request's code; the Kaprodi's mail leads to the programme, and to its public registration page.
        Assert.Contains(mails, m => m.Isi.Contains($"http://localhost/{prefix}/formulir/status?kode={code}"));
        Assert.Contains(mails, m => m.Judul.Contains("Undangan untuk diteruskan") && m.Isi.Contains($"http://localhost/{prefix}/admin/program/{program}")
            && m.Isi.Contains($"http://localhost/{prefix}/program/{program}"));
    }

    [Fact]
    public async Task A_campus_on_its_own_host_name_gets_every_link_on_that_host()
    {
        var host = $"konseling-{Guid.NewGuid():N}.kampus.test";
        var campus = await platform.CreateTenantAsync("unpam", "tautanhost", hostNames: [host]);
        var sop = new SopHarness(platform, campus);

        // UNPAM's E-konseling: registering makes the account (set-password link) and the SOP writes back to the student (status and "my requests" links).
        var student = $"siti.{Guid.NewGuid():N}@mahasiswa.unpam.test";
        var code = await SubmitAsync(campus.Prefix, "e-konseling", new Dictionary<string, string>
        {
            ["f_nama"] = "Siti Rahmawati", ["f_nim"] = "211011400777", ["f_prodi"] = "Psikologi", ["f_email"] = student, ["f_hp"] = "081298765432",
            ["f_saluran"] = "Konseling Online", ["f_bidang"] = "Personal", ["f_permasalahan"] = "Saya cemas menjelang ujian skripsi.", ["f_setuju"] = "setuju",
        });
        await RemindAndEscalateAsync(sop, code);
        await ForgotPasswordAsync(campus.Prefix, campus.AdminEmail);

        var mails = await OutboxAsync(sop, ["Permohonan diterima", "atur kata sandi", "Tanggapan E-konseling", "Pengingat:", "Terlambat:", "Atur ulang kata sandi"]);
        await AssertLinksAsync(mails, $"https://{host}/", host, pathBase: "", atLeast: 5);
        Assert.Contains(mails, m => m.Isi.Contains($"https://{host}/permohonan-saya"));
        Assert.Contains(mails, m => m.Isi.Contains($"https://{host}/akun/atur-ulang-sandi?"));
        Assert.All(mails, m => Assert.DoesNotContain("http://localhost", m.Isi));
    }

    private async Task<string> SubmitAsync(string prefix, string form, Dictionary<string, string> values)
    {
        using var client = platform.Client();
        using var sent = await client.SubmitAsync($"{prefix}/formulir/{form}", "form.intake", values);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        return Regex.Match(sent.Headers.Location!.OriginalString, "kode=([A-Z2-9-]+)").Groups[1].Value;
    }

    private async Task ForgotPasswordAsync(string prefix, string email)
    {
        using var client = platform.Client();
        using var requested = await client.SubmitAsync($"{prefix}/akun/lupa-sandi", "form", new Dictionary<string, string> { ["Email"] = email });
        Assert.Equal(HttpStatusCode.OK, requested.StatusCode);
    }

    /// <summary>The request's first step done by staff (after the system's own) has its reminder and then its due time come.</summary>
    private static async Task RemindAndEscalateAsync(SopHarness sop, string code)
    {
        var instanceId = await sop.InCampusAsync(async sp => (await sp.GetRequiredService<FormsDb>().Submissions.SingleAsync(s => s.KodePelacakan == code)).SopInstanceId!.Value);
        var until = DateTime.UtcNow.AddSeconds(30);
        ActiveStep? active;
        while (true)
        {
            var instance = await sop.InstanceAsync(instanceId);
            var version = await sop.VersionAsync(instance.VersionId);
            active = instance.Aktif.FirstOrDefault(a => version.Definition.Find(a.StepId) is { Otomatis: null } step && !SopEngine.BySystem(step, instance.Konteks));
            if (active is not null || DateTime.UtcNow > until) break;
            await Task.Delay(300);
        }
        Assert.NotNull(active);
        foreach (var kind in new[] { SlaKind.Pengingat, SlaKind.JatuhTempo })
            await sop.InCampusAsync(async sp =>
            {
                await sp.GetRequiredService<SopRuntime>().OnTimerAsync(kind, instanceId, active!.ActivationId, default);
                return 0;
            });
    }

    /// <summary>Every e-mail and text the campus queued, once each expected kind (by its subject) is among them.</summary>
    private static async Task<List<OutboxMessage>> OutboxAsync(SopHarness sop, string[] kinds)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var mails = await sop.InCampusAsync(sp => sp.GetRequiredService<NotificationsDb>().Outbox.AsNoTracking().OrderBy(m => m.Id).ToListAsync());
            var missing = kinds.Where(k => !mails.Any(m => m.Judul.Contains(k, StringComparison.OrdinalIgnoreCase))).ToList();
            if (missing.Count == 0) return mails;
            Assert.True(DateTime.UtcNow < until, $"No mail of kind {string.Join(", ", missing)} among: {string.Join(" | ", mails.Select(m => m.Judul))}");
            await Task.Delay(300);
        }
    }

    private async Task AssertLinksAsync(List<OutboxMessage> mails, string expectedBase, string? host, string pathBase, int atLeast)
    {
        var links = new HashSet<string>();
        foreach (var m in mails)
        {
            var text = m.Judul + "\n" + m.Isi;
            foreach (Match link in Link().Matches(text))
            {
                Assert.True(link.Value.StartsWith(expectedBase, StringComparison.Ordinal), $"\"{m.Judul}\" links to {link.Value}, not under {expectedBase}");
                links.Add(link.Value.TrimEnd('.', ',', ')'));
            }
            var rest = Link().Replace(text, "");
            Assert.False(BarePath().IsMatch(rest), $"\"{m.Judul}\" has a link without its address: {BarePath().Match(rest).Value} in {m.Isi}");
            Assert.False(EmptyLink().IsMatch(m.Isi), $"\"{m.Judul}\" has a label without its link: {m.Isi}");
        }
        Assert.True(links.Count >= atLeast, $"only {links.Count} links in {mails.Count} messages");

        // Each link opens the campus's page: the page itself, or its sign-in for a staff page, never a 404 or another campus.
        using var client = platform.Client();
        foreach (var link in links)
        {
            var path = new Uri(link).PathAndQuery;
            using var response = await client.GetAsync(path, host);
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, $"{link}: {(int)response.StatusCode}");
            if (response.StatusCode == HttpStatusCode.Redirect)
                Assert.StartsWith($"{pathBase}/akun/masuk", new Uri(client.Http.BaseAddress!, response.Headers.Location!).AbsolutePath);
        }
    }
}
