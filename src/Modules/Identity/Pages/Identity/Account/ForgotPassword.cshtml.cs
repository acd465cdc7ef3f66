using System.ComponentModel.DataAnnotations;
using CampusKonseling.Identity.Data;
using CampusKonseling.Notifications;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Identity.Pages.Account;

public sealed class ForgotPasswordModel(UserManager<CampusUser> users, IEmailSender mail, IStringLocalizer<S> T) : PageModel
{
    [BindProperty, Required(ErrorMessage = "E-mail wajib diisi."), EmailAddress(ErrorMessage = "Format e-mail tidak valid.")]
    [Display(Name = "E-mail")]
    public string Email { get; set; } = "";

    public bool Sent { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        var user = await users.FindByEmailAsync(Email.Trim());
        // The same answer whether or not the address exists, so nobody can probe for accounts.
        if (user is not null)
        {
            var code = await users.GeneratePasswordResetTokenAsync(user);
            var link = Url.Page("/Identity/Account/ResetPassword", null, new { email = user.Email, kode = code }, Request.Scheme, Request.Host.Value);
            await mail.SendAsync(new EmailMessage(user.Email!, T["Atur ulang kata sandi"],
                T["Halo {0},\n\nBuka tautan berikut untuk mengatur ulang kata sandi Anda (berlaku 1 hari):\n{1}\n\nAbaikan e-mail ini jika Anda tidak memintanya.", user.FullName, link ?? ""]), ct);
        }
        Sent = true;
        return Page();
    }
}
