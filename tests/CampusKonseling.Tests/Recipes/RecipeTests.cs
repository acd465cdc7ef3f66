using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Dom;
using CampusKonseling.Shell;
using CampusKonseling.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CampusKonseling.Tests.Recipes;

[Collection(PlatformCollection.Name)]
public sealed class RecipeTests(PlatformFixture platform) : IAsyncLifetime
{
    private TestTenant _campus = null!;
    private TestClient _admin = null!;

    public async Task InitializeAsync()
    {
        _campus = await platform.CreateTenantAsync("konseling-asesmen", "rcp");
        _admin = platform.Client();
        await _admin.SignInAsync(_campus.Prefix, _campus.AdminEmail, _campus.AdminPassword);
    }

    public Task DisposeAsync()
    {
        _admin.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_bad_recipe_is_rejected_with_file_path_and_reason_and_changes_nothing()
    {
        const string recipe = """
        {
          "name": "rusak", "displayName": "Resep rusak",
          "steps": [
            { "name": "settings", "campusName": "Nama Yang Tidak Boleh Tersimpan", "primaryColor": "biru" },
            { "name": "pages", "pages": [ { "slug": "halaman-valid", "title": "Valid" }, { "slug": "Slug Salah", "title": "X" } ] },
            { "name": "roles", "roles": [ { "name": "Konselor Baru", "permissions": ["IzinKarangan"] } ] },
            { "name": "sop-tidak-dikenal" }
          ]
        }
        """;
        var errors = await UploadAsync("rusak.recipe.json", recipe);

        Assert.Contains(("rusak.recipe.json", "$.steps[0].primaryColor"), errors.Select(e => (e.File, e.Path)));
        Assert.Contains(errors, e => e.Path == "$.steps[1].pages[1].slug" && e.Reason.Contains("huruf kecil"));
        Assert.Contains(errors, e => e.Path == "$.steps[2].roles[0].permissions[0]" && e.Reason.Contains("IzinKarangan"));
        Assert.Contains(errors, e => e.Path == "$.steps[3].name" && e.Reason.Contains("tidak ada modul yang menangani langkah 'sop-tidak-dikenal'"));

        await AssertUnchangedAsync();
        Assert.Null(await TestDatabase.ScalarAsync(_campus.Database, "SELECT 1 FROM identity.\"AspNetRoles\" WHERE \"Name\" = 'Konselor Baru'"));
    }

    [Fact]
    public async Task Invalid_json_is_reported_with_its_line()
    {
        var errors = await UploadAsync("patah.recipe.json", "{ \"name\": \"patah\",\n  \"steps\": [ }");
        var error = Assert.Single(errors);
        Assert.Equal("patah.recipe.json", error.File);
        Assert.StartsWith("$ (baris 2", error.Path);
        Assert.StartsWith("JSON tidak valid", error.Reason);
    }

    [Fact]
    public async Task A_step_failing_while_applied_rolls_back_the_whole_recipe()
    {
        var longTitle = new string('x', 300); // longer than the column: passes validation, fails in PostgreSQL
        var recipe = $$"""
        {
          "name": "setengah", "displayName": "Gagal di tengah",
          "steps": [
            { "name": "settings", "campusName": "Nama Yang Tidak Boleh Tersimpan" },
            { "name": "pages", "pages": [ { "slug": "halaman-valid", "title": "Valid" }, { "slug": "terlalu-panjang", "title": "{{longTitle}}" } ] }
          ]
        }
        """;
        var errors = await UploadAsync("setengah.recipe.json", recipe);
        var error = Assert.Single(errors);
        Assert.Equal("$.steps[1]", error.Path);
        Assert.StartsWith("gagal diterapkan", error.Reason);
        await AssertUnchangedAsync();
    }

    [Fact]
    public async Task Running_a_recipe_again_is_safe()
    {
        var pages = await CountAsync("SELECT count(*) FROM pages.pages");
        var roles = await CountAsync("SELECT count(*) FROM identity.\"AspNetRoles\"");
        var users = await CountAsync("SELECT count(*) FROM identity.\"AspNetUsers\"");

        using var response = await _admin.SubmitAsync($"{_campus.Prefix}/admin/resep", "form[data-recipe='konseling-asesmen.recipe.json']", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (_, page) = await _admin.PageAsync($"{_campus.Prefix}/admin/resep");
        Assert.Contains("berhasil dijalankan", page.QuerySelector(".alert.success")!.TextContent);

        Assert.Equal(pages, await CountAsync("SELECT count(*) FROM pages.pages"));
        Assert.Equal(roles, await CountAsync("SELECT count(*) FROM identity.\"AspNetRoles\""));
        Assert.Equal(users, await CountAsync("SELECT count(*) FROM identity.\"AspNetUsers\""));
    }

    [Fact]
    public async Task A_step_of_a_disabled_feature_is_refused_unless_the_recipe_enables_the_feature()
    {
        await platform.SetFeatureAsync(_campus, "Pages", enabled: false);
        try
        {
            const string pagesOnly = """{ "name": "p", "displayName": "P", "steps": [ { "name": "pages", "pages": [ { "slug": "baru", "title": "Baru" } ] } ] }""";
            var error = Assert.Single(await UploadAsync("halaman.recipe.json", pagesOnly));
            Assert.Equal("$.steps[0].name", error.Path);
            Assert.Contains("memerlukan fitur 'Pages'", error.Reason);

            const string withFeature = """{ "name": "p", "displayName": "P", "steps": [ { "name": "features", "enable": ["Pages"] }, { "name": "pages", "pages": [ { "slug": "baru", "title": "Baru" } ] } ] }""";
            var (_, page) = await _admin.PageAsync($"{_campus.Prefix}/admin/resep");
            using var response = await PostRecipeAsync(page, "halaman.recipe.json", withFeature);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await _admin.PageAsync($"{_campus.Prefix}/halaman/baru")).Status);
        }
        finally
        {
            await platform.SetFeatureAsync(_campus, "Pages", enabled: true);
        }
    }

