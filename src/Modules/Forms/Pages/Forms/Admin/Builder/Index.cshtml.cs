using System.Text.RegularExpressions;
using CampusKonseling.Forms.Builder;
using CampusKonseling.Forms.Data;
using CampusKonseling.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Forms.Pages.Forms.Admin.Builder;

/// <summary>The campus's forms with their active version and draft, and the start of a new form.</summary>
[RequirePermission(Permissions.ManageForms)]
public sealed partial class IndexModel(FormsDb db, FormDrafts drafts, IStringLocalizer<S> T) : PageModel
{
    public sealed record Row(string Kode, string Judul, int Versi, int Permohonan, bool AdaDraf, DateTimeOffset? DrafPada);

    public IReadOnlyList<Row> Items { get; private set; } = [];

    [BindProperty] public string? Kode { get; set; }
    [BindProperty] public string? Judul { get; set; }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex Slug();

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Kode = (Kode ?? "").Trim().ToLowerInvariant();
        Judul = Judul?.Trim();
        if (Kode.Length == 0) ModelState.AddModelError(nameof(Kode), T["Kode wajib diisi."]);
        else if (Kode.Length is < 3 or > 60 || !Slug().IsMatch(Kode))
            ModelState.AddModelError(nameof(Kode), T["Kode harus 3–60 karakter huruf kecil, angka dan tanda hubung, misalnya konseling-karier. Kode menjadi alamat formulir."]);
        else if (Kode == "status") ModelState.AddModelError(nameof(Kode), T["Kode 'status' dipakai halaman cek status permohonan; pilih kode lain."]);
        else if (await db.Forms.AnyAsync(f => f.Kode == Kode, ct)) ModelState.AddModelError(nameof(Kode), T["Kode '{0}' sudah dipakai formulir lain.", Kode]);
        if (string.IsNullOrEmpty(Judul)) ModelState.AddModelError(nameof(Judul), T["Judul wajib diisi."]);
        else if (Judul.Length > 300) ModelState.AddModelError(nameof(Judul), T["Judul paling panjang 300 karakter."]);
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }
        await drafts.CreateAsync(Kode, Judul!, User, ct);
        TempData["Message"] = T["Formulir '{0}' dibuat sebagai draf. Tambahkan isiannya, lalu terbitkan.", Judul!].Value;
        return Redirect(Url.Content($"~/admin/formulir/kelola/{Kode}"));
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var counts = await db.Submissions.AsNoTracking().GroupBy(s => s.FormId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        Items = (await db.Forms.AsNoTracking().OrderBy(f => f.Judul).Select(f => new { f.Id, f.Kode, f.Judul, f.VersiAktif, AdaDraf = f.Draf != null, f.DrafPada }).ToListAsync(ct))
            .Select(f => new Row(f.Kode, f.Judul, f.VersiAktif, counts.GetValueOrDefault(f.Id), f.AdaDraf, f.DrafPada)).ToList();
    }
}
