using System.Net;
using CampusKonseling.Tests.Forms;
using CampusKonseling.Tests.Infrastructure;

namespace CampusKonseling.Tests.Security;

/// <summary>
/// A reset link goes out through the platform's mail server even when the campus has its own: the campus
/// administrator configures that server (and could read what passes through it), and must not be able to
/// collect a counselor's reset link there.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ResetMailChannelTests(PlatformFixture platform) : IAsyncLifetime
{
    private IntakeCampus _site = null!;

    public async Task InitializeAsync() => _site = await IntakeCampus.CreateAsync(platform, "sadap");

    public Task DisposeAsync()
    {
        _site.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_reset_link_never_passes_through_the_campus_administrators_own_mail_server()
    {
        var channels = $"{_site.Campus.Prefix}/admin/saluran-pesan";
        using (var saved = await _site.Admin.SubmitAsync(channels, "form.channels", new Dictionary<string, string>
        {
            ["Input.SmtpHost"] = "127.0.0.1", ["Input.SmtpPort"] = TestSmtp.PlainPort.ToString(),
            ["Input.SmtpSecurity"] = "none", ["Input.SmtpFrom"] = "Relai Admin <relai@kampus-admin.test>",
        }))
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var email = await SecurityAccounts.CreateStaffAsync(platform, _site.Campus);
        using var client = platform.Client();
        using (await client.SubmitAsync($"{_site.Campus.Prefix}/akun/lupa-sandi", "form", new Dictionary<string, string> { ["Email"] = email })) { }
        var mail = await MailDev.WaitForAsync(email, TimeSpan.FromSeconds(15));
        Assert.Contains("atur-ulang-sandi", mail.Text);
        Assert.NotEqual("relai@kampus-admin.test", mail.From);
    }
}
