using System.ComponentModel.DataAnnotations;
using CampusKonseling.Identity.Data;
using CampusKonseling.Identity.Profiles;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Identity.Pages.Account;

/// <summary>The signed-in user's own name, NIP/NIDN and position, as letters they sign print them.</summary>
[Authorize]
public sealed class ProfileModel(UserManager<CampusUser> users, IStringLocalizer<S> T) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Nama wajib diisi."), StringLength(200, ErrorMessage = "Nama paling panjang 200 karakter.")]
    public string Nama { get; set; } = "";

    [BindProperty] public SignerFields Tanda { get; set; } = new();
    public string? Email { get; private set; }
    [TempData] public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        (Nama, Tanda, Email) = (user.FullName, SignerFields.Of(user), user.Email);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        Email = user.Email;
        if (!ModelState.IsValid) return Page();
        var renamed = user.FullName != Nama.Trim();
        user.FullName = Nama.Trim();
        if (Tanda.ApplyTo(user) || renamed)
        {
            var result = await users.UpdateAsync(user);
            if (!result.Succeeded)
            {
                foreach (var e in result.Errors) ModelState.AddModelError("", e.Description);
                return Page();
            }
            await Security.AdminAudit.RecordAsync(HttpContext, CampusKonseling.Audit.AuditKinds.Ubah, Security.AdminAudit.Pengguna, user.Id, $"Profil diubah oleh pemiliknya: {user.Email}");
        }
        Message = T["Profil disimpan."];
        return Redirect(Url.Content("~/akun/profil"));
    }
}
