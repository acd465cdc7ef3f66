using System.Net;
using CampusKonseling.Tests.Infrastructure;

namespace CampusKonseling.Tests.Security;

/// <summary>
/// Finding 3: a campus admin must not be able to take a staff account over (change its e-mail, reset the
/// password to the new address, sign in as the counselor). A change of address waits for the current one.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class AccountTakeoverTests(PlatformFixture platform) : IAsyncLifetime
{
    private const string Konselor = "konselor@unipma.demo";
    private TestTenant _campus = null!;
    private TestClient _admin = null!;

    public async Task InitializeAsync()
    {
        _campus = await platform.CreateTenantAsync("unipma", "ambil");
        _admin = platform.Client();
        await _admin.SignInAsync(_campus.Prefix, _campus.AdminEmail, _campus.AdminPassword);
    }

    public Task DisposeAsync()
    {
        _admin.Dispose();
        return Task.CompletedTask;
    }

    private async Task<HttpResponseMessage> EditAsync(string userId, string email, string? password = null)
    {
        var (_, page) = await _admin.PageAsync($"{_campus.Prefix}/admin/pengguna/{userId}");
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Input.FullName", "Rina Konselor"), new("Input.Email", email), new("Input.Roles", "Konselor"),
            new("__RequestVerificationToken", page.QuerySelector("main form input[name='__RequestVerificationToken']")!.GetAttribute("value")!),
        };
        if (password is not null) fields.Add(new("Input.Password", password));
        return await _admin.Http.PostAsync($"{_campus.Prefix}/admin/pengguna/{userId}", new FormUrlEncodedContent(fields));
    }

    [Fact]
    public async Task A_new_address_takes_effect_only_when_the_link_sent_to_the_current_address_is_opened()
    {
        var attacker = $"penyerang-{_campus.Name}@jahat.test";
        var id = await SecurityCampus.UserIdAsync(_campus, Konselor);
        using (var response = await EditAsync(id, attacker))
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        Assert.Equal(Konselor, await SecurityCampus.EmailOfAsync(_campus, id));
        // Every campus made from this recipe has a konselor@unipma.demo; the link names this campus.
        var request = await MailDev.WaitForAsync(Konselor, TimeSpan.FromSeconds(15), m => m.Text.Contains($"/{_campus.Prefix}/akun/ganti-email"));
        Assert.Contains(attacker, request.Text);
        Assert.Contains($"/{_campus.Prefix}/akun/ganti-email", request.Text);

        // The attacker's reset to the new address finds no account.
        using (var anonymous = platform.Client())
        using (var forgot = await anonymous.SubmitAsync($"{_campus.Prefix}/akun/lupa-sandi", "main form", new Dictionary<string, string> { ["Email"] = attacker }))
            Assert.True(forgot.IsSuccessStatusCode || forgot.StatusCode == HttpStatusCode.Redirect);
        Assert.True(await SecurityCampus.NoMailToAsync(attacker));

        // Opening the link (a GET, as a mail scanner might) changes nothing; confirming does.
        using var owner = platform.Client();
        var link = SecurityCampus.LinkPath(request, "akun/ganti-email");
        var (status, confirm) = await owner.PageAsync(link);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(Konselor, await SecurityCampus.EmailOfAsync(_campus, id));
        using (var confirmed = await owner.SubmitAsync(confirm, "main form", new Dictionary<string, string>(), link))
            Assert.True(confirmed.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect);
        Assert.Equal(attacker, await SecurityCampus.EmailOfAsync(_campus, id));
        await MailDev.WaitForAsync(Konselor, TimeSpan.FromSeconds(15), m => m.Text.Contains(attacker) && !m.Text.Contains("akun/ganti-email"));
        await owner.SignInAsync(_campus.Prefix, attacker, "Demo12345");

        Assert.Equal(1, await SecurityCampus.AuditCountAsync(_campus, $"subjek_id = '{id}' AND ringkasan LIKE '%diminta%'"));
        Assert.Equal(1, await SecurityCampus.AuditCountAsync(_campus, $"subjek_id = '{id}' AND ringkasan LIKE '%dikonfirmasi%'"));
    }

    [Fact]
    public async Task A_forged_or_reused_link_changes_nothing()
    {
        var id = await SecurityCampus.UserIdAsync(_campus, "tu@unipma.demo");
        using var client = platform.Client();
        var (status, page) = await client.PageAsync($"{_campus.Prefix}/akun/ganti-email?id={id}&email=lain@jahat.test&kode=palsu");
        Assert.Equal(HttpStatusCode.OK, status);
        if (page.QuerySelector("main form") is not null)
            using (var posted = await client.SubmitAsync(page, "main form", new Dictionary<string, string>(), $"{_campus.Prefix}/akun/ganti-email?id={id}&email=lain@jahat.test&kode=palsu"))
                Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Equal("tu@unipma.demo", await SecurityCampus.EmailOfAsync(_campus, id));
    }

    [Fact]
    public async Task The_admin_cannot_set_the_password_of_an_existing_account()
    {
        var id = await SecurityCampus.UserIdAsync(_campus, "kaprodi@unipma.demo");
        using (var response = await EditAsync(id, "kaprodi@unipma.demo", "Ambilalih123"))
            Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK);
        using var owner = platform.Client();
        await owner.SignInAsync(_campus.Prefix, "kaprodi@unipma.demo", "Demo12345");
    }
}
