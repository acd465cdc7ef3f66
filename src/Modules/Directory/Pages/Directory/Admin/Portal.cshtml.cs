using System.ComponentModel.DataAnnotations;
using CampusKonseling.Direktori.Data;
using CampusKonseling.Direktori.Portal;
using CampusKonseling.Security;
using CampusKonseling.Shell;
using CampusKonseling.Users;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Direktori.Pages.Directory.Admin;

/// <summary>
/// Sign-in from the campus portal: the portal signs a short-lived HS256 token with a secret shared with
/// this campus. The secret is stored encrypted and never shown again; a blank field keeps the stored one.
/// </summary>
[RequirePermission(Permissions.ManageDirectory)]
public sealed class PortalModel(PortalSettingsStore store, IUserDirectory users, PublicLinks links, TimeProvider clock, IStringLocalizer<S> T) : PageModel
{
    public const int MinSecretLength = 32;

    [BindProperty] public PortalInput Input { get; set; } = new();
    [TempData] public string? Message { get; set; }
    public bool HasSecret { get; private set; }
    public string PortalUrl => links.Absolute("akun/portal") ?? Url.Content("~/akun/portal");

    public sealed class PortalInput
    {
        public bool Aktif { get; set; }
        [Required(ErrorMessage = "Penerbit (iss) wajib diisi."), StringLength(300, ErrorMessage = "Paling panjang 300 karakter.")]
        public string Penerbit { get; set; } = "";
        [Required(ErrorMessage = "Audiens (aud) wajib diisi."), StringLength(300, ErrorMessage = "Paling panjang 300 karakter.")]
        public string Audiens { get; set; } = "";
        public string? Rahasia { get; set; }
        [Required(ErrorMessage = "Nama klaim NIM wajib diisi."), StringLength(100, ErrorMessage = "Paling panjang 100 karakter.")]
        public string KlaimNim { get; set; } = "nim";
        [StringLength(256, ErrorMessage = "Paling panjang 256 karakter.")]
        public string? Peran { get; set; } = "Mahasiswa";
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var s = await store.GetAsync(ct);
        HasSecret = s.RahasiaProtected is not null;
        if (s.DiubahOleh.Length > 0)
            Input = new PortalInput { Aktif = s.Aktif, Penerbit = s.Penerbit, Audiens = s.Audiens, KlaimNim = s.KlaimNim, Peran = s.Peran };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var stored = await store.GetAsync(ct);
        HasSecret = stored.RahasiaProtected is not null;
        var secret = Input.Rahasia?.Trim();
        if (secret is { Length: > 0 and < MinSecretLength })
            ModelState.AddModelError("Input.Rahasia", T["Rahasia bersama paling sedikit 32 karakter (HS256 memerlukan kunci 256 bit)."]);
        if (Input.Aktif && string.IsNullOrEmpty(secret) && !HasSecret)
            ModelState.AddModelError("Input.Rahasia", T["Isi rahasia bersama sebelum mengaktifkan masuk lewat portal."]);
        var peran = Input.Peran?.Trim() ?? "";
        if (peran.Length > 0 && (peran == StandardRoles.Administrator || !await users.RoleExistsAsync(peran, ct)))
            ModelState.AddModelError("Input.Peran", T["Peran ini tidak ada di kampus. Kosongkan bila akun mahasiswa tidak perlu peran."]);
        if (!ModelState.IsValid) return Page();

        await store.SaveAsync(new PortalSettings
        {
            Aktif = Input.Aktif, Penerbit = Input.Penerbit.Trim(), Audiens = Input.Audiens.Trim(), KlaimNim = Input.KlaimNim.Trim(), Peran = peran,
            RahasiaProtected = string.IsNullOrEmpty(secret) ? stored.RahasiaProtected : store.Hide(secret),
            DiubahPada = clock.GetUtcNow(), DiubahOleh = User.Identity?.Name ?? "?",
        }, ct);
        Message = T["Pengaturan masuk lewat portal disimpan."];
        return Redirect(Url.Content("~/admin/direktori/portal"));
    }
}
