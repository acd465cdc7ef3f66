using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using CampusKonseling.Cases.Data;
using CampusKonseling.Notifications.Data;
using CampusKonseling.Sop.Runtime;
using CampusKonseling.Sop.Timers;
using CampusKonseling.Tests.Forms;
using CampusKonseling.Tests.Infrastructure;
using CampusKonseling.Tests.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CampusKonseling.Tests.Localization;

/// <summary>
/// What staff and clients read is written for them: notices in the reader's language (Bahasa Indonesia unless they chose
/// English, which their e-mail then follows too), and every time in the campus's zone with its name. The campus here keeps
/// Asia/Makassar (WITA, UTC+8), so a time shown in UTC or in WIB would be an hour or eight off and named wrongly.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed partial class LanguageAndTimeTests(PlatformFixture platform)
{
    private const string Staf = WitaCampus.Staf;
    private static readonly CultureInfo Id = CultureInfo.GetCultureInfo("id-ID"), En = CultureInfo.GetCultureInfo("en");
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static WitaCampus? _shared;
    /// <summary>The recipe's staff member, who never picks a language.</summary>
    private static string _demoStaff = "";

    /// <summary>One campus for the class.</summary>
    private async Task<IntakeCampus> CampusAsync()
    {
        await Gate.WaitAsync();
        try
        {
            _shared ??= await WitaCampus.CreateAsync(platform, "wita");
            _demoStaff = _shared.DemoStaff;
            return _shared.Site;
        }
        finally
        {
            Gate.Release();
        }
    }

    private static string Wita(DateTimeOffset at, string format, CultureInfo culture) => WitaCampus.Wita(at, format, culture);

    /// <summary>Dates with a time of day ("02/12/2026 08.31", "02/12 08.31") and what follows them.</summary>
    [GeneratedRegex(@"\d{2}/\d{2}(?:/\d{4})? \d{2}[.:]\d{2}(?::\d{2})?(?<after>\s*\S*)")]
    private static partial Regex TimeOfDay();

    private static void AllInWita(string text, int atLeast)
    {
        var times = TimeOfDay().Matches(text).ToList();
        Assert.True(times.Count >= atLeast, $"only {times.Count} times in: {text}");
        Assert.All(times, m => Assert.StartsWith("WITA", m.Groups["after"].Value.Trim()));
        Assert.DoesNotContain(" WIB", text);
        Assert.DoesNotContain("UTC", text);
    }

    private async Task<TestClient> SignInAsync(IntakeCampus site, string email, string password = "Demo12345")
    {
        var client = platform.Client();
        await client.SignInAsync(site.Campus.Prefix, email, password);
        return client;
    }

    [Fact]
    public async Task Notices_are_in_indonesian_by_default_and_in_english_for_a_reader_who_chose_it_and_their_mail_follows_the_choice()
    {
        var site = await CampusAsync();
        var reader = await SecurityAccounts.CreateStaffAsync(platform, site.Campus, Staf);
        var colleague = _demoStaff;
        var (c, _) = await _shared!.SubmitAsync(platform);
        var due = c.JatuhTempo!.Value;
        using var staff = await SignInAsync(site, reader, SecurityAccounts.Password);

        // Bahasa Indonesia first: the new task, its due time in WITA.
        var (_, page) = await staff.PageAsync($"{site.Campus.Prefix}/notifikasi");
        var notice = page.QuerySelectorAll("li.notification[data-jenis='sop-tugas']").Single(li => li.TextContent.Contains(c.KodePelacakan!));
        Assert.StartsWith("Tugas baru: langkah 2 Layanan cepat (uji)", notice.QuerySelector("strong")!.TextContent);
        Assert.Contains($"Jatuh tempo {Wita(due, "dd/MM/yyyy HH:mm", Id)}.", notice.TextContent);

        // The reader picks English: the same notice, now in English, the time written the English way, still WITA.
        using (var chosen = await staff.GetAsync($"{site.Campus.Prefix}/bahasa/en?kembali=/{site.Campus.Prefix}/notifikasi"))
            Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        (_, page) = await staff.PageAsync($"{site.Campus.Prefix}/notifikasi");
        notice = page.QuerySelectorAll("li.notification[data-jenis='sop-tugas']").Single(li => li.TextContent.Contains(c.KodePelacakan!));
        Assert.StartsWith("New task: step 2 of Layanan cepat (uji)", notice.QuerySelector("strong")!.TextContent);
        Assert.Contains($"Due {Wita(due, "dd/MM/yyyy HH:mm", En)}.", notice.TextContent);
        Assert.DoesNotContain("Tugas baru", page.QuerySelector("ul.notifications")!.TextContent);

        // The choice is the reader's, not the browser's: signing in on another device reads English too.
        using (var other = await SignInAsync(site, reader, SecurityAccounts.Password))
        {
            (_, page) = await other.PageAsync($"{site.Campus.Prefix}/notifikasi");
            Assert.StartsWith("New task:", page.QuerySelector("li.notification[data-jenis='sop-tugas'] strong")!.TextContent);
        }

        // A notice written before notices kept their keys is still read, as it was stored.
        var readerId = await site.In.InCampusAsync(async sp => (await sp.GetRequiredService<CampusKonseling.Users.IUserDirectory>().UsersInRoleAsync(Staf)).Single(u => u.Email == reader).Id);
        await TestDatabase.ExecuteAsync(site.Campus.Database,
            $"INSERT INTO notifications.notifications (user_id, jenis, judul, isi, dibuat_pada) VALUES ('{readerId}', 'lama', 'Catatan lama', 'Ditulis sebelum kunci pesan.', now())");
        (_, page) = await staff.PageAsync($"{site.Campus.Prefix}/notifikasi");
        Assert.Contains("Ditulis sebelum kunci pesan.", page.QuerySelector("li.notification[data-jenis='lama']")!.TextContent);

        // Mail follows each reader's choice: the reminder reaches the English reader in English and a colleague who never chose in Indonesian.
        var activation = (await site.In.InstanceAsync(c.SopInstanceId!.Value)).Aktif.Single().ActivationId;
        await site.In.InCampusAsync(async sp =>
        {
            await sp.GetRequiredService<SopRuntime>().OnTimerAsync(SlaKind.Pengingat, c.SopInstanceId!.Value, activation, default);
            return 0;
        });
        var mails = await site.In.InCampusAsync(sp => sp.GetRequiredService<NotificationsDb>().Outbox.AsNoTracking()
            .Where(m => m.Penerima == reader || m.Penerima == colleague).ToListAsync());
        var english = mails.Single(m => m.Penerima == reader && m.Isi.Contains(c.KodePelacakan!));
        Assert.Contains("Reminder: step 2 of Layanan cepat (uji)", english.Judul);
        Assert.StartsWith("Dear ", english.Isi);
        Assert.Contains($"is due on {Wita(due, "dd/MM/yyyy HH:mm", En)}.", english.Isi);
        // The link leads to the case page, where the step's work is done, not the SOP's instance page.
        Assert.Contains($"Open: http://localhost/{site.Campus.Prefix}/admin/kasus/{c.Id}", english.Isi);
        var indonesian = mails.Single(m => m.Penerima == colleague && m.Isi.Contains(c.KodePelacakan!));
        Assert.Contains("Pengingat: langkah 2 Layanan cepat (uji)", indonesian.Judul);
        Assert.StartsWith("Yth. ", indonesian.Isi);
        Assert.Contains($"jatuh tempo pada {Wita(due, "dd/MM/yyyy HH:mm", Id)}.", indonesian.Isi);
    }

    [Fact]
    public async Task Every_time_on_the_inbox_the_case_page_the_notifications_and_the_status_check_is_campus_time_with_its_name()
    {
        var site = await CampusAsync();
        var (c, clientEmail) = await _shared!.SubmitAsync(platform);
        var due = c.JatuhTempo!.Value;
        using var staff = await SignInAsync(site, _demoStaff);

        var (_, inbox) = await staff.PageAsync($"{site.Campus.Prefix}/admin/kasus");
        var row = inbox.QuerySelector($"tr[data-kasus='{c.Nomor}']")!;
        Assert.Equal(Wita(due, "dd/MM HH:mm", Id), row.QuerySelector("td[data-label='Jatuh tempo']")!.TextContent.Trim());
        AllInWita(inbox.QuerySelector("table.cases")!.TextContent, atLeast: 1);

        var (_, casePage) = await staff.PageAsync($"{site.Campus.Prefix}/admin/kasus/{c.Id}");
        var main = casePage.QuerySelector("main")!.TextContent;
        Assert.Contains(Wita(due, "dd/MM/yyyy HH:mm", Id), main);
        AllInWita(main, atLeast: 2);

        // The SOP's own page of the request (its history), as the campus admin reads it.
        var (_, instance) = await site.Admin.PageAsync($"{site.Campus.Prefix}/admin/sop/instans/{c.SopInstanceId}");
        Assert.Contains(Wita(due, "dd/MM/yyyy HH:mm", Id), instance.QuerySelector("main")!.TextContent);
        AllInWita(instance.QuerySelector("main")!.TextContent, atLeast: 3);

        var (_, notices) = await staff.PageAsync($"{site.Campus.Prefix}/notifikasi");
        var staffId = await site.In.InCampusAsync(async sp => (await sp.GetRequiredService<CampusKonseling.Users.IUserDirectory>().UsersInRoleAsync(Staf)).Single(u => u.Email == _demoStaff).Id);
        var created = await site.In.InCampusAsync(sp => sp.GetRequiredService<NotificationsDb>().Items.AsNoTracking()
            .Where(n => n.UserId == staffId && n.Jenis == "sop-tugas").OrderByDescending(n => n.Id).Select(n => n.DibuatPada).FirstAsync());
        Assert.Contains(Wita(created, "dd/MM/yyyy HH:mm", Id), notices.QuerySelectorAll("li.notification small.waktu").Select(s => s.TextContent.Trim()));
        AllInWita(notices.QuerySelector("ul.notifications")!.TextContent, atLeast: 2);

        // The requester's status check (tracking code, e-mail, then the one-time code mailed to them).
        using var requester = platform.Client();
        var status = $"{site.Campus.Prefix}/formulir/status";
        var (_, form) = await requester.PageAsync($"{status}?kode={c.KodePelacakan}");
        Assert.Equal(c.KodePelacakan, form.QuerySelector("input[name='KodePelacakan']")!.GetAttribute("value"));
        using var asked = await requester.SubmitAsync(form, "form[action*='Minta']", new Dictionary<string, string> { ["Email"] = clientEmail }, status);
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        var codePage = await TestClient.ParseAsync(asked);
        var otp = await site.In.InCampusAsync(async sp => Regex.Match((await sp.GetRequiredService<NotificationsDb>().Outbox.AsNoTracking()
            .Where(m => m.Penerima == clientEmail && m.Judul.Contains("Kode sekali pakai")).SingleAsync()).Isi, @"\b\d{6}\b").Value);
        using (await requester.SubmitAsync(codePage, "form[action*='Periksa']", new Dictionary<string, string> { ["KodeSekali"] = otp }, status)) { }
        var (_, shown) = await requester.PageAsync(status);
        var dl = shown.QuerySelector("dl.status")!.TextContent;
        var sent = await site.In.InCampusAsync(sp => sp.GetRequiredService<CampusKonseling.Forms.Data.FormsDb>().Submissions.AsNoTracking()
            .Where(x => x.KodePelacakan == c.KodePelacakan).Select(x => x.DikirimPada).SingleAsync());
        Assert.Contains(Wita(sent, "dd/MM/yyyy HH:mm", Id), dl);
        Assert.Contains($"dijadwalkan selesai {Wita(due, "dd/MM/yyyy HH:mm", Id)}", dl);
        AllInWita(dl, atLeast: 2);
    }

    [Fact]
    public async Task The_requests_list_names_the_form_version_each_request_was_sent_with()
    {
        var site = await CampusAsync();
        var (c, _) = await _shared!.SubmitAsync(platform);
        var (_, list) = await site.Admin.PageAsync($"{site.Campus.Prefix}/admin/formulir");
        var form = list.QuerySelector($"tr[data-kode='{c.KodePelacakan}'] td[data-label='Formulir']")!.TextContent.Trim();
        Assert.Equal("Permohonan Layanan (uji) (v1)", form);
        Assert.All(list.QuerySelectorAll("td[data-label='Formulir']"), td => Assert.Matches(@"\(v\d+\)$", td.TextContent.Trim()));
        AllInWita(list.QuerySelector("table.submissions")!.TextContent, atLeast: 1);
    }
}