    private async Task AssertUnchangedAsync()
    {
        var (_, home) = await _admin.PageAsync($"{_campus.Prefix}/");
        Assert.Contains("Kampus Demo", home.QuerySelector(".site-header")!.TextContent);
        Assert.Null(await TestDatabase.ScalarAsync(_campus.Database, "SELECT 1 FROM site.settings WHERE campus_name = 'Nama Yang Tidak Boleh Tersimpan'"));
        Assert.Null(await TestDatabase.ScalarAsync(_campus.Database, "SELECT 1 FROM pages.pages WHERE slug = 'halaman-valid'"));
        Assert.Equal(HttpStatusCode.NotFound, (await _admin.PageAsync($"{_campus.Prefix}/halaman/halaman-valid")).Status);
    }

    private async Task<long> CountAsync(string sql) => (long)(await TestDatabase.ScalarAsync(_campus.Database, sql))!;

    private Task<HttpResponseMessage> PostRecipeAsync(IDocument page, string fileName, string json)
    {
        var form = page.QuerySelector("form[enctype='multipart/form-data']")!;
        var content = new MultipartFormDataContent
        {
            { new StringContent(form.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!), "__RequestVerificationToken" },
        };
        var file = new StringContent(json);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Add(file, "upload", fileName);
        return _admin.Http.PostAsync(form.GetAttribute("action")!.TrimStart('/'), content);
    }

    private sealed record ShownError(string File, string Path, string Reason);

    private async Task<List<ShownError>> UploadAsync(string fileName, string json)
    {
        var (_, page) = await _admin.PageAsync($"{_campus.Prefix}/admin/resep");
        using var response = await PostRecipeAsync(page, fileName, json);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await TestClient.ParseAsync(response);
        Assert.Contains("Resep ditolak", result.QuerySelector(".alert.error h2")!.TextContent);
        return result.QuerySelectorAll("tr.recipe-error")
            .Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray())
            .Select(c => new ShownError(c[0], c[1], c[2]))
            .ToList();
    }
}
