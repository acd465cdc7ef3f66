using CampusKonseling.Identity.EmailChange;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Identity.Pages.Account;

/// <summary>
/// Opened from the link sent to an account's current address. Opening it (a GET, which mail scanners do
/// too) changes nothing; the owner confirms with a button.
/// </summary>
public sealed class ChangeEmailModel(EmailChangeService changes, IStringLocalizer<S> T) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Id { get; set; }
    [BindProperty(SupportsGet = true)] public string? Email { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kode { get; set; }
    public bool Done { get; private set; }
    public string? Error { get; private set; }
    public bool Complete => !string.IsNullOrEmpty(Id) && !string.IsNullOrEmpty(Email) && !string.IsNullOrEmpty(Kode);

    public void OnGet()
    {
        if (!Complete) Error = T["Tautan tidak lengkap. Buka tautan persis seperti dalam e-mail."];
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!Complete || !await changes.ConfirmAsync(Id!, Email!.Trim(), Kode!, ct))
        {
            Error = T["Tautan tidak valid atau sudah kedaluwarsa. Alamat e-mail tidak diubah."];
            return Page();
        }
        Done = true;
        return Page();
    }
}
