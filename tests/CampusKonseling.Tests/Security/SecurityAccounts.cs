using System.Net.Http.Json;
using System.Text.Json;
using CampusKonseling.Identity.Data;
using CampusKonseling.Tests.Infrastructure;
using CampusKonseling.Tests.Sop;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CampusKonseling.Tests.Security;

/// <summary>
/// Accounts with addresses no other test (or engineer's run against the same mail server) uses,
/// and clients that appear to come from an address of their own through the loopback proxy.
/// </summary>
internal static class SecurityAccounts
{
    public const string Password = "SandiAwal123";

    public static async Task<string> CreateStaffAsync(PlatformFixture platform, TestTenant campus, string role = "Konselor")
    {
        var email = $"staf.{Guid.NewGuid():N}@kampus.test";
        await new SopHarness(platform, campus).InCampusAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<CampusUser>>();
            var user = new CampusUser { UserName = email, Email = email, FullName = "Staf Uji", EmailConfirmed = true };
            var created = await users.CreateAsync(user, Password);
            Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Code)));
            var roles = sp.GetRequiredService<RoleManager<CampusRole>>();
            if (await roles.RoleExistsAsync(role)) await users.AddToRoleAsync(user, role);
            return 0;
        });
        return email;
    }

    /// <summary>A client whose requests say, through the trusted loopback proxy, that they come from <paramref name="ip"/>.</summary>
    public static TestClient From(this PlatformFixture platform, string ip)
    {
        var client = platform.Client();
        client.Http.DefaultRequestHeaders.Add("X-Forwarded-For", ip);
        return client;
    }

    public static string RandomIp() => $"10.{Random.Shared.Next(1, 255)}.{Random.Shared.Next(1, 255)}.{Random.Shared.Next(1, 255)}";

    /// <summary>Every mail to <paramref name="to"/> that the SMTP test server holds (subject and text).</summary>
    public static async Task<List<MailDev.Mail>> AllMailToAsync(string to)
    {
        var url = Environment.GetEnvironmentVariable("CK_MAILDEV_URL");
        Assert.False(string.IsNullOrEmpty(url), "Run the tests with ./test.sh: it starts the SMTP test server (maildev) and sets CK_MAILDEV_URL.");
        using var http = new HttpClient { BaseAddress = new Uri(url!) };
        return (await http.GetFromJsonAsync<JsonElement>("email")).EnumerateArray()
            .Where(m => m.GetProperty("to").EnumerateArray().Any(t => t.GetProperty("address").GetString() == to))
            .Select(m => new MailDev.Mail(m.GetProperty("subject").GetString() ?? "", m.GetProperty("text").GetString() ?? ""))
            .ToList();
    }
}
