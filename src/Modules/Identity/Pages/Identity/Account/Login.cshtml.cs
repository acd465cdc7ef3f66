using System.ComponentModel.DataAnnotations;
using CampusKonseling.Identity.SignIn;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Identity.Pages.Account;

public sealed class LoginModel(PasswordSignIn signIn, Landing landing, IStringLocalizer<S> T) : PageModel
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
        var outcome = await signIn.SignInAsync(HttpContext, Input.Email.Trim(), Input.Password, Input.RememberMe);
        if (outcome == SignInOutcome.Succeeded)
            return LocalRedirect(await landing.AfterSignInAsync(Input.Email.Trim(), ReturnUrl, Url));
        ModelState.AddModelError("", outcome switch
        {
            SignInOutcome.LockedOut => T["Akun dikunci sementara karena terlalu banyak percobaan gagal. Coba lagi dalam 15 menit atau atur ulang kata sandi."],
            SignInOutcome.SourceBlocked => T["Terlalu banyak percobaan masuk yang gagal dari jaringan ini. Coba lagi dalam 15 menit, atau masuk dari perangkat yang pernah Anda pakai untuk masuk."],
            _ => T["E-mail atau kata sandi salah."],
        });
        Input.Password = "";
        return Page();
    }
}
