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
/// Sign-in from the campus portal: the portal signs a short-lived token, either HS256 with a secret shared with
/// this campus or RS256 with its own RSA key, whose public half the admin pastes here as a JWKS document. The
/// secret is stored encrypted and never shown again (a blank field keeps the stored one); the JWKS is public and
/// shown as saved.
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
        public string Algoritma { get; set; } = PortalAlgorithms.Hs256;
        public string? Rahasia { get; set; }
        public string? Jwks { get; set; }
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
            Input = new PortalInput { Aktif = s.Aktif, Penerbit = s.Penerbit, Audiens = s.Audiens, Algoritma = s.Algoritma, Jwks = s.Jwks, KlaimNim = s.KlaimNim, Peran = s.Peran };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var stored = await store.GetAsync(ct);
        HasSecret = stored.RahasiaProtected is not null;
        var algoritma = Input.Algoritma?.Trim() ?? "";
        if (!PortalAlgorithms.All.Contains(algoritma))
            ModelState.AddModelError("Input.Algoritma", T["Pilih HS256 (rahasia bersama) atau RS256 (kunci publik JWKS)."]);
        var secret = Input.Rahasia?.Trim();
        if (secret is { Length: > 0 and < MinSecretLength })
            ModelState.AddModelError("Input.Rahasia", T["Rahasia bersama paling sedikit 32 karakter (HS256 memerlukan kunci 256 bit)."]);
        if (Input.Aktif && algoritma == PortalAlgorithms.Hs256 && string.IsNullOrEmpty(secret) && !HasSecret)
            ModelState.AddModelError("Input.Rahasia", T["Isi rahasia bersama sebelum mengaktifkan masuk lewat portal."]);
        var jwks = string.IsNullOrWhiteSpace(Input.Jwks) ? null : Input.Jwks.Trim();
        if (jwks is not null && PortalJwks.Parse(jwks).Error is { } error)
            ModelState.AddModelError("Input.Jwks", Explain(error));
        else if (Input.Aktif && algoritma == PortalAlgorithms.Rs256 && jwks is null)
            ModelState.AddModelError("Input.Jwks", T["Tempel JWKS portal (kunci publik RSA) sebelum mengaktifkan masuk lewat portal dengan RS256."]);
        var peran = Input.Peran?.Trim() ?? "";
        if (peran.Length > 0 && (peran == StandardRoles.Administrator || !await users.RoleExistsAsync(peran, ct)))
            ModelState.AddModelError("Input.Peran", T["Peran ini tidak ada di kampus. Kosongkan bila akun mahasiswa tidak perlu peran."]);
        if (!ModelState.IsValid) return Page();

        await store.SaveAsync(new PortalSettings
        {
            Aktif = Input.Aktif, Penerbit = Input.Penerbit.Trim(), Audiens = Input.Audiens.Trim(), KlaimNim = Input.KlaimNim.Trim(), Peran = peran,
            Algoritma = algoritma, Jwks = jwks,
            RahasiaProtected = string.IsNullOrEmpty(secret) ? stored.RahasiaProtected : store.Hide(secret),
            DiubahPada = clock.GetUtcNow(), DiubahOleh = User.Identity?.Name ?? "?",
        }, ct);
        Message = T["Pengaturan masuk lewat portal disimpan."];
        return Redirect(Url.Content("~/admin/direktori/portal"));
    }

    private string Explain(JwksError e)
    {
        var which = e.Key == 0 ? "" : (e.Kid is { Length: > 0 } kid ? T["Kunci ke-{0} (kid \"{1}\")", e.Key, kid].Value : T["Kunci ke-{0}", e.Key].Value) + ": ";
        return which + e.Problem switch
        {
            JwksProblem.TooLarge => T["JWKS terlalu besar (paling besar 64 KB)."],
            JwksProblem.NotJson => T["JWKS bukan JSON yang sah. Salin seluruh isi dokumen JWKS portal apa adanya."],
            JwksProblem.NoKeys => T["JWKS harus berupa objek dengan daftar \"keys\" yang memuat paling sedikit satu kunci."],
            JwksProblem.NotRsa => T["bukan kunci RSA (kty harus \"RSA\"). Hanya RS256 yang didukung."],
            JwksProblem.PrivateKey => T["memuat bagian kunci privat. Tempel hanya kunci publik portal; kunci privat tidak boleh keluar dari portal."],
            JwksProblem.NotForSigning => T["bukan untuk tanda tangan (use harus \"sig\")."],
            JwksProblem.OtherAlgorithm => T["untuk algoritma lain (alg harus \"RS256\")."],
            JwksProblem.TooSmall => T["kunci RSA terlalu pendek (paling sedikit 2048 bit)."],
            _ => T["tidak dapat dibaca: n dan e harus berisi angka base64url."],
        };
    }
}
