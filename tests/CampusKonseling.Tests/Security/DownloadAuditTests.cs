using System.Net;
using AngleSharp.Dom;
using CampusKonseling.Forms.Data;
using CampusKonseling.Tests.Forms;
using CampusKonseling.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CampusKonseling.Tests.Security;

/// <summary>
/// Finding 8 (the rest): downloading someone's uploaded file, running a recipe and switching a feature are
/// administration the campus must be able to account for: each is on the campus's audit page with who did it,
/// and the summary says what was done, never what the file or request says.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class DownloadAuditTests(PlatformFixture platform) : IAsyncLifetime
{
    private InputCampus _c = null!;

    public async Task InitializeAsync() => _c = await InputCampus.CreateAsync(platform, "jejak");

    public Task DisposeAsync()
    {
        _c.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>The newest audit page rows of one kind, as the campus admin reads them.</summary>
    private async Task<IReadOnlyList<IElement>> RowsAsync(string jenis)
    {
        var (status, page) = await _c.Admin.PageAsync($"{_c.Campus.Prefix}/admin/audit?jenis={jenis}");
        Assert.Equal(HttpStatusCode.OK, status);
        return page.QuerySelectorAll("table.audit-entries tbody tr").ToList();
    }

    private static string Text(IElement row, string cell) => row.QuerySelector($"td.{cell}")?.TextContent ?? "";

    [Fact]
    public async Task Downloading_a_requests_attachment_is_on_the_audit_page_with_who_and_not_what_it_says()
    {
        using var client = platform.Client();
        var email = $"lampiran.{Guid.NewGuid():N}@mahasiswa.test";
        using (var sent = await client.SubmitAsync(_c.FormPath, "form.intake", IntakeTests.Valid(email)))
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var (fileId, code) = await _c.Directory.In.InCampusAsync(async sp =>
        {
            var db = sp.GetRequiredService<FormsDb>();
            var submission = await db.Submissions.SingleAsync(s => s.Email == email);
            var file = new UploadedFile
            {
                Id = Guid.NewGuid(), KunciKirim = submission.KunciKirim, SubmissionId = submission.Id, IsianId = "surat",
                NamaAsli = "surat-rahasia.pdf", Mime = "application/pdf", Isi = "%PDF-1.4 isi rahasia"u8.ToArray(), Ukuran = 20, DiunggahPada = DateTimeOffset.UtcNow,
            };
            db.Files.Add(file);
            await db.SaveChangesAsync();
            return (file.Id, submission.KodePelacakan);
        });

        using (var download = await _c.Admin.GetAsync($"{_c.Campus.Prefix}/admin/formulir/berkas/{fileId}"))
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);

        var row = Assert.Single(await RowsAsync("unduh"));
        Assert.Contains(_c.Campus.AdminEmail, Text(row, "pengguna"));
        Assert.Contains(code, Text(row, "ringkasan"));
        Assert.DoesNotContain("isi rahasia", row.TextContent);
        Assert.Contains(fileId.ToString(), Text(row, "subjek"));
    }

    [Fact]
    public async Task Switching_a_feature_on_the_fitur_page_is_on_the_audit_page_with_who()
    {
        using (var off = await _c.Admin.SubmitAsync($"{_c.Campus.Prefix}/admin/fitur", "form[action*='handler=Disable'][action*='id=Forms']", new Dictionary<string, string>()))
            Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        using (var on = await _c.Admin.SubmitAsync($"{_c.Campus.Prefix}/admin/fitur", "form[action*='handler=Enable'][action*='id=Forms']", new Dictionary<string, string>()))
            Assert.Equal(HttpStatusCode.Redirect, on.StatusCode);

        var rows = (await RowsAsync("ubah")).Where(r => Text(r, "subjek").Contains("fitur") && Text(r, "pengguna").Contains(_c.Campus.AdminEmail)).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains(rows, r => Text(r, "ringkasan").Contains("Forms") && Text(r, "ringkasan").Contains("dinonaktifkan"));
        Assert.Contains(rows, r => Text(r, "ringkasan").Contains("Forms") && Text(r, "ringkasan").Contains("diaktifkan"));
    }

    [Fact]
    public async Task Running_a_recipe_from_the_admin_page_is_on_the_audit_page_with_who()
    {
        using (var run = await _c.Admin.SubmitAsync($"{_c.Campus.Prefix}/admin/resep", "form[data-recipe='konseling-asesmen.recipe.json']", new Dictionary<string, string>()))
            Assert.True(run.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, $"{run.StatusCode}");

        var row = Assert.Single(await RowsAsync("ubah"), r => Text(r, "subjek").Contains("resep") && Text(r, "pengguna").Contains(_c.Campus.AdminEmail));
        Assert.Contains(_c.Campus.AdminEmail, Text(row, "pengguna"));
        Assert.Contains("konseling-asesmen.recipe.json", Text(row, "ringkasan"));
    }

    [Fact]
    public async Task A_recipe_run_by_the_host_at_setup_is_in_the_audit_trail_as_the_system()
    {
        var who = (string?)await TestDatabase.ScalarAsync(_c.Campus.Database,
            "SELECT pengguna_nama FROM audit.entries WHERE subjek_jenis = 'resep' ORDER BY urutan LIMIT 1");
        Assert.NotNull(who);
        Assert.StartsWith("sistem", who);
    }
}
