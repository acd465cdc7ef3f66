using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using CampusKonseling.Forms.Intake;
using CampusKonseling.Notifications;
using CampusKonseling.Notifications.Channels;
using CampusKonseling.Notifications.Data;
using CampusKonseling.Notifications.Outbox;
using CampusKonseling.Tests.Forms;
using CampusKonseling.Tests.Infrastructure;
using CampusKonseling.Tests.Sop;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CampusKonseling.Tests.Notifications;

/// <summary>A campus's own mail server, its SMS/WhatsApp gateway, and its own wording of the messages it sends.</summary>
[Collection(PlatformCollection.Name)]
public sealed class ChannelTests(PlatformFixture platform) : IAsyncLifetime
{
    private IntakeCampus _site = null!;
    private TestTenant _campus => _site.Campus;
    private SopHarness _in => _site.In;
    private TestClient _admin => _site.Admin;

    public async Task InitializeAsync() => _site = await IntakeCampus.CreateAsync(platform, "saluran");

    public Task DisposeAsync()
    {
        _site.Dispose();
        return Task.CompletedTask;
    }

    private string Channels => $"{_campus.Prefix}/admin/saluran-pesan";

    private static Dictionary<string, string> Smtp(string port, string from, string security = SmtpSecurity.None) => new()
    {
        ["Input.SmtpHost"] = "127.0.0.1", ["Input.SmtpPort"] = port, ["Input.SmtpSecurity"] = security, ["Input.SmtpFrom"] = from,
    };

    /// <summary>Presses "Kirim e-mail uji" with what is on the screen.</summary>
    private async Task<HttpResponseMessage> TestEmailAsync(Dictionary<string, string> values, string to)
    {
        var (_, page) = await _admin.PageAsync(Channels);
        return await _admin.PostWithTokenAsync(page, $"{Channels}?handler=UjiEmail", new Dictionary<string, string>(values) { ["UjiEmail"] = to });
    }

