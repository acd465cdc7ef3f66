using System.Net;
using CampusKonseling.Tests.Infrastructure;

namespace CampusKonseling.Tests.Security;

/// <summary>Finding 8 (administration): every change to roles, permissions, users and API keys is in the campus's audit trail.</summary>
[Collection(PlatformCollection.Name)]
public sealed class AdministrationAuditTests(PlatformFixture platform) : IAsyncLifetime
{
    private TestTenant _campus = null!;
    private TestClient _admin = null!;

    public async Task InitializeAsync()
    {
        _campus = await platform.CreateTenantAsync("unipma", "jejakadm");
        _admin = platform.Client();
        await _admin.SignInAsync(_campus.Prefix, _campus.AdminEmail, _campus.AdminPassword);
    }

    public Task DisposeAsync()
    {
        _admin.Dispose();
        return Task.CompletedTask;
    }

    private async Task<HttpResponseMessage> PostAsync(string path, params (string Name, string Value)[] values)
    {
        var (_, page) = await _admin.PageAsync(path);
        var fields = values.Select(v => new KeyValuePair<string, string>(v.Name, v.Value)).ToList();
        fields.Add(new("__RequestVerificationToken", page.QuerySelector("main form input[name='__RequestVerificationToken']")!.GetAttribute("value")!));
        return await _admin.Http.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    private async Task<string> AuditTextAsync(string subjekJenis)
    {
        var (status, page) = await _admin.PageAsync($"{_campus.Prefix}/admin/audit?SubjekJenis={subjekJenis}");
        Assert.Equal(HttpStatusCode.OK, status);
        return string.Join("\n", page.QuerySelectorAll("table.audit-entries tbody tr").Select(r => r.TextContent));
    }

    [Fact]
    public async Task Role_permission_user_membership_lockout_and_api_key_changes_are_on_the_audit_page()
    {
        using (var created = await PostAsync($"{_campus.Prefix}/admin/peran/baru", ("RoleName", "Redaksi"), ("Description", "Menyunting"), ("Granted", "ManagePages")))
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var roleId = await SecurityCampus.RoleIdAsync(_campus, "Redaksi");
        using (var changed = await PostAsync($"{_campus.Prefix}/admin/peran/{roleId}", ("RoleName", "Redaksi Situs"), ("Description", "Menyunting halaman"), ("Granted", "ManagePages"), ("Granted", "AccessAdmin")))
            Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        using (var user = await PostAsync($"{_campus.Prefix}/admin/pengguna/baru", ("Input.FullName", "Sri"), ("Input.Email", "sri@kampus.test"), ("Input.Password", "Mulai12345"), ("Input.Roles", "Redaksi Situs")))
            Assert.Equal(HttpStatusCode.Redirect, user.StatusCode);
        var sri = await SecurityCampus.UserIdAsync(_campus, "sri@kampus.test");
        using (var roles = await PostAsync($"{_campus.Prefix}/admin/pengguna/{sri}", ("Input.FullName", "Sri"), ("Input.Email", "sri@kampus.test"), ("Input.Roles", "TU")))
            Assert.Equal(HttpStatusCode.Redirect, roles.StatusCode);

        await TestDatabase.ExecuteAsync(_campus.Database, $"UPDATE identity.\"AspNetUsers\" SET \"LockoutEnd\" = now() + interval '10 minutes' WHERE \"Id\" = '{sri}'");
        var (_, edit) = await _admin.PageAsync($"{_campus.Prefix}/admin/pengguna/{sri}");
        using (var unlock = await _admin.SubmitAsync(edit, "form[action*='handler=Unlock']", new Dictionary<string, string>(), $"{_campus.Prefix}/admin/pengguna/{sri}"))
            Assert.Equal(HttpStatusCode.Redirect, unlock.StatusCode);

        using (var key = await _admin.SubmitAsync($"{_campus.Prefix}/admin/kunci-api", "form[action*='handler=Create']", new Dictionary<string, string> { ["Nama"] = "SIAKAD", ["Peran"] = "TU" }))
        {
            var page = await TestClient.ParseAsync(key);
            Assert.NotNull(page.QuerySelector("#kunci-baru"));
            using var revoke = await _admin.SubmitAsync(page, "form[action*='handler=Revoke']", new Dictionary<string, string>(), $"{_campus.Prefix}/admin/kunci-api");
            Assert.Equal(HttpStatusCode.Redirect, revoke.StatusCode);
        }

        var roleTrail = await AuditTextAsync("peran");
        Assert.Contains("Peran dibuat: Redaksi", roleTrail);
        Assert.Contains("izin: (tidak ada) → ManagePages", roleTrail);
        Assert.Contains("Redaksi → Redaksi Situs", roleTrail);
        Assert.Contains("izin: ManagePages → AccessAdmin, ManagePages", roleTrail);

        var userTrail = await AuditTextAsync("pengguna");
        Assert.Contains("Pengguna dibuat: sri@kampus.test", userTrail);
        Assert.Contains("peran: (tidak ada) → Redaksi Situs", userTrail);
        Assert.Contains("peran: Redaksi Situs → TU", userTrail);
        Assert.Contains("Kunci akun dibuka", userTrail);
        Assert.Contains(_campus.AdminEmail, userTrail);

        var keyTrail = await AuditTextAsync("kunci-api");
        Assert.Contains("Kunci API dibuat: SIAKAD (peran TU)", keyTrail);
        Assert.Contains("Kunci API dicabut: SIAKAD", keyTrail);
    }
}
