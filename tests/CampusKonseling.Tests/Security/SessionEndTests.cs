using System.Net;
using CampusKonseling.Identity.Data;
using CampusKonseling.Tests.Infrastructure;
using CampusKonseling.Tests.Sop;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CampusKonseling.Tests.Security;

/// <summary>
/// Finding 6: a session ends when its owner signs out, when the password is changed or reset and when
/// the account's roles change (the admin pages update the security stamp) — at once, not within a minute:
/// a copied cookie replayed afterwards is not signed in.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class SessionEndTests(PlatformFixture platform) : IAsyncLifetime
{
    private TestTenant _campus = null!;
    private SopHarness _in = null!;

    public async Task InitializeAsync()
    {
        _campus = await platform.CreateTenantAsync("unipma", "sesi");
        _in = new SopHarness(platform, _campus);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private string AdminPath => $"{_campus.Prefix}/admin";

    /// <summary>Signs in and returns a second client holding a copy of the sign-in cookie, as a thief would.</summary>
    private async Task<(TestClient Owner, TestClient Thief)> SignedInWithCopyAsync(string email)
    {
        var owner = platform.Client();
        await owner.SignInAsync(_campus.Prefix, email, SecurityAccounts.Password);
        var thief = platform.Client();
        foreach (Cookie cookie in owner.Cookies.GetAllCookies())
            if (cookie.Name.StartsWith(".ck.auth")) thief.Cookies.Add(new Cookie(cookie.Name, cookie.Value, cookie.Path, cookie.Domain));
        await AssertSignedInAsync(thief, true);
        return (owner, thief);
    }

    private async Task AssertSignedInAsync(TestClient client, bool expected)
    {
        using var response = await client.GetAsync(AdminPath);
        if (expected) Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        else
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/akun/masuk", response.Headers.Location!.ToString());
        }
    }

    [Fact]
    public async Task A_copied_cookie_is_not_signed_in_after_its_owner_signs_out()
    {
        var email = await SecurityAccounts.CreateStaffAsync(platform, _campus);
        var (owner, thief) = await SignedInWithCopyAsync(email);
        using (owner)
        using (thief)
        {
            var (_, dashboard) = await owner.PageAsync(AdminPath);
            using (var signedOut = await owner.SubmitAsync(dashboard, "form[action$='/akun/keluar']", new Dictionary<string, string>(), AdminPath))
                Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
            await AssertSignedInAsync(thief, false);
        }
    }

    [Fact]
    public async Task A_password_reset_ends_every_session_at_once()
    {
        var email = await SecurityAccounts.CreateStaffAsync(platform, _campus);
        var (owner, thief) = await SignedInWithCopyAsync(email);
        using (owner)
        using (thief)
        {
            await _in.InCampusAsync(async sp =>
            {
                var users = sp.GetRequiredService<UserManager<CampusUser>>();
                var user = (await users.FindByEmailAsync(email))!;
                var reset = await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), "SandiBaru123");
                Assert.True(reset.Succeeded);
                return 0;
            });
            await AssertSignedInAsync(thief, false);
            await AssertSignedInAsync(owner, false);
        }
    }

    [Fact]
    public async Task A_role_change_that_updates_the_security_stamp_ends_the_session_at_once()
    {
        var email = await SecurityAccounts.CreateStaffAsync(platform, _campus);
        var (owner, thief) = await SignedInWithCopyAsync(email);
        using (owner)
        using (thief)
        {
            // What the admin pages do after changing a user's roles.
            await _in.InCampusAsync(async sp =>
            {
                var users = sp.GetRequiredService<UserManager<CampusUser>>();
                var user = (await users.FindByEmailAsync(email))!;
                await users.RemoveFromRoleAsync(user, "Konselor");
                await users.UpdateSecurityStampAsync(user);
                return 0;
            });
            await AssertSignedInAsync(thief, false);
        }
    }
}
