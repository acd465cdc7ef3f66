using System.Net;
using CampusKonseling.Tests.Infrastructure;

namespace CampusKonseling.Tests.Security;

/// <summary>
/// Finding 2: the campus administrator runs the system but must not reach counseling notes, so the
/// permissions that open them are granted only by the host administrator on the campus's written request.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ConfidentialPermissionTests(PlatformFixture platform) : IAsyncLifetime
{
    private const string Kepala = "Kepala/Sekretaris P2KLLK";
    private TestTenant _campus = null!;
    private TestClient _admin = null!;

    public async Task InitializeAsync()
    {
        _campus = await platform.CreateTenantAsync("unipma", "rahasia");
        _admin = platform.Client();
        await _admin.SignInAsync(_campus.Prefix, _campus.AdminEmail, _campus.AdminPassword);
    }

    public Task DisposeAsync()
    {
        _admin.Dispose();
        return Task.CompletedTask;
    }

    private async Task<HttpResponseMessage> PostRoleAsync(string path, string name, params string[] granted)
    {
        var (_, page) = await _admin.PageAsync(path);
        var fields = new List<KeyValuePair<string, string>> { new("RoleName", name), new("Description", "") };
        fields.AddRange(granted.Select(g => new KeyValuePair<string, string>("Granted", g)));
        fields.Add(new("__RequestVerificationToken", page.QuerySelector("main form input[name='__RequestVerificationToken']")!.GetAttribute("value")!));
        return await _admin.Http.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    private async Task<HttpResponseMessage> PostUserAsync(string path, string name, string email, string? password, params string[] roles)
    {
        var (_, page) = await _admin.PageAsync(path);
        var fields = new List<KeyValuePair<string, string>> { new("Input.FullName", name), new("Input.Email", email) };
        if (password is not null) fields.Add(new("Input.Password", password));
        fields.AddRange(roles.Select(r => new KeyValuePair<string, string>("Input.Roles", r)));
        fields.Add(new("__RequestVerificationToken", page.QuerySelector("main form input[name='__RequestVerificationToken']")!.GetAttribute("value")!));
        return await _admin.Http.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    [Fact]
    public async Task The_campus_admin_cannot_give_a_new_role_the_right_to_read_counseling_notes()
    {
        using var response = await PostRoleAsync($"{_campus.Prefix}/admin/peran/baru", "Pembaca Catatan", "AccessAdmin", "ReadCounselingNotes");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await TestClient.ParseAsync(response);
        Assert.Contains("administrator host", page.QuerySelector(".alert.error")!.TextContent);
        Assert.False(await SecurityCampus.RoleHoldsAsync(_campus, "Pembaca Catatan", "ReadCounselingNotes"));
        Assert.Null(await SecurityCampus.RoleIdAsync(_campus, "Pembaca Catatan"));
    }

    [Fact]
    public async Task The_campus_admin_cannot_add_break_glass_to_an_existing_role_but_can_take_it_away()
    {
        var konselor = await SecurityCampus.RoleIdAsync(_campus, "Konselor");
        using (var response = await PostRoleAsync($"{_campus.Prefix}/admin/peran/{konselor}", "Konselor", "AccessAdmin", "ViewSop", "ViewCases", "CounselCases", "SearchArchive", "ViewPrograms", "BreakGlass"))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.False(await SecurityCampus.RoleHoldsAsync(_campus, "Konselor", "BreakGlass"));
        }

        // The page shows the grant read-only, with why.
        var kepala = await SecurityCampus.RoleIdAsync(_campus, Kepala);
        var (_, edit) = await _admin.PageAsync($"{_campus.Prefix}/admin/peran/{kepala}");
        Assert.NotNull(edit.QuerySelector("input[value='ReadCounselingNotes'][disabled]"));
        Assert.Contains("administrator host", edit.QuerySelector(".confidential-note")!.TextContent);

        // Revoking only reduces access, so it stays with the campus.
        using (var revoke = await PostRoleAsync($"{_campus.Prefix}/admin/peran/{kepala}", Kepala, "AccessAdmin", "ViewCases"))
            Assert.Equal(HttpStatusCode.Redirect, revoke.StatusCode);
        Assert.False(await SecurityCampus.RoleHoldsAsync(_campus, Kepala, "BreakGlass"));
    }

    [Fact]
    public async Task The_campus_admin_cannot_put_themself_or_a_new_user_into_a_role_that_opens_notes()
    {
        var me = await SecurityCampus.UserIdAsync(_campus, _campus.AdminEmail);
        using (var response = await PostUserAsync($"{_campus.Prefix}/admin/pengguna/{me}", "Administrator", _campus.AdminEmail, null, "Administrator", Kepala))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("administrator host", (await TestClient.ParseAsync(response)).QuerySelector(".alert.error")!.TextContent);
        }
        Assert.False(await SecurityCampus.InRoleAsync(_campus, _campus.AdminEmail, Kepala));

        using (var created = await PostUserAsync($"{_campus.Prefix}/admin/pengguna/baru", "Kaki Tangan", "kaki@tangan.test", "Mulai12345", Kepala))
            Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Equal(0, (long)(await TestDatabase.ScalarAsync(_campus.Database, "SELECT count(*) FROM identity.\"AspNetUsers\" WHERE \"NormalizedEmail\" = 'KAKI@TANGAN.TEST'"))!);

        // Removing someone from such a role is allowed.
        var kepala = await SecurityCampus.UserIdAsync(_campus, "kepala@unipma.demo");
        using (var removed = await PostUserAsync($"{_campus.Prefix}/admin/pengguna/{kepala}", "Kepala", "kepala@unipma.demo", null, "TU"))
            Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.False(await SecurityCampus.InRoleAsync(_campus, "kepala@unipma.demo", Kepala));
    }

    [Fact]
    public async Task The_campus_admin_cannot_become_a_counselor_and_so_the_assigned_reader_of_a_case()
    {
        // The assigned counselor reads a case's counseling tier, so the counselor role is one that opens notes.
        Assert.True(await SecurityCampus.RoleHoldsAsync(_campus, "Konselor", "CounselCases"));
        var me = await SecurityCampus.UserIdAsync(_campus, _campus.AdminEmail);
        using (var response = await PostUserAsync($"{_campus.Prefix}/admin/pengguna/{me}", "Administrator", _campus.AdminEmail, null, "Administrator", "Konselor"))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("administrator host", (await TestClient.ParseAsync(response)).QuerySelector(".alert.error")!.TextContent);
        }
        Assert.False(await SecurityCampus.InRoleAsync(_campus, _campus.AdminEmail, "Konselor"));
        using (var role = await PostRoleAsync($"{_campus.Prefix}/admin/peran/baru", "Konselor Bayangan", "AccessAdmin", "CounselCases"))
            Assert.Equal(HttpStatusCode.OK, role.StatusCode);
        Assert.Null(await SecurityCampus.RoleIdAsync(_campus, "Konselor Bayangan"));
    }

    [Fact]
    public async Task A_recipe_run_by_the_campus_admin_cannot_grant_notes()
    {
        var (_, page) = await _admin.PageAsync($"{_campus.Prefix}/admin/resep");
        var token = page.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        var recipe = """
            { "name": "pintu-belakang", "displayName": "Pintu belakang", "steps": [
              { "name": "roles", "roles": [ { "name": "Pembaca", "permissions": ["AccessAdmin", "ReadCounselingNotes"] } ] } ] }
            """;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(recipe)), "upload", "pintu.json" },
        };
        using var response = await _admin.Http.PostAsync($"{_campus.Prefix}/admin/resep?handler=Upload", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("administrator host", await response.Content.ReadAsStringAsync());
        Assert.False(await SecurityCampus.RoleHoldsAsync(_campus, "Pembaca", "ReadCounselingNotes"));
    }

    [Fact]
    public async Task An_api_key_cannot_act_as_a_role_that_opens_notes()
    {
        using var response = await _admin.SubmitAsync($"{_campus.Prefix}/admin/kunci-api", "form[action*='handler=Create']", new Dictionary<string, string> { ["Nama"] = "Kunci", ["Peran"] = Kepala });
        var page = await TestClient.ParseAsync(response);
        Assert.Null(page.QuerySelector("#kunci-baru"));
        Assert.Equal(0, (long)(await TestDatabase.ScalarAsync(_campus.Database, "SELECT count(*) FROM identity.api_keys"))!);
    }

    [Fact]
    public async Task The_host_admin_grants_on_a_written_request_and_the_campus_audit_and_the_user_know()
    {
        using var host = platform.Client();
        await host.SignInAsync("", PlatformFixture.HostAdminEmail, PlatformFixture.HostAdminPassword);
        var path = $"admin/kampus/{_campus.Name}/akses-rahasia";
        var (status, page) = await host.PageAsync(path);
        Assert.Equal(HttpStatusCode.OK, status);
        var row = page.QuerySelectorAll("table.akses-rahasia tbody tr").Single(r => r.QuerySelector(".peran")!.TextContent.Trim() == Kepala);
        Assert.Contains("BreakGlass", row.TextContent);
        Assert.Contains("kepala@unipma.demo", row.TextContent);

        // Without the letter's number nothing happens.
        using (var refused = await host.SubmitAsync(path, "form.grant", new Dictionary<string, string> { ["Peran"] = "TU", ["Izin"] = "ReadCounselingNotes", ["NomorSurat"] = "" }))
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.False(await SecurityCampus.RoleHoldsAsync(_campus, "TU", "ReadCounselingNotes"));

        using (var granted = await host.SubmitAsync(path, "form.grant", new Dictionary<string, string> { ["Peran"] = "TU", ["Izin"] = "ReadCounselingNotes", ["NomorSurat"] = "017/P2KLLK/XII/2026" }))
            Assert.Equal(HttpStatusCode.Redirect, granted.StatusCode);
        Assert.True(await SecurityCampus.RoleHoldsAsync(_campus, "TU", "ReadCounselingNotes"));

        using (var added = await host.SubmitAsync(path, "form.member", new Dictionary<string, string> { ["Peran"] = Kepala, ["Email"] = "konselor@unipma.demo", ["NomorSurat"] = "018/P2KLLK/XII/2026" }))
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.True(await SecurityCampus.InRoleAsync(_campus, "konselor@unipma.demo", Kepala));

        Assert.Equal(1, await SecurityCampus.AuditCountAsync(_campus, $"ringkasan LIKE '%017/P2KLLK/XII/2026%' AND ringkasan LIKE '%ReadCounselingNotes%' AND pengguna_email = '{PlatformFixture.HostAdminEmail}'"));
        Assert.Equal(1, await SecurityCampus.AuditCountAsync(_campus, $"ringkasan LIKE '%018/P2KLLK/XII/2026%' AND pengguna_email = '{PlatformFixture.HostAdminEmail}'"));
        var (_, audit) = await _admin.PageAsync($"{_campus.Prefix}/admin/audit");
        Assert.Contains("017/P2KLLK/XII/2026", audit.QuerySelector("table.audit-entries")!.TextContent);

        var mail = await MailDev.WaitForAsync("konselor@unipma.demo", where: m => m.Text.Contains("018/P2KLLK/XII/2026") && m.Text.Contains(_campus.Name));
        Assert.Contains(Kepala, mail.Text);
        // The starting password may be the campus admin's choice: it stops working, and the owner sets their own from the mail.
        Assert.Contains($"/{_campus.Prefix}/akun/atur-ulang-sandi?", mail.Text);
        using (var withOldPassword = platform.Client())
        using (var refused = await withOldPassword.SubmitAsync($"{_campus.Prefix}/akun/masuk", "form", new Dictionary<string, string> { ["Input.Email"] = "konselor@unipma.demo", ["Input.Password"] = "Demo12345" }))
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode); // the sign-in page again, not the redirect into the admin

        // The campus admin now sees the grant, and still cannot extend it.
        var tu = await SecurityCampus.RoleIdAsync(_campus, "TU");
        var (_, role) = await _admin.PageAsync($"{_campus.Prefix}/admin/peran/{tu}");
        Assert.NotNull(role.QuerySelector("input[value='ReadCounselingNotes'][checked]"));
    }
}
