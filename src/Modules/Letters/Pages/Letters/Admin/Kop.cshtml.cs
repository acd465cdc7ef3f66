using System.Security.Claims;
using CampusKonseling.Letters.Data;
using CampusKonseling.Security;
using CampusKonseling.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Letters.Pages.Letters.Admin;

/// <summary>The letterhead's address and contacts; the campus and unit name and the logo come from the site settings.</summary>
[RequirePermission(CampusKonseling.Letters.Permissions.ManageLetters)]
public sealed class KopModel(LettersDb db, ISiteSettings site, TimeProvider clock, IStringLocalizer<S> T) : PageModel
{
    [BindProperty] public KopForm Input { get; set; } = new();
    public CampusSettings Campus { get; private set; } = new();
    [TempData] public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Campus = await site.GetAsync(ct);
        if (await db.Kop.AsNoTracking().FirstOrDefaultAsync(k => k.Id == 1, ct) is { } kop)
            Input = new KopForm { Instansi = kop.Instansi, Alamat = kop.Alamat, Telepon = kop.Telepon, Email = kop.Email, Situs = kop.Situs, Kota = kop.Kota };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        foreach (var (field, value, max) in new[]
                 {
                     (nameof(KopForm.Instansi), Input.Instansi, 300), (nameof(KopForm.Alamat), Input.Alamat, 500), (nameof(KopForm.Telepon), Input.Telepon, 100),
                     (nameof(KopForm.Email), Input.Email, 320), (nameof(KopForm.Situs), Input.Situs, 300), (nameof(KopForm.Kota), Input.Kota, 100),
                 })
            if (value?.Trim().Length > max) ModelState.AddModelError("Input." + field, T["Paling panjang {0} karakter.", max]);
        if (Input.Email is { Length: > 0 } email && !System.Net.Mail.MailAddress.TryCreate(email.Trim(), out _))
            ModelState.AddModelError("Input.Email", T["Alamat e-mail tidak sah."]);
        if (!ModelState.IsValid)
        {
            Campus = await site.GetAsync(ct);
            return Page();
        }
        var row = await db.Kop.FirstOrDefaultAsync(k => k.Id == 1, ct);
        if (row is null) db.Kop.Add(row = new Kop());
        static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
        (row.Instansi, row.Alamat, row.Telepon, row.Email, row.Situs, row.Kota) =
            (Clean(Input.Instansi), Clean(Input.Alamat), Clean(Input.Telepon), Clean(Input.Email), Clean(Input.Situs), Clean(Input.Kota));
        row.DiubahPada = clock.GetUtcNow();
        row.DiubahOleh = User.FindFirstValue(ClaimTypes.Email) ?? User.Identity?.Name ?? "";
        await db.SaveChangesAsync(ct);
        Message = T["Kop surat disimpan."];
        return Redirect(Url.Content("~/admin/surat/kop"));
    }
}

public sealed class KopForm
{
    public string? Instansi { get; set; }
    public string? Alamat { get; set; }
    public string? Telepon { get; set; }
    public string? Email { get; set; }
    public string? Situs { get; set; }
    public string? Kota { get; set; }
}
