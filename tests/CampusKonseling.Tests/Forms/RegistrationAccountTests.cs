using System.Net;
using System.Text.RegularExpressions;
using CampusKonseling.Forms.Data;
using CampusKonseling.Identity.Data;
using CampusKonseling.Tests.Infrastructure;
using CampusKonseling.Tests.Sop;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CampusKonseling.Tests.Forms;

/// <summary>UNPAM's E-konseling as written: registering makes the participant's account and e-mails a link to set its password.</summary>
[Collection(PlatformCollection.Name)]
public sealed class RegistrationAccountTests(PlatformFixture platform) : IAsyncLifetime
{
    private TestTenant _unpam = null!;
    private SopHarness _in = null!;

    public async Task InitializeAsync()
    {
        _unpam = await platform.CreateTenantAsync("unpam", "akun");
        _in = new SopHarness(platform, _unpam);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static Dictionary<string, string> Registration(string email) => new()
    {
        ["f_nama"] = "Rizky Pratama", ["f_nim"] = "211011400123", ["f_prodi"] = "Teknik Informatika", ["f_email"] = email,
        ["f_hp"] = "081298765432", ["f_saluran"] = "Konseling Online", ["f_bidang"] = "Akademik",
        ["f_permasalahan"] = "Saya sulit membagi waktu antara kuliah dan kerja.", ["f_setuju"] = "setuju",
    };

    private async Task<string> RegisterAsync(TestClient client, string email)
    {
        using var sent = await client.SubmitAsync($"{_unpam.Prefix}/formulir/e-konseling", "form.intake", Registration(email));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        return Regex.Match(sent.Headers.Location!.OriginalString, "kode=([A-Z2-9-]+)").Groups[1].Value;
    }

    [Fact]
    public async Task Registering_makes_an_account_whose_owner_sets_the_password_and_then_sees_the_request()
    {
        var email = $"rizky.{Guid.NewGuid():N}@mahasiswa.unpam.test";
        using var client = platform.Client();
        var code = await RegisterAsync(client, email);

        var mail = await MailDev.WaitForAsync(email, where: m => m.Subject.Contains("atur kata sandi"));
        Assert.Contains(code, mail.Text);
        var link = Regex.Match(mail.Text, @"http://localhost/(\S+)").Groups[1].Value;
        Assert.Contains("akun/atur-ulang-sandi", link);

        // Until the password is set nobody can sign in with the account.
        var user = await _in.InCampusAsync(sp => sp.GetRequiredService<UserManager<CampusUser>>().FindByEmailAsync(email));
        Assert.NotNull(user);
        Assert.Null(user!.PasswordHash);
        Assert.Equal("Rizky Pratama", user.FullName);
        Assert.Equal(user.Id, await _in.InCampusAsync(sp => sp.GetRequiredService<FormsDb>().Submissions.Where(s => s.KodePelacakan == code).Select(s => s.PenggunaId).SingleAsync()));

        using var owner = platform.Client();
        var (status, page) = await owner.PageAsync(link);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Atur kata sandi akun Anda", page.QuerySelector("h1")!.TextContent.Trim());
        using var set = await owner.SubmitAsync(page, "form", new Dictionary<string, string> { ["Password"] = "Rahasia2026", ["ConfirmPassword"] = "Rahasia2026" }, link);
        Assert.Contains("Kata sandi Anda telah diatur.", (await TestClient.ParseAsync(set)).QuerySelector(".alert.success")!.TextContent);

        await owner.SignInAsync(_unpam.Prefix, email, "Rahasia2026");
        var (_, mine) = await owner.PageAsync($"{_unpam.Prefix}/permohonan-saya");
        Assert.Contains(code, mine.QuerySelector("main")!.TextContent);
        // A participant's account reaches no staff page.
        using var admin = await owner.GetAsync($"{_unpam.Prefix}/admin");
        Assert.NotEqual(HttpStatusCode.OK, admin.StatusCode);
    }

    [Fact]
    public async Task Registering_again_with_the_same_email_makes_no_second_account()
    {
        var email = $"sekali.{Guid.NewGuid():N}@mahasiswa.unpam.test";
        using var client = platform.Client();
        var first = await RegisterAsync(client, email);
        var second = await RegisterAsync(client, email);
        Assert.NotEqual(first, second);
        await MailDev.WaitForAsync(email, where: m => m.Text.Contains(second));

        var (accounts, owners) = await _in.InCampusAsync(async sp =>
        {
            var users = await sp.GetRequiredService<IdentityDb>().Users.CountAsync(u => u.Email == email);
            var ids = await sp.GetRequiredService<FormsDb>().Submissions.Where(s => s.Email == email).Select(s => s.PenggunaId).Distinct().ToListAsync();
            return (users, ids);
        });
        Assert.Equal(1, accounts);
        Assert.Single(owners);
        var setLinks = await _in.InCampusAsync(sp => sp.GetRequiredService<CampusKonseling.Notifications.Data.NotificationsDb>().Outbox
            .CountAsync(m => m.Penerima == email && m.Isi.Contains("atur-ulang-sandi")));
        Assert.Equal(1, setLinks);
    }
}
