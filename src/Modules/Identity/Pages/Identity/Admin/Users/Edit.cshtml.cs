using System.ComponentModel.DataAnnotations;
using CampusKonseling.Identity.Data;
using CampusKonseling.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Identity.Pages.Admin.Users;

/// <summary>Creates a user (id "baru") or edits one: name, roles, lock.</summary>
[RequirePermission(Permissions.ManageUsers)]
public sealed class EditModel(UserManager<CampusUser> users, RoleManager<CampusRole> roles, IStringLocalizer<S> T) : PageModel
{
    [BindProperty] public UserInput Input { get; set; } = new();
    public IReadOnlyList<string> AllRoles { get; private set; } = [];
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
        Input = new UserInput { FullName = user.FullName, Email = user.Email!, Roles = (await users.GetRolesAsync(user)).ToList() };
        LockedOut = await users.IsLockedOutAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id)
    {
        await LoadRolesAsync();
        if (IsNew && string.IsNullOrEmpty(Input.Password))
            ModelState.AddModelError("Input.Password", T["Kata sandi awal wajib diisi untuk pengguna baru."]);
        if (!ModelState.IsValid) return Page();

        var user = IsNew ? new CampusUser { EmailConfirmed = true } : await users.FindByIdAsync(id);
        if (user is null) return NotFound();
        user.FullName = Input.FullName.Trim();
        user.Email = user.UserName = Input.Email.Trim();
        var result = IsNew ? await users.CreateAsync(user, Input.Password!) : await users.UpdateAsync(user);
        if (!AddErrors(result)) return Page();

        var current = await users.GetRolesAsync(user);
        var wanted = Input.Roles.Intersect(AllRoles).ToList();
        if (!AddErrors(await users.RemoveFromRolesAsync(user, current.Except(wanted)))) return Page();
        if (!AddErrors(await users.AddToRolesAsync(user, wanted.Except(current)))) return Page();
        Message = T["Pengguna {0} disimpan.", user.FullName];
        return Redirect(Url.Content($"~/admin/pengguna/{user.Id}"));
    }

    public async Task<IActionResult> OnPostUnlockAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return NotFound();
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        Message = T["Kunci akun dibuka."];
        return Redirect(Url.Content($"~/admin/pengguna/{user.Id}"));
    }

    private async Task LoadRolesAsync() =>
        AllRoles = await roles.Roles.OrderBy(r => r.Name).Select(r => r.Name!).ToListAsync();

    private bool AddErrors(IdentityResult result)
    {
        foreach (var e in result.Errors)
            ModelState.AddModelError(e.Code.Contains("Email") ? "Input.Email" : e.Code.StartsWith("Password") ? "Input.Password" : "", e.Description);
        return result.Succeeded;
    }
}
