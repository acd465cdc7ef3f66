using System.ComponentModel.DataAnnotations;
using CampusKonseling.Pages.Content;
using CampusKonseling.Pages.Data;
using CampusKonseling.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Pages.Pages.Admin;

/// <summary>Creates (id "baru"), edits or deletes a campus page.</summary>
[RequirePermission(Permissions.ManagePages)]
public sealed class EditModel(PagesDb db, TimeProvider clock, IStringLocalizer<S> T) : PageModel
{
    [BindProperty] public PageInput Input { get; set; } = new();
    [TempData] public string? Message { get; set; }
    public bool IsNew => (string?)RouteData.Values["id"] == "baru";

    public sealed class PageInput
    {
        [Required(ErrorMessage = "Judul wajib diisi."), StringLength(200, ErrorMessage = "Judul paling panjang 200 karakter.")]
        public string Title { get; set; } = "";
        [Required(ErrorMessage = "Alamat (slug) wajib diisi.")]
        public string Slug { get; set; } = "";
        public string? Body { get; set; }
        public bool ShowInMenu { get; set; }
        [Range(0, 10000, ErrorMessage = "Urutan harus antara 0 dan 10000.")]
        public int Order { get; set; } = 100;
    }

    public async Task<IActionResult> OnGetAsync(string id)
    {
        if (IsNew) return Page();
        var page = await FindAsync(id);
        if (page is null) return NotFound();
        Input = new PageInput { Title = page.Title, Slug = page.Slug, Body = page.Body, ShowInMenu = page.ShowInMenu, Order = page.Order };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id)
    {
        Input.Slug = Input.Slug.Trim().ToLowerInvariant();
        if (!PageRules.IsSlug(Input.Slug))
            ModelState.AddModelError("Input.Slug", T["Alamat harus 2–60 karakter huruf kecil, angka dan tanda hubung, misalnya layanan-konseling."]);
        var page = IsNew ? new CampusPage { Slug = Input.Slug, Title = Input.Title } : await FindAsync(id);
        if (page is null) return NotFound();
        if (await db.Pages.AnyAsync(p => p.Slug == Input.Slug && p.Id != page.Id))
            ModelState.AddModelError("Input.Slug", T["Alamat ini sudah dipakai halaman lain."]);
        if (!ModelState.IsValid) return Page();

        page.Title = Input.Title.Trim();
        page.Slug = Input.Slug;
        page.Body = Input.Body ?? "";
        page.ShowInMenu = Input.ShowInMenu;
        page.Order = Input.Order;
        page.UpdatedUtc = clock.GetUtcNow();
        if (IsNew) db.Pages.Add(page);
        await db.SaveChangesAsync();
        Message = T["Halaman disimpan."];
        return Redirect(Url.Content($"~/admin/halaman/{page.Id}"));
    }

    public async Task<IActionResult> OnPostDeleteAsync(string id)
    {
        var page = await FindAsync(id);
        if (page is null) return NotFound();
        db.Pages.Remove(page);
        await db.SaveChangesAsync();
        return Redirect(Url.Content("~/admin/halaman"));
    }

    private async Task<CampusPage?> FindAsync(string id) =>
        int.TryParse(id, out var n) ? await db.Pages.FindAsync(n) : null;
}
