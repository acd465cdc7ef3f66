using System.Net;
using CampusKonseling.Recipes;
using CampusKonseling.Shell;
using CampusKonseling.Site;
using CampusKonseling.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CampusKonseling.Tests.Tenancy;

/// <summary>A campus's holidays come from its recipe and its admin, and its working-time clocks read them.</summary>
[Collection(PlatformCollection.Name)]
public sealed class HariLiburTests(PlatformFixture platform) : IAsyncLifetime
{
    private TestTenant _campus = null!;
    private TestClient _admin = null!;

    public async Task InitializeAsync()
    {
        _campus = await platform.CreateTenantAsync("unipma", "libur");
        _admin = platform.Client();
        await _admin.SignInAsync(_campus.Prefix, _campus.AdminEmail, _campus.AdminPassword);
    }

    public Task DisposeAsync()
    {
        _admin.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_settings_step_stores_the_holidays_and_a_new_list_replaces_the_old()
    {
        var shipped = await SettingsAsync();
        Assert.Contains(new HariLibur(new DateOnly(2026, 12, 25), "Hari Raya Natal"), shipped.HariLibur);
        Assert.Contains(new HariLibur(new DateOnly(2027, 8, 17), "Hari Proklamasi Kemerdekaan Republik Indonesia"), shipped.HariLibur);

        var result = await RunAsync("""
            { "name": "libur", "displayName": "Libur", "steps": [ { "name": "settings", "holidays": [
              { "date": "2030-01-11", "name": "Dies Natalis" }, { "date": "2030-01-02" } ] } ] }
            """);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));

        var settings = await SettingsAsync();
        Assert.Equal([new(new DateOnly(2030, 1, 2), null), new(new DateOnly(2030, 1, 11), "Dies Natalis")], settings.HariLibur);
        Assert.Equal("Universitas PGRI Madiun", settings.CampusName);
    }

    [Fact]
    public async Task Bad_holidays_in_a_recipe_are_refused_with_path_and_reason()
    {
        var result = await RunAsync("""
            { "name": "libur", "displayName": "Libur", "steps": [ { "name": "settings", "holidays": [
              { "date": "25-12-2030", "name": "Natal" }, { "date": "2030-01-01", "nama": "Tahun Baru" }, { "date": "2030-01-01" }, "2030-05-01" ] } ] }
            """);
        var errors = result.Errors.Select(e => (e.Path, e.Reason)).ToList();
        Assert.Contains(errors, e => e.Path == "$.steps[0].holidays[0].date" && e.Reason.Contains("2026-12-25"));
        Assert.Contains(errors, e => e.Path == "$.steps[0].holidays[1].nama" && e.Reason.Contains("tidak dikenal"));
        Assert.Contains(errors, e => e.Path == "$.steps[0].holidays[2].date" && e.Reason.Contains("sudah tercantum pada holidays[1]"));
        Assert.Contains(errors, e => e.Path == "$.steps[0].holidays[3]");
        Assert.Contains(new HariLibur(new DateOnly(2026, 12, 25), "Hari Raya Natal"), (await SettingsAsync()).HariLibur);
    }

    [Fact]
    public async Task The_campus_admin_lists_holidays_one_per_line()
    {
        var (_, form) = await _admin.PageAsync($"{_campus.Prefix}/admin/pengaturan");
        Assert.Contains("2026-12-25 Hari Raya Natal", form.QuerySelector("textarea[name='Input.HariLibur']")!.TextContent);

        using var saved = await _admin.SubmitAsync(form, "main form", new Dictionary<string, string>
        {
            ["Input.HariLibur"] = "2030-01-11 Dies Natalis\n\n  2030-01-02  \n",
        }, $"{_campus.Prefix}/admin/pengaturan");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        Assert.Equal([new(new DateOnly(2030, 1, 2), null), new(new DateOnly(2030, 1, 11), "Dies Natalis")], (await SettingsAsync()).HariLibur);
        var (_, again) = await _admin.PageAsync($"{_campus.Prefix}/admin/pengaturan");
        Assert.Equal("2030-01-02\n2030-01-11 Dies Natalis", again.QuerySelector("textarea[name='Input.HariLibur']")!.TextContent.Trim());
    }

    [Fact]
    public async Task Bad_holiday_lines_are_each_explained_and_what_was_typed_is_kept()
    {
        var (_, form) = await _admin.PageAsync($"{_campus.Prefix}/admin/pengaturan");
        const string typed = "2030-01-11 Dies Natalis\n11/01/2030 Libur\n2030-01-11 Lagi";
        using var response = await _admin.SubmitAsync(form, "main form", new Dictionary<string, string>
        {
            ["Input.HariLibur"] = typed, ["Input.UnitName"] = "Tidak tersimpan",
        }, $"{_campus.Prefix}/admin/pengaturan");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await TestClient.ParseAsync(response);
        var errors = page.QuerySelectorAll("#hari-libur-galat li").Select(li => li.TextContent).ToList();
        Assert.Equal(
            ["Baris 2 (\"11/01/2030 Libur\"): tulis tanggal sebagai tahun-bulan-tanggal lalu namanya, misalnya 2026-12-25 Hari Natal.",
             "Baris 3: tanggal 2030-01-11 sudah ada di baris 1."], errors);
        Assert.Equal(typed, page.QuerySelector("textarea[name='Input.HariLibur']")!.TextContent.Trim());
        Assert.Contains("hari-libur-galat", page.QuerySelector("textarea[name='Input.HariLibur']")!.GetAttribute("aria-describedby"));

        var settings = await SettingsAsync();
        Assert.DoesNotContain(settings.HariLibur, h => h.Nama == "Dies Natalis");
        Assert.NotEqual("Tidak tersimpan", settings.UnitName);
    }

    private async Task<CampusSettings> SettingsAsync()
    {
        var shells = platform.Services.GetRequiredService<IShellHost>();
        var shell = (await shells.GetShellAsync(_campus.Name))!;
        await using var scope = shells.CreateScope(shell);
        return await scope.ServiceProvider.GetRequiredService<ISiteSettings>().GetAsync();
    }

    private async Task<RecipeResult> RunAsync(string json)
    {
        var shells = platform.Services.GetRequiredService<IShellHost>();
        var shell = (await shells.GetShellAsync(_campus.Name))!;
        return await platform.Services.GetRequiredService<IRecipeRunner>().RunAsync(shell, "libur.recipe.json", json);
    }
}
