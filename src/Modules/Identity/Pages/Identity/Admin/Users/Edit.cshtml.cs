using System.ComponentModel.DataAnnotations;
using CampusKonseling.Audit;
using CampusKonseling.Identity.Confidential;
using CampusKonseling.Identity.Data;
using CampusKonseling.Identity.EmailChange;
using CampusKonseling.Identity.Security;
using CampusKonseling.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Identity.Pages.Admin.Users;

/// <summary>
/// Creates a user (id "baru") or edits one: name, roles, lock. The account stays its owner's: a new
/// e-mail waits for confirmation from the current address, an existing user's password is never set
/// here, and nobody is added to a role that opens counseling content (ADR 0010).
/// </summary>
[RequirePermission(Permissions.ManageUsers)]
public sealed class EditModel(UserManager<CampusUser> users, RoleManager<CampusRole> roles, ConfidentialGrants confidential, EmailChangeService emailChanges, IStringLocalizer<S> T) : PageModel
{
    [BindProperty] public UserInput Input { get; set; } = new();
    /// <summary>NIP, NIDN and position, printed under the user's signature on letters.</summary>
    [BindProperty] public Profiles.SignerFields Tanda { get; set; } = new();
    public IReadOnlyList<string> AllRoles { get; private set; } = [];
    /// <summary>Roles holding a permission that opens counseling content: their members are shown, not added, here.</summary>
    public IReadOnlySet<string> ConfidentialRoles { get; private set; } = new HashSet<string>();
    /// <summary>The user's roles as stored, so a confidential membership can be removed but not added.</summary>
    public IReadOnlyList<string> CurrentRoles { get; private set; } = [];
    public bool IsNew => (string?)RouteData.Values["id"] == "baru";
    public bool LockedOut { get; private set; }
    [TempData] public string? Message { get; set; }

    public sealed class UserInput
    {
        [Required(ErrorMessage = "Nama wajib diisi."), StringLength(200, ErrorMessage = "Nama paling panjang 200 karakter.")]
        [Display(Name = "Nama lengkap")]
        public string FullName { get; set; } = "";

        [Required(ErrorMessage = "E-mail wajib diisi."), EmailAddress(ErrorMessage = "Format e-mail tidak valid.")]
        [Display(Name = "E-mail")]
        public string Email { get; set; } = "";

        [DataType(DataType.Password), Display(Name = "Kata sandi awal")]
        public string? Password { get; set; }

        public List<string> Roles { get; set; } = [];
    }

