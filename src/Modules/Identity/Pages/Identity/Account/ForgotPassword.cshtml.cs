using System.ComponentModel.DataAnnotations;
using CampusKonseling.Identity.PasswordReset;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CampusKonseling.Identity.Pages.Account;

public sealed class ForgotPasswordModel(PasswordResets resets) : PageModel
{
    [BindProperty, Required(ErrorMessage = "E-mail wajib diisi."), EmailAddress(ErrorMessage = "Format e-mail tidak valid.")]
    [Display(Name = "E-mail")]
    public string Email { get; set; } = "";

    public bool Sent { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        // The same answer, after the same work, whether or not the address exists: nobody can probe for accounts.
        await resets.RequestAsync(Email.Trim(), ct);
        Sent = true;
        return Page();
    }
}
