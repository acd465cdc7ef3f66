using System.Text.Json;
using CampusKonseling.Pages.Data;
using CampusKonseling.Recipes;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Pages.Content;

/// <summary>
/// <c>{ "name": "pages", "pages": [ { "slug": "faq", "title": "FAQ", "menu": true, "order": 1, "body": "markdown" } ] }</c>.
/// Pages are matched by slug, so re-running a recipe updates them instead of adding copies.
/// </summary>
public sealed class PagesStep(TimeProvider clock) : IRecipeStep
{
    public string Name => "pages";

    public void Validate(RecipeStepContext step)
    {
        var slugs = new HashSet<string>();
        step.AllowOnly("pages");
        var pages = step.Array("pages");
        for (var i = 0; i < pages.Count; i++)
        {
            step.AllowOnly(pages[i], $"pages[{i}]", "slug", "title", "body", "menu", "order");
            var slug = step.RequiredString(pages[i], $"pages[{i}]", "slug");
            if (slug is not null && !PageRules.IsSlug(slug))
                step.Error($"pages[{i}].slug", $"'{slug}' harus 2–60 karakter huruf kecil, angka dan tanda hubung");
            else if (slug is not null && !slugs.Add(slug))
                step.Error($"pages[{i}].slug", $"slug '{slug}' disebut dua kali");
            step.RequiredString(pages[i], $"pages[{i}]", "title");
            if (pages[i].ValueKind == JsonValueKind.Object && pages[i].TryGetProperty("body", out var body) && body.ValueKind != JsonValueKind.String)
                step.Error($"pages[{i}].body", "isi halaman harus berupa teks Markdown");
            if (pages[i].ValueKind == JsonValueKind.Object && pages[i].TryGetProperty("order", out var order) && order.ValueKind != JsonValueKind.Number)
                step.Error($"pages[{i}].order", "urutan harus berupa angka");
        }
    }

    public async Task ExecuteAsync(RecipeStepContext step, CancellationToken ct)
    {
        var db = step.Services.GetRequiredService<PagesDb>();
        await step.EnlistAsync(db);
        foreach (var element in step.Step.GetProperty("pages").EnumerateArray())
        {
            var slug = element.GetProperty("slug").GetString()!;
            var page = await db.Pages.FirstOrDefaultAsync(p => p.Slug == slug, ct);
            if (page is null) db.Pages.Add(page = new CampusPage { Slug = slug, Title = "" });
            page.Title = element.GetProperty("title").GetString()!;
            page.Body = element.OptionalString("body") ?? "";
            page.ShowInMenu = element.TryGetProperty("menu", out var menu) && menu.ValueKind == JsonValueKind.True;
            page.Order = element.TryGetProperty("order", out var order) ? order.GetInt32() : 100;
            page.UpdatedUtc = clock.GetUtcNow();
        }
        await db.SaveChangesAsync(ct);
    }
}
