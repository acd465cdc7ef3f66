using System.ComponentModel.DataAnnotations;
using CampusKonseling.Identity.Data;
using CampusKonseling.Identity.PasswordReset;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Identity.Pages.Account;

public sealed class ResetPasswordModel(UserManager<CampusUser> users, PasswordResets resets, IStringLocalizer<S> T) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Email { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string Kode { get; set; } = "";
    /// <summary>The link e-mailed for an account made at registration: "set", not "reset".</summary>
    [BindProperty(SupportsGet = true)] public bool Baru { get; set; }

    [BindProperty, Required(ErrorMessage = "Kata sandi baru wajib diisi."), DataType(DataType.Password)]
    [Display(Name = "Kata sandi baru")]
    public string Password { get; set; } = "";

    [BindProperty, Compare(nameof(Password), ErrorMessage = "Konfirmasi tidak sama dengan kata sandi baru."), DataType(DataType.Password)]
    [Display(Name = "Ulangi kata sandi baru")]
    public string ConfirmPassword { get; set; } = "";

    public bool Done { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        var user = await users.FindByEmailAsync(Email);
        if (user is null)
        {
            await resets.RefusedAsync(Email, ct);
            ModelState.AddModelError("", T["Tautan sudah tidak berlaku. Minta tautan baru."]);
            return Page();
        }
        var result = await users.ResetPasswordAsync(user, Kode, Password);
        if (!result.Succeeded)
        {
            if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken))) await resets.RefusedAsync(Email, ct);
            foreach (var e in result.Errors) ModelState.AddModelError(e.Code.StartsWith("Password") ? nameof(Password) : "", e.Description);
            return Page();
        }
        await users.SetLockoutEndDateAsync(user, null);
        // The link reached its owner's mailbox: the address is confirmed.
        if (!user.EmailConfirmed)
        {
            user.EmailConfirmed = true;
            await users.UpdateAsync(user);
        }
        await resets.CompletedAsync(user, ct);
        Done = true;
        return Page();
    }
}