    public async Task<IActionResult> OnGetAsync(string id)
    {
        await LoadRolesAsync();
        if (IsNew) return Page();
        var user = await users.FindByIdAsync(id);
        if (user is null) return NotFound();
        CurrentRoles = (await users.GetRolesAsync(user)).ToList();
        Input = new UserInput { FullName = user.FullName, Email = user.Email!, Roles = CurrentRoles.ToList() };
        Tanda = Profiles.SignerFields.Of(user);
        LockedOut = await users.IsLockedOutAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        await LoadRolesAsync();
        if (IsNew && string.IsNullOrEmpty(Input.Password))
            ModelState.AddModelError("Input.Password", T["Kata sandi awal wajib diisi untuk pengguna baru."]);
        var user = IsNew ? new CampusUser { EmailConfirmed = true } : await users.FindByIdAsync(id);
        if (user is null) return NotFound();
        CurrentRoles = IsNew ? [] : (await users.GetRolesAsync(user)).ToList();
        if (!ModelState.IsValid) return Page();

        var wanted = Input.Roles.Intersect(AllRoles).ToList();
        if (wanted.Except(CurrentRoles).Any(ConfidentialRoles.Contains))
        {
            ModelState.AddModelError("", T["Peran yang membuka catatan konseling hanya dapat diberikan oleh administrator host atas surat permintaan kampus. Pengguna tidak disimpan."]);
            return Page();
        }

        var email = Input.Email.Trim();
        var emailChange = !IsNew && !string.Equals(users.NormalizeEmail(email), user.NormalizedEmail, StringComparison.Ordinal);
        if (emailChange && await users.FindByEmailAsync(email) is not null)
        {
            ModelState.AddModelError("Input.Email", T["E-mail '{0}' sudah dipakai.", email]);
            return Page();
        }
        var oldName = user.FullName;
        user.FullName = Input.FullName.Trim();
        var signerChanged = Tanda.ApplyTo(user) && !IsNew;
        if (IsNew) user.Email = user.UserName = email;
        var result = IsNew ? await users.CreateAsync(user, Input.Password!) : await users.UpdateAsync(user);
        if (!AddErrors(result)) return Page();

        if (!AddErrors(await users.RemoveFromRolesAsync(user, CurrentRoles.Except(wanted)))) return Page();
        if (!AddErrors(await users.AddToRolesAsync(user, wanted.Except(CurrentRoles)))) return Page();
        // A session opened while the account had other roles (e.g. through the portal, which admits only
        // accounts without permissions) must not pick the new ones up: it signs in again.
        if (!IsNew && !CurrentRoles.ToHashSet().SetEquals(wanted)) await users.UpdateSecurityStampAsync(user);
        await AuditAsync(user, oldName, wanted, signerChanged);

        Message = T["Pengguna {0} disimpan.", user.FullName];
        if (emailChange)
            Message = await emailChanges.RequestAsync(user, email, ct)
                ? T["Pengguna {0} disimpan. Alamat e-mail baru berlaku setelah pemilik akun mengonfirmasinya lewat tautan yang dikirim ke alamat saat ini ({1}).", user.FullName, user.Email!]
                : T["Pengguna {0} disimpan, tetapi alamat e-mail tidak diganti: alamat publik kampus belum diatur, sehingga tautan konfirmasi tidak dapat dibuat.", user.FullName];
        return Redirect(Url.Content($"~/admin/pengguna/{user.Id}"));
    }

    private Task AuditAsync(CampusUser user, string oldName, List<string> wanted, bool signerChanged)
    {
        var changes = new List<string> { IsNew ? $"Pengguna dibuat: {user.Email}" : $"Pengguna diubah: {user.Email}" };
        if (!IsNew && oldName != user.FullName) changes.Add("nama diubah");
        if (signerChanged) changes.Add("NIP/NIDN/jabatan diubah");
        if (IsNew || !CurrentRoles.ToHashSet().SetEquals(wanted)) changes.Add($"peran: {AdminAudit.List(CurrentRoles)} → {AdminAudit.List(wanted)}");
        if (!IsNew && changes.Count == 1) return Task.CompletedTask;
        return AdminAudit.RecordAsync(HttpContext, IsNew ? AuditKinds.Buat : AuditKinds.Ubah, AdminAudit.Pengguna, user.Id, string.Join("; ", changes));
    }

    public async Task<IActionResult> OnPostUnlockAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return NotFound();
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await AdminAudit.RecordAsync(HttpContext, AuditKinds.Ubah, AdminAudit.Pengguna, user.Id, $"Kunci akun dibuka: {user.Email}");
        Message = T["Kunci akun dibuka."];
        return Redirect(Url.Content($"~/admin/pengguna/{user.Id}"));
    }

    private async Task LoadRolesAsync()
    {
        AllRoles = await roles.Roles.OrderBy(r => r.Name).Select(r => r.Name!).ToListAsync();
        ConfidentialRoles = await confidential.RolesHoldingAsync();
    }

    private bool AddErrors(IdentityResult result)
    {
        foreach (var e in result.Errors)
            ModelState.AddModelError(e.Code.Contains("Email") ? "Input.Email" : e.Code.StartsWith("Password") ? "Input.Password" : "", e.Description);
        return result.Succeeded;
    }
}
