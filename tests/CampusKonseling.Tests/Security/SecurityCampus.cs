using CampusKonseling.Tests.Infrastructure;

namespace CampusKonseling.Tests.Security;

/// <summary>Looks a campus's users, roles and grants up in its own database, as an auditor would.</summary>
public static class SecurityCampus
{
    public static async Task<string> UserIdAsync(TestTenant campus, string email) =>
        (string)(await TestDatabase.ScalarAsync(campus.Database, $"SELECT \"Id\" FROM identity.\"AspNetUsers\" WHERE \"NormalizedEmail\" = upper('{email}')"))!;

    public static async Task<string?> EmailOfAsync(TestTenant campus, string userId) =>
        (string?)await TestDatabase.ScalarAsync(campus.Database, $"SELECT \"Email\" FROM identity.\"AspNetUsers\" WHERE \"Id\" = '{userId}'");

    public static async Task<string?> RoleIdAsync(TestTenant campus, string role) =>
        (string?)await TestDatabase.ScalarAsync(campus.Database, $"SELECT \"Id\" FROM identity.\"AspNetRoles\" WHERE \"Name\" = '{role}'");

    public static async Task<bool> RoleHoldsAsync(TestTenant campus, string role, string permission) =>
        (long)(await TestDatabase.ScalarAsync(campus.Database, $"""
            SELECT count(*) FROM identity."AspNetRoleClaims" c JOIN identity."AspNetRoles" r ON r."Id" = c."RoleId"
            WHERE r."Name" = '{role}' AND c."ClaimType" = 'permission' AND c."ClaimValue" = '{permission}'
            """))! > 0;

    public static async Task<bool> InRoleAsync(TestTenant campus, string email, string role) =>
        (long)(await TestDatabase.ScalarAsync(campus.Database, $"""
            SELECT count(*) FROM identity."AspNetUserRoles" ur JOIN identity."AspNetRoles" r ON r."Id" = ur."RoleId"
            JOIN identity."AspNetUsers" u ON u."Id" = ur."UserId" WHERE r."Name" = '{role}' AND u."NormalizedEmail" = upper('{email}')
            """))! > 0;

    public static async Task<long> AuditCountAsync(TestTenant campus, string where) =>
        (long)(await TestDatabase.ScalarAsync(campus.Database, $"SELECT count(*) FROM audit.entries WHERE {where}"))!;

    /// <summary>True when no mail to <paramref name="to"/> arrives within a few seconds.</summary>
    public static async Task<bool> NoMailToAsync(string to, Func<MailDev.Mail, bool>? where = null)
    {
        try
        {
            await MailDev.WaitForAsync(to, TimeSpan.FromSeconds(4), where);
            return false;
        }
        catch (TimeoutException)
        {
            return true;
        }
    }

    /// <summary>The path (with query) of the first link in a mail that points at <paramref name="route"/>, to open it on the test server.</summary>
    public static string LinkPath(MailDev.Mail mail, string route)
    {
        var match = System.Text.RegularExpressions.Regex.Match(mail.Text, $@"https?://[^\s]+{System.Text.RegularExpressions.Regex.Escape(route)}[^\s]*");
        Assert.True(match.Success, $"No link to {route} in: {mail.Text}");
        var uri = new Uri(match.Value);
        return uri.PathAndQuery.TrimStart('/');
    }
}
