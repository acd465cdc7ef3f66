using System.Net;
using System.Text.RegularExpressions;
using CampusKonseling.Audit.Data;
using CampusKonseling.Notifications.Data;
using CampusKonseling.Notifications.Outbox;
using CampusKonseling.Tests.Infrastructure;
using CampusKonseling.Tests.Sop;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CampusKonseling.Tests.Security;

/// <summary>
/// Finding 4 (and the reset part of 8): a password-reset link is built from the campus's configured public
/// address (CampusKonseling:PublicUrl is http://localhost in the tests; the tests reach Kestrel at 127.0.0.1),
/// never from the request; unknown host names are not served; the mail goes through the outbox and both
/// the request and the reset are in the audit trail, without the token.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ResetLinkTests(PlatformFixture platform) : IAsyncLifetime
{
    private TestTenant _campus = null!;
    private SopHarness _in = null!;

    public async Task InitializeAsync()
    {
        _campus = await platform.CreateTenantAsync("unipma", "tautan");
        _in = new SopHarness(platform, _campus);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private string ForgotPath => $"{_campus.Prefix}/akun/lupa-sandi";

    [Fact]
    public async Task The_reset_link_comes_from_the_configured_public_address_not_from_the_request()
    {
        var email = await SecurityAccounts.CreateStaffAsync(platform, _campus);
        using var client = platform.Client();
        using var requested = await client.SubmitAsync(ForgotPath, "form", new Dictionary<string, string> { ["Email"] = email });
        Assert.Equal(HttpStatusCode.OK, requested.StatusCode);

        var mail = await MailDev.WaitForAsync(email, TimeSpan.FromSeconds(15));
        var link = Regex.Match(mail.Text, @"https?://\S+").Value;
        Assert.StartsWith($"http://localhost/{_campus.Prefix}/akun/atur-ulang-sandi?", link);
        Assert.DoesNotContain(platform.BaseAddress.Authority, mail.Text);
    }

    [Fact]
    public async Task A_forged_host_header_is_refused_and_never_reaches_a_reset_mail()
    {
        var email = await SecurityAccounts.CreateStaffAsync(platform, _campus);
        using var client = platform.Client();
        var (_, page) = await client.PageAsync(ForgotPath);
        using (var forged = await client.SubmitAsync(page, "form", new Dictionary<string, string> { ["Email"] = email }, ForgotPath, host: "evil.example"))
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);

        // A genuine request afterwards: once its mail is there, the forged one would have been too.
        using (var genuine = await client.SubmitAsync(page, "form", new Dictionary<string, string> { ["Email"] = email }, ForgotPath))
            Assert.Equal(HttpStatusCode.OK, genuine.StatusCode);
        await MailDev.WaitForAsync(email, TimeSpan.FromSeconds(15));
        await Task.Delay(500);
        var mails = await SecurityAccounts.AllMailToAsync(email);
        Assert.NotEmpty(mails);
        Assert.All(mails, m => Assert.DoesNotContain("evil.example", m.Text));
    }

    [Fact]
    public async Task Unknown_host_names_are_not_served_as_the_default_campus_while_known_ones_are()
    {
        using var client = platform.Client();
        using (var unknown = await client.GetAsync("akun/masuk", host: "evil.example"))
            Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        using (var publicHost = await client.GetAsync($"{_campus.Prefix}/akun/masuk", host: "localhost"))
            Assert.Equal(HttpStatusCode.OK, publicHost.StatusCode);
        var own = await platform.CreateTenantAsync("iuqi", "domain", hostNames: [$"konseling-{Guid.NewGuid():N}.kampus.test"]);
        var ownHost = (await platform.Services.GetRequiredService<CampusKonseling.Shell.ITenantRegistry>().ListAsync()).Single(t => t.Name == own.Name).HostNames[0];
        using (var campusHost = await client.GetAsync("akun/masuk", host: ownHost))
            Assert.Equal(HttpStatusCode.OK, campusHost.StatusCode);
    }

    [Fact]
    public async Task Forgot_password_leaves_a_queued_message_in_the_outbox_instead_of_sending_inside_the_request()
    {
        var email = await SecurityAccounts.CreateStaffAsync(platform, _campus);
        using var client = platform.Client();
        using var requested = await client.SubmitAsync(ForgotPath, "form", new Dictionary<string, string> { ["Email"] = email });
        Assert.Equal(HttpStatusCode.OK, requested.StatusCode);
        var queued = await _in.InCampusAsync(sp => sp.GetRequiredService<NotificationsDb>().Outbox.AsNoTracking().CountAsync(m => m.Penerima == email));
        Assert.Equal(1, queued);
    }

    [Fact]
    public async Task Forgot_password_cannot_flood_a_colleagues_mailbox()
    {
        var email = await SecurityAccounts.CreateStaffAsync(platform, _campus);
        using var client = platform.Client();
        for (var i = 0; i < 6; i++)
            using (var requested = await client.SubmitAsync(ForgotPath, "form", new Dictionary<string, string> { ["Email"] = email }))
                Assert.Equal(HttpStatusCode.OK, requested.StatusCode);
        var queued = await _in.InCampusAsync(sp => sp.GetRequiredService<NotificationsDb>().Outbox.AsNoTracking().CountAsync(m => m.Penerima == email));
        Assert.Equal(3, queued);
    }

    [Fact]
    public async Task Reset_requested_and_completed_are_audited_and_the_token_is_never_in_the_trail()
    {
        var email = await SecurityAccounts.CreateStaffAsync(platform, _campus);
        using var client = platform.Client();
        using (await client.SubmitAsync(ForgotPath, "form", new Dictionary<string, string> { ["Email"] = email })) { }
        var mail = await MailDev.WaitForAsync(email, TimeSpan.FromSeconds(15));
        var link = new Uri(Regex.Match(mail.Text, @"https?://\S+").Value);
        var token = Uri.UnescapeDataString(Regex.Match(link.Query, "kode=([^&]+)").Groups[1].Value);
        using (var reset = await client.SubmitAsync(link.PathAndQuery, "form", new Dictionary<string, string> { ["Password"] = "SandiBaru123", ["ConfirmPassword"] = "SandiBaru123" }))
            Assert.Contains("Kata sandi Anda telah diubah.", (await TestClient.ParseAsync(reset)).QuerySelector(".alert.success")!.TextContent);

        var entries = await _in.InCampusAsync(sp => sp.GetRequiredService<AuditDb>().Entries.AsNoTracking().Where(e => e.SubjekId == email).ToListAsync());
        Assert.Contains(entries, e => e.Ringkasan.Contains("Permintaan atur ulang kata sandi"));
        Assert.Contains(entries, e => e.Ringkasan.Contains("Kata sandi diatur ulang"));
        Assert.All(entries, e => Assert.DoesNotContain(token, e.Ringkasan));
        Assert.All(entries, e => Assert.DoesNotContain(Uri.EscapeDataString(token), e.Ringkasan));
    }
}
