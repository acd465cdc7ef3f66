using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using CampusKonseling.Audit;
using CampusKonseling.Identity.ApiKeys;
using CampusKonseling.Identity.Confidential;
using CampusKonseling.Identity.Data;
using CampusKonseling.Identity.Security;
using CampusKonseling.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Identity.Pages.Admin.ApiKeys;

/// <summary>
/// Keys for campus systems (SIAKAD, a mobile app). A new key is shown once, right after it is
/// made; the platform keeps only its hash. A key acts as one role, never as Administrator, and never as
/// a role that opens counseling content: the key's maker would hold it (ADR 0010).
/// </summary>
[RequirePermission(Permissions.ManageApiKeys)]
public sealed class IndexModel(IdentityDb db, ConfidentialGrants confidential, TimeProvider clock, IStringLocalizer<S> T) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Nama kunci wajib diisi."), StringLength(100, ErrorMessage = "Nama kunci paling panjang 100 karakter.")]
    public string Nama { get; set; } = "";
    [BindProperty, Required(ErrorMessage = "Pilih peran untuk kunci ini.")]
    public string Peran { get; set; } = "";
    [TempData] public string? Message { get; set; }

    /// <summary>The key just made; shown once and never stored in clear.</summary>
    public string? NewKey { get; private set; }
    public IReadOnlyList<ApiKey> Keys { get; private set; } = [];
    public IReadOnlyList<string> Roles { get; private set; } = [];

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (ModelState.IsValid && !Roles.Contains(Peran))
            ModelState.AddModelError(nameof(Peran), T["Peran ini tidak ada atau tidak boleh dipakai kunci API."]);
        if (!ModelState.IsValid) return Page();

        var key = "ck_" + Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
        db.ApiKeys.Add(new ApiKey
        {
            Id = Guid.NewGuid(), Nama = Nama.Trim(), Awalan = key[..12], Hash = Convert.ToHexString(ApiKeyHandler.HashOf(key)),
            Peran = Peran, DibuatPada = clock.GetUtcNow(), DibuatOleh = User.Identity?.Name ?? "?",
        });
        await db.SaveChangesAsync(ct);
        await AdminAudit.RecordAsync(HttpContext, AuditKinds.Buat, AdminAudit.KunciApi, key[..12], $"Kunci API dibuat: {Nama.Trim()} (peran {Peran})");
        NewKey = key;
        Nama = "";
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken ct)
    {
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id, ct);
        if (key is null) return NotFound();
        if (key.DicabutPada is null)
        {
            key.DicabutPada = clock.GetUtcNow();
            await db.SaveChangesAsync(ct);
            await AdminAudit.RecordAsync(HttpContext, AuditKinds.Ubah, AdminAudit.KunciApi, key.Awalan, $"Kunci API dicabut: {key.Nama} (peran {key.Peran})");
        }
        Message = T["Kunci {0} dicabut. Sistem yang memakainya tidak bisa masuk lagi.", key.Nama];
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Keys = await db.ApiKeys.AsNoTracking().OrderBy(k => k.DicabutPada != null).ThenByDescending(k => k.DibuatPada).ToListAsync(ct);
        var confidentialRoles = await confidential.RolesHoldingAsync(ct);
        Roles = (await db.Roles.AsNoTracking().Where(r => r.Name != StandardRoles.Administrator).OrderBy(r => r.Name).Select(r => r.Name!).ToListAsync(ct))
            .Where(r => !confidentialRoles.Contains(r)).ToList();
    }
}
