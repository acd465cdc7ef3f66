using System.Net;
using CampusKonseling.Audit;
using CampusKonseling.Tests.Infrastructure;

namespace CampusKonseling.Tests.Audit;

/// <summary>What the campus administrator sees at /admin/audit, and who may see it.</summary>
[Collection(PlatformCollection.Name)]
public sealed class AuditPageTests(PlatformFixture platform) : IAsyncLifetime
{
    private const string ClientIp = "203.0.113.45";
    private AuditCampus _audit = null!;
    private TestTenant Campus => _audit.Campus;

    public async Task InitializeAsync() => _audit = new AuditCampus(platform, await platform.CreateTenantAsync("unipma", "jejak"));
    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<TestClient> AdminAsync()
    {
        var client = platform.Client();
        await client.SignInAsync(Campus.Prefix, Campus.AdminEmail, Campus.AdminPassword);
        return client;
    }

    private async Task FailSignInAsync(TestClient client, string email, string password)
    {
        using var response = await client.SubmitAsync($"{Campus.Prefix}/akun/masuk", "form", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Sign_ins_and_failed_sign_ins_appear_with_the_address_they_came_from()
    {
        using (var visitor = platform.Client())
        {
            // The campus's reverse proxy on the same machine passes the client's address on.
            visitor.Http.DefaultRequestHeaders.Add("X-Forwarded-For", ClientIp);
            visitor.Http.DefaultRequestHeaders.UserAgent.ParseAdd("UjiBrowser/1.0");
            await FailSignInAsync(visitor, "konselor@unipma.demo", "SandiRahasiaSalah9");
            await FailSignInAsync(visitor, "tidak-ada@unipma.demo", "SandiRahasiaSalah9");
            await visitor.SignInAsync(Campus.Prefix, "konselor@unipma.demo", "Demo12345");
        }

        using var admin = await AdminAsync();
        var (status, failed) = await admin.PageAsync($"{Campus.Prefix}/admin/audit?jenis={AuditKinds.GagalMasuk}");
        Assert.Equal(HttpStatusCode.OK, status);
        var rows = failed.QuerySelectorAll("table.audit-entries tbody tr");
        Assert.Equal(2, rows.Length);
        Assert.All(rows, r => Assert.Equal(ClientIp, r.QuerySelector(".ip")!.TextContent));
        Assert.All(rows, r => Assert.Equal("UjiBrowser/1.0", r.QuerySelector(".agen")!.TextContent));
        Assert.Contains("tidak-ada@unipma.demo", rows[0].QuerySelector(".pengguna")!.TextContent);
        Assert.Contains("pengguna tidak dikenal", rows[0].QuerySelector(".ringkasan")!.TextContent);
        Assert.Contains("konselor@unipma.demo", rows[1].QuerySelector(".pengguna")!.TextContent);
        Assert.Contains("kata sandi salah", rows[1].QuerySelector(".ringkasan")!.TextContent);
        Assert.DoesNotContain("SandiRahasiaSalah9", failed.DocumentElement.OuterHtml);
        Assert.Equal(0, await _audit.CountAsync("ringkasan LIKE '%SandiRahasiaSalah9%' OR agen_pengguna LIKE '%SandiRahasiaSalah9%'"));

        var (_, signIns) = await admin.PageAsync($"{Campus.Prefix}/admin/audit?jenis={AuditKinds.Masuk}&pengguna=konselor");
        var signIn = Assert.Single(signIns.QuerySelectorAll("table.audit-entries tbody tr"));
        Assert.Equal(ClientIp, signIn.QuerySelector(".ip")!.TextContent);
        Assert.Contains("konselor@unipma.demo", signIn.QuerySelector(".pengguna")!.TextContent);
    }

    [Fact]
    public async Task A_rejected_api_key_is_recorded_as_a_failed_sign_in()
    {
        using var system = platform.Client();
        system.Http.DefaultRequestHeaders.Add("X-Api-Key", "ck_0123456789abcdef0123456789abcdef0123456789abcdef");
        using var response = await system.GetAsync($"{Campus.Prefix}/api/v1/formulir");
        Assert.Equal(1, await _audit.CountAsync($"jenis = '{AuditKinds.GagalMasuk}' AND subjek_jenis = 'kunci-api' AND subjek_id = 'ck_012345678' AND alamat_ip IS NOT NULL"));
    }

    [Fact]
    public async Task Verification_on_the_page_names_the_row_that_was_edited_in_the_database()
    {
        for (var i = 1; i <= 4; i++) await _audit.RecordAsync(new AuditEvent(AuditKinds.BacaKonseling, "kasus", $"V-{i}", "membuka catatan konseling"));
        using var admin = await AdminAsync();

        using (var intact = await admin.SubmitAsync($"{Campus.Prefix}/admin/audit", "form.verify", new Dictionary<string, string>()))
        {
            var result = (await TestClient.ParseAsync(intact)).QuerySelector(".verify-result")!;
            Assert.Equal("true", result.GetAttribute("data-utuh"));
            Assert.Contains("Jejak audit utuh", result.TextContent);
        }

        var target = (long)(await TestDatabase.ScalarAsync(Campus.Database, "SELECT urutan FROM audit.entries WHERE subjek_id = 'V-2'"))!;
        await _audit.TamperAsync($"UPDATE audit.entries SET ringkasan = 'tidak dibuka' WHERE urutan = {target}");

        using var broken = await admin.SubmitAsync($"{Campus.Prefix}/admin/audit", "form.verify", new Dictionary<string, string>());
        var report = (await TestClient.ParseAsync(broken)).QuerySelector(".verify-result")!;
        Assert.Equal("false", report.GetAttribute("data-utuh"));
        Assert.Equal(target.ToString(), report.GetAttribute("data-rusak-pada"));
        Assert.Contains($"Jejak audit RUSAK pada entri nomor {target}: isinya diubah setelah dicatat", report.TextContent);
    }

    [Fact]
    public async Task Who_saw_this_lists_the_reads_of_one_subject_only()
    {
        await _audit.RecordAsync(new AuditEvent(AuditKinds.BacaKonseling, "kasus", "KS-7", "membuka catatan konseling (1)"));
        await _audit.RecordAsync(new AuditEvent(AuditKinds.Baca, "kasus", "KS-8", "membuka kasus lain"));
        await _audit.RecordAsync(new AuditEvent(AuditKinds.Ubah, "kasus", "KS-7", "status diubah (2)"));
        await _audit.RecordAsync(new AuditEvent(AuditKinds.Baca, "surat", "KS-7", "subjek lain dengan nomor sama"));

        using var admin = await AdminAsync();
        var (status, page) = await admin.PageAsync($"{Campus.Prefix}/admin/audit/subjek/kasus/KS-7");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Siapa melihat ini", page.QuerySelector("h1")!.TextContent);
        var summaries = page.QuerySelectorAll("table.audit-entries tbody tr .ringkasan").Select(c => c.TextContent).ToList();
        Assert.Equal(["status diubah (2)", "membuka catatan konseling (1)"], summaries);
        Assert.All(page.QuerySelectorAll("table.audit-entries tbody tr"), r => Assert.Equal("sistem", r.QuerySelector(".pengguna")!.TextContent));
    }

    [Fact]
    public async Task One_campus_never_sees_another_campus_entries()
    {
        var other = new AuditCampus(platform, await platform.CreateTenantAsync("unipma", "lain"));
        await other.RecordAsync(new AuditEvent(AuditKinds.BacaKonseling, "kasus", "RAHASIA-B", "dibaca di kampus B"));
        await _audit.RecordAsync(new AuditEvent(AuditKinds.BacaKonseling, "kasus", "MILIK-A", "dibaca di kampus A"));

        using var admin = await AdminAsync();
        var (_, list) = await admin.PageAsync($"{Campus.Prefix}/admin/audit");
        Assert.Contains("MILIK-A", list.QuerySelector("table.audit-entries")!.TextContent);
        Assert.DoesNotContain("RAHASIA-B", list.DocumentElement.OuterHtml);
        var (_, subject) = await admin.PageAsync($"{Campus.Prefix}/admin/audit/subjek/kasus/RAHASIA-B");
        Assert.Empty(subject.QuerySelectorAll("table.audit-entries tbody tr"));

        // Campus A's sign-in cookie opens nothing of campus B.
        using var foreign = await admin.GetAsync($"{other.Campus.Prefix}/admin/audit");
        Assert.NotEqual(HttpStatusCode.OK, foreign.StatusCode);
    }

    [Fact]
    public async Task Staff_without_the_audit_permission_are_refused()
    {
        using var tu = platform.Client();
        await tu.SignInAsync(Campus.Prefix, "tu@unipma.demo", "Demo12345");
        var (_, dashboard) = await tu.PageAsync($"{Campus.Prefix}/admin");
        Assert.Null(dashboard.QuerySelector("nav.admin-nav a[data-menu='admin/audit']"));
        foreach (var path in new[] { "admin/audit", "admin/audit/subjek/kasus/KS-1" })
        {
            using var response = await tu.GetAsync($"{Campus.Prefix}/{path}");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/akun/akses-ditolak", response.Headers.Location!.ToString());
        }

        using var admin = await AdminAsync();
        var (_, adminDashboard) = await admin.PageAsync($"{Campus.Prefix}/admin");
        Assert.NotNull(adminDashboard.QuerySelector("nav.admin-nav a[data-menu='admin/audit']"));
    }

    [Fact]
    public async Task Filters_narrow_the_list_and_a_reversed_date_range_is_explained_beside_the_field()
    {
        await _audit.RecordAsync(new AuditEvent(AuditKinds.Dokumen, "kasus", "F-1", "surat dibuat"));
        await _audit.RecordAsync(new AuditEvent(AuditKinds.Hapus, "lampiran", "F-2", "lampiran dihapus"));
        using var admin = await AdminAsync();

        var (_, bySubject) = await admin.PageAsync($"{Campus.Prefix}/admin/audit?subjekJenis=lampiran&subjekId=F-2");
        Assert.Equal(["lampiran dihapus"], bySubject.QuerySelectorAll("tbody .ringkasan").Select(c => c.TextContent));

        var today = DateTime.UtcNow.AddHours(7).ToString("yyyy-MM-dd");
        var (_, byDate) = await admin.PageAsync($"{Campus.Prefix}/admin/audit?jenis=dokumen&dari={today}&sampai={today}");
        Assert.Equal(["surat dibuat"], byDate.QuerySelectorAll("tbody .ringkasan").Select(c => c.TextContent));
        var (_, future) = await admin.PageAsync($"{Campus.Prefix}/admin/audit?jenis=dokumen&dari=2099-01-01");
        Assert.Empty(future.QuerySelectorAll("tbody .ringkasan"));

        var (status, reversed) = await admin.PageAsync($"{Campus.Prefix}/admin/audit?dari=2026-05-10&sampai=2026-05-01");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Tanggal akhir tidak boleh sebelum tanggal awal.", reversed.QuerySelector("span[data-valmsg-for='Sampai']")!.TextContent);
        var (badStatus, bad) = await admin.PageAsync($"{Campus.Prefix}/admin/audit?dari=kemarin");
        Assert.Equal(HttpStatusCode.OK, badStatus);
        Assert.Contains("tidak valid", bad.QuerySelector("span[data-valmsg-for='Dari']")!.TextContent);
    }

    [Fact]
    public async Task The_list_pages_newest_first()
    {
        for (var i = 1; i <= 55; i++) await _audit.RecordAsync(new AuditEvent(AuditKinds.Baca, "halaman", $"H-{i}", $"baca {i}"));
        using var admin = await AdminAsync();
        var (_, first) = await admin.PageAsync($"{Campus.Prefix}/admin/audit?subjekJenis=halaman");
        var numbers = first.QuerySelectorAll("tbody tr").Select(r => long.Parse(r.GetAttribute("data-urutan")!)).ToList();
        Assert.Equal(50, numbers.Count);
        Assert.Equal(numbers.OrderDescending(), numbers);
        Assert.Equal("baca 55", first.QuerySelector("tbody .ringkasan")!.TextContent);

        var next = first.QuerySelector("nav.pager a")!.GetAttribute("href")!;
        var (_, second) = await admin.PageAsync(next);
        Assert.Equal(["baca 5", "baca 4", "baca 3", "baca 2", "baca 1"], second.QuerySelectorAll("tbody .ringkasan").Select(c => c.TextContent));
        Assert.Null(second.QuerySelector("nav.pager a"));
    }
}