    /// <summary>The test's failure, shown in the test section beside the buttons (not at the top of a long page).</summary>
    private static async Task<string> TestProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await TestClient.ParseAsync(response);
        var problem = page.QuerySelector("#uji ~ #uji-gagal");
        Assert.NotNull(problem);
        Assert.All(page.QuerySelectorAll("button[formaction*='handler=Uji']"), b => Assert.EndsWith("#uji", b.GetAttribute("formaction")));
        // Never a stack trace or an exception's name.
        Assert.DoesNotContain("Exception", page.Body!.TextContent);
        Assert.DoesNotContain(" at ", problem.TextContent);
        return problem.TextContent.Trim();
    }

    private async Task<string> SubmitAsync(string email, string? language = null)
    {
        using var client = platform.Client();
        // The site's language switch keeps the reader's choice in the culture cookie.
        if (language is not null) client.Cookies.Add(platform.BaseAddress, new Cookie(".AspNetCore.Culture", $"c={language}|uic={language}"));
        using var sent = await client.SubmitAsync($"{_campus.Prefix}/formulir/permohonan-uji", "form.intake", IntakeTests.Valid(email));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        return Regex.Match(sent.Headers.Location!.OriginalString, "kode=([A-Z2-9-]+)").Groups[1].Value;
    }

    [Fact]
    public async Task A_campus_with_its_own_mail_server_sends_from_its_own_address_under_its_letterhead()
    {
        var values = Smtp(TestSmtp.PlainPort.ToString(), "Konseling Uji <konseling@kampus-uji.test>");
        values["UjiEmail"] = $"uji.{Guid.NewGuid():N}@staf.test";
        // The test send uses what is on the screen before it is saved.
        var (_, page) = await _admin.PageAsync(Channels);
        using var tested = await _admin.PostWithTokenAsync(page, $"{Channels}?handler=UjiEmail", values);
        Assert.Equal(HttpStatusCode.Redirect, tested.StatusCode);
        var testMail = await MailDev.WaitForAsync(values["UjiEmail"]);
        Assert.Equal("konseling@kampus-uji.test", testMail.From);

        values.Remove("UjiEmail");
        using var saved = await _admin.SubmitAsync(Channels, "form.channels", values);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var email = $"dewi.{Guid.NewGuid():N}@mahasiswa.test";
        var code = await SubmitAsync(email);
        var ack = await MailDev.WaitForAsync(email);
        Assert.Equal("konseling@kampus-uji.test", ack.From);
        Assert.Contains(code, ack.Text);
        // The HTML alternative carries the campus's name above the same text.
        var campus = await _in.InCampusAsync(sp => sp.GetRequiredService<CampusKonseling.Site.ISiteSettings>().GetAsync());
        Assert.Contains(System.Net.WebUtility.HtmlEncode(campus.CampusName), ack.Html);
        Assert.Contains(code, ack.Html);
    }

    [Fact]
    public async Task The_test_button_sends_through_the_campus_server_over_starttls_and_implicit_tls_and_the_token_stays_secret()
    {
        var values = Smtp(TestSmtp.StartTlsPort.ToString(), "Konseling Uji <konseling@kampus-uji.test>", SmtpSecurity.StartTls);
        values["Input.SmtpUser"] = TestSmtp.User;
        values["Input.SmtpPassword"] = TestSmtp.Password;
        var to = $"starttls.{Guid.NewGuid():N}@staf.test";
        using (var tested = await TestEmailAsync(values, to)) Assert.Equal(HttpStatusCode.Redirect, tested.StatusCode);
        var campus = await _in.InCampusAsync(sp => sp.GetRequiredService<CampusKonseling.Site.ISiteSettings>().GetAsync());
        Assert.Equal($"Uji e-mail dari {campus.CampusName}", (await MailDev.WaitForAsync(to)).Subject);

        // Google Workspace / Microsoft 365 style: implicit TLS and an OAuth2 token instead of the password.
        values = Smtp(TestSmtp.ImplicitTlsPort.ToString(), "Konseling Uji <konseling@kampus-uji.test>", SmtpSecurity.Implicit);
        values["Input.SmtpUser"] = TestSmtp.User;
        values["Input.SmtpOAuthToken"] = TestSmtp.OAuthToken;
        using (var saved = await _admin.SubmitAsync(Channels, "form.channels", values)) Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stored = await TestDatabase.ScalarAsync(_campus.Database, "SELECT smtp_oauth_token_protected FROM notifications.channels");
        Assert.DoesNotContain(TestSmtp.OAuthToken, (string)stored!);
        Assert.Equal("implicit", await TestDatabase.ScalarAsync(_campus.Database, "SELECT smtp_security FROM notifications.channels"));
        var (_, page) = await _admin.PageAsync(Channels);
        Assert.DoesNotContain(TestSmtp.OAuthToken, page.DocumentElement.OuterHtml);
        Assert.Equal("", page.QuerySelector("input[name='Input.SmtpOAuthToken']")!.GetAttribute("value") ?? "");
        Assert.Contains("Token tersimpan (terenkripsi)", page.Body!.TextContent);

        // A blank token field keeps the stored one.
        values.Remove("Input.SmtpOAuthToken");
        to = $"oauth.{Guid.NewGuid():N}@staf.test";
        using (var tested = await TestEmailAsync(values, to)) Assert.Equal(HttpStatusCode.Redirect, tested.StatusCode);
        Assert.Equal($"Uji e-mail dari {campus.CampusName}", (await MailDev.WaitForAsync(to)).Subject);

        // And so does mail from the outbox.
        var email = $"dewi.{Guid.NewGuid():N}@mahasiswa.test";
        var code = await SubmitAsync(email);
        Assert.Contains(code, (await MailDev.WaitForAsync(email)).Text);
    }

    [Fact]
    public async Task A_wrong_password_is_reported_on_the_test_button_as_a_refused_sign_in_in_indonesian_and_in_english()
    {
        var values = Smtp(TestSmtp.StartTlsPort.ToString(), "Konseling Uji <konseling@kampus-uji.test>", SmtpSecurity.StartTls);
        values["Input.SmtpUser"] = TestSmtp.User;
        values["Input.SmtpPassword"] = "sandi-yang-salah";
        using var tested = await TestEmailAsync(values, "admin@staf.test");
        var problem = await TestProblemAsync(tested);
        Assert.Equal("E-mail uji gagal: server SMTP menolak login: nama pengguna, kata sandi atau token OAuth2 salah, atau akun ini tidak boleh mengirim lewat SMTP.", problem);

        _admin.Cookies.Add(platform.BaseAddress, new Cookie(".AspNetCore.Culture", "c=en|uic=en"));
        using var english = await TestEmailAsync(values, "admin@staf.test");
        Assert.StartsWith("Test e-mail failed: the SMTP server refused the sign-in", await TestProblemAsync(english));
    }

    [Fact]
    public async Task Starttls_demanded_of_a_server_that_does_not_offer_it_is_reported_on_the_test_button()
    {
        // maildev never offers STARTTLS.
        var values = Smtp(TestSmtp.PlainPort.ToString(), "Konseling Uji <konseling@kampus-uji.test>", SmtpSecurity.StartTls);
        using var tested = await TestEmailAsync(values, $"x.{Guid.NewGuid():N}@staf.test");
        Assert.Equal($"E-mail uji gagal: server SMTP 127.0.0.1:{TestSmtp.PlainPort} tidak menawarkan STARTTLS. Pilih TLS langsung bila port ini memakainya, atau tanyakan pengelola server.",
            await TestProblemAsync(tested));
    }

    [Theory]
    [InlineData(true, 587, "starttls")]
    [InlineData(true, 465, "implicit")]
    [InlineData(false, 25, "none")]
    public async Task A_campus_saved_with_the_old_tls_switch_keeps_working_after_the_upgrade(bool tls, int port, string expected)
    {
        await _in.InCampusAsync(async sp =>
        {
            var migrator = sp.GetRequiredService<NotificationsDb>().GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>();
            await migrator.MigrateAsync("20261202123500_AddStepMessages");
            return 0;
        });
        await TestDatabase.ExecuteAsync(_campus.Database, $"""
            DELETE FROM notifications.channels;
            INSERT INTO notifications.channels (id, smtp_host, smtp_port, smtp_tls, smtp_user, smtp_from, gateway_aktif, gateway_jenis, gateway_method, gateway_content_type, diubah_pada, diubah_oleh)
            VALUES (1, 'smtp.kampus.ac.id', {port}, {tls}, 'konseling@kampus.ac.id', 'konseling@kampus.ac.id', false, 'whatsapp', 'POST', 'application/json', now(), 'lama')
            """);
        await _in.InCampusAsync(async sp =>
        {
            await sp.GetRequiredService<NotificationsDb>().GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>().MigrateAsync();
            return 0;
        });
        Assert.Equal(expected, await TestDatabase.ScalarAsync(_campus.Database, "SELECT smtp_security FROM notifications.channels"));
        var (_, page) = await _admin.PageAsync(Channels);
        Assert.Equal(expected, page.QuerySelector("select[name='Input.SmtpSecurity'] option[selected]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task A_mail_server_that_does_not_answer_is_reported_on_the_test_and_beside_the_waiting_message()
    {
        var closed = ClosedPort();
        var values = Smtp(closed, "Konseling <konseling@kampus-uji.test>");
        values["UjiEmail"] = "siapa@staf.test";
        var (_, page) = await _admin.PageAsync(Channels);
        using var tested = await _admin.PostWithTokenAsync(page, $"{Channels}?handler=UjiEmail", values);
        var result = await TestClient.ParseAsync(tested);
        Assert.Equal(HttpStatusCode.OK, tested.StatusCode);
        Assert.Equal($"E-mail uji gagal: 127.0.0.1:{closed} menolak sambungan: tidak ada server SMTP di port itu. Periksa nama server dan port.",
            result.QuerySelector("#uji-gagal")!.TextContent);
        // What was typed is still there to correct.
        Assert.Equal(closed, result.QuerySelector("input[name='Input.SmtpPort']")!.GetAttribute("value"));

        values.Remove("UjiEmail");
        using var saved = await _admin.SubmitAsync(Channels, "form.channels", values);
        var to = $"tertunda.{Guid.NewGuid():N}@mahasiswa.test";
        await _in.InCampusAsync(async sp => { await sp.GetRequiredService<IOutbox>().EnqueueAsync(new EmailMessage(to, "Tertunda", "isi"), null); return 0; });
        await _in.InCampusAsync(sp => sp.GetRequiredService<OutboxDelivery>().DeliverAsync(default));
        var (_, outgoing) = await _admin.PageAsync($"{_campus.Prefix}/admin/pesan-keluar");
        var row = outgoing.QuerySelectorAll("tr[data-pesan]").Single(r => r.TextContent.Contains(to));
        Assert.False(string.IsNullOrWhiteSpace(row.QuerySelector(".reason")!.TextContent));
        await _admin.SubmitAsync(Channels, "form.channels", new Dictionary<string, string> { ["Input.SmtpHost"] = "" });
    }

    [Fact]
    public async Task The_acknowledgment_reaches_the_phone_through_the_campus_gateway_with_its_token_kept_secret()
    {
        using var gateway = new FakeGateway();
        const string token = "token-rahasia-8f3a";
        var values = new Dictionary<string, string>
        {
            ["Input.GatewayAktif"] = "true", ["Input.GatewayJenis"] = "whatsapp", ["Input.GatewayUrl"] = $"{gateway.BaseUrl}/send",
            ["Input.GatewayMethod"] = "POST", ["Input.GatewayContentType"] = "application/json",
            ["Input.GatewayHeaders"] = $"Authorization: {token}", ["Input.GatewayBody"] = "{\"target\": \"{telepon}\", \"message\": \"{pesan}\"}",
        };
        using var saved = await _admin.SubmitAsync(Channels, "form.channels", values);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var code = await SubmitAsync($"wa.{Guid.NewGuid():N}@mahasiswa.test");
        var sent = await gateway.WaitForAsync(r => r.Body.Contains(code));
        Assert.Equal(("POST", "/send", token), (sent.Method, sent.Path, sent.Headers["Authorization"]));
        var body = JsonDocument.Parse(sent.Body).RootElement;
        Assert.Equal("6281234567890", body.GetProperty("target").GetString());
        Assert.Contains($"Kode pelacakan {code}", body.GetProperty("message").GetString());

        // The token is stored encrypted and never shown again.
        var stored = await TestDatabase.ScalarAsync(_campus.Database, "SELECT gateway_headers_protected FROM notifications.channels");
        Assert.DoesNotContain(token, (string)stored!);
        var (_, page) = await _admin.PageAsync(Channels);
        Assert.DoesNotContain(token, page.DocumentElement.OuterHtml);

        // A provider that refuses is reported with its answer.
        values["Input.GatewayUrl"] = $"{gateway.BaseUrl}/gagal";
        values["Input.GatewayHeaders"] = "";
        values["UjiTelepon"] = "0812 1111 2222";
        using var refused = await _admin.PostWithTokenAsync(page, $"{Channels}?handler=UjiTelepon", values);
        var result = await TestClient.ParseAsync(refused);
        Assert.Contains("Gateway menjawab 500", result.QuerySelector("#uji-gagal")!.TextContent);
        Assert.Equal(token, gateway.Requests.Last().Headers["Authorization"]);
    }

    [Fact]
    public async Task Reminders_reach_a_staff_phone_through_the_gateway_and_ordinary_notices_do_not()
    {
        using var gateway = new FakeGateway();
        using var saved = await _admin.SubmitAsync(Channels, "form.channels", new Dictionary<string, string>
        {
            ["Input.GatewayAktif"] = "true", ["Input.GatewayJenis"] = "sms", ["Input.GatewayUrl"] = $"{gateway.BaseUrl}/sms?to={{telepon}}&text={{pesan}}",
            ["Input.GatewayMethod"] = "GET",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var adminId = await _in.InCampusAsync(async sp =>
        {
            var users = sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<CampusKonseling.Identity.Data.CampusUser>>();
            var admin = (await users.FindByEmailAsync(_campus.AdminEmail))!;
            await users.SetPhoneNumberAsync(admin, "0813-1111-2222");
            return admin.Id;
        });
        await _in.InCampusAsync(async sp =>
        {
            var notifier = sp.GetRequiredService<INotifier>();
            await notifier.NotifyUsersAsync([adminId], new Notification("tugas", "Tugas baru", "Permohonan ABCD-EFGH menunggu"));
            await notifier.NotifyUsersAsync([adminId], new Notification("terlambat", "Langkah terlambat", "Permohonan ABCD-EFGH melewati waktu baku", Surel: true));
            return 0;
        });
        var sent = await gateway.WaitForAsync(r => r.Query.Contains("terlambat"));
        Assert.Equal(("GET", "/sms"), (sent.Method, sent.Path));
        Assert.Contains("to=6281311112222", sent.Query);
        Assert.Contains(Uri.EscapeDataString("Langkah terlambat: Permohonan ABCD-EFGH melewati waktu baku"), sent.Query);
        await Task.Delay(500);
        Assert.DoesNotContain(gateway.Requests, r => r.Query.Contains("Tugas"));
        // Setting the phone number renewed the admin's security stamp, which ends their sessions at once.
        await _admin.SignInAsync(_campus.Prefix, _campus.AdminEmail, _campus.AdminPassword);
        await _admin.SubmitAsync(Channels, "form.channels", new Dictionary<string, string> { ["Input.GatewayAktif"] = "false" });
    }

    [Fact]
    public async Task A_campus_rewrites_the_acknowledgment_and_english_readers_get_the_english_text()
    {
        var edit = $"{_campus.Prefix}/admin/templat-pesan/{FormsTemplates.Diterima}/id";
        using var wrong = await _admin.SubmitAsync(edit, "form.template-form", new Dictionary<string, string> { ["Judul"] = "Tanda terima {kode}", ["Isi"] = "Halo {nama}, {salah}" });
        var page = await TestClient.ParseAsync(wrong);
        Assert.StartsWith("Isian tidak dikenal: {salah}.", page.QuerySelector("#Isi-galat")!.TextContent);
        Assert.Equal("Halo {nama}, {salah}", page.QuerySelector("textarea[name='Isi']")!.TextContent);

        using var saved = await _admin.SubmitAsync(edit, "form.template-form", new Dictionary<string, string>
        {
            ["Judul"] = "Tanda terima {kode} dari {kampus}", ["Isi"] = "Halo {nama},\nkode Anda {kode}. Salam, {unit}.",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var email = $"sinta.{Guid.NewGuid():N}@mahasiswa.test";
        var code = await SubmitAsync(email);
        var mail = await MailDev.WaitForAsync(email);
        var campus = await _in.InCampusAsync(sp => sp.GetRequiredService<CampusKonseling.Site.ISiteSettings>().GetAsync());
        Assert.Equal($"Tanda terima {code} dari {campus.CampusName}", mail.Subject);
        Assert.StartsWith($"Halo Dewi Lestari,\nkode Anda {code}.", mail.Text.Replace("\r", ""));

        var english = $"anna.{Guid.NewGuid():N}@mahasiswa.test";
        var enCode = await SubmitAsync(english, "en");
        var enMail = await MailDev.WaitForAsync(english);
        Assert.Equal($"Request received — code {enCode}", enMail.Subject);
        Assert.Contains("Tracking code", enMail.Text);

        var (_, list) = await _admin.PageAsync($"{_campus.Prefix}/admin/templat-pesan");
        Assert.Contains("Milik kampus", list.QuerySelector($"tr[data-templat='{FormsTemplates.Diterima}']")!.TextContent);
    }

    private static string ClosedPort()
    {
        using var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port.ToString();
    }
}
