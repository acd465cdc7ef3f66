using System.ComponentModel.DataAnnotations;
using CampusKonseling.Identity.Security;
using CampusKonseling.Identity.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Identity.Pages.Account;

public sealed class LoginModel(SignInManager<CampusUser> signIn, IStringLocalizer<S> T) : PageModel
{
    [BindProperty] public LoginInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public sealed class LoginInput
    {
        [Required(ErrorMessage = "E-mail wajib diisi."), EmailAddress(ErrorMessage = "Format e-mail tidak valid.")]
        [Display(Name = "E-mail")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Kata sandi wajib diisi."), DataType(DataType.Password)]
        [Display(Name = "Kata sandi")]
        public string Password { get; set; } = "";

        [Display(Name = "Ingat saya")]
        public bool RememberMe { get; set; }
    }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var email = Input.Email.Trim();
        var result = await signIn.PasswordSignInAsync(email, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        await SignInAudit.RecordAsync(HttpContext, signIn.UserManager, email, result);
        if (result.Succeeded)
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : Url.Content("~/admin"));
        ModelState.AddModelError("", result.IsLockedOut
            ? T["Akun dikunci sementara karena terlalu banyak percobaan gagal. Coba lagi dalam 15 menit atau atur ulang kata sandi."]
            : T["E-mail atau kata sandi salah."]);
        Input.Password = "";
        return Page();
    }
}
