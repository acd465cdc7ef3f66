using System.ComponentModel.DataAnnotations;
using CampusKonseling.Identity.Data;
using CampusKonseling.Identity.Security;
using CampusKonseling.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Identity.Pages.Admin.Roles;

/// <summary>Creates a role (id "baru") or edits its description and permissions.</summary>
[RequirePermission(Permissions.ManageRoles)]
public sealed class EditModel(IdentityDb db, RoleManager<CampusRole> roles, PermissionService permissions, IStringLocalizer<S> T) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Nama peran wajib diisi."), StringLength(100, ErrorMessage = "Nama peran paling panjang 100 karakter.")]
    public string RoleName { get; set; } = "";
    [BindProperty, StringLength(500, ErrorMessage = "Keterangan paling panjang 500 karakter.")]
    public string? Description { get; set; }
    [BindProperty] public List<string> Granted { get; set; } = [];
    [TempData] public string? Message { get; set; }

    public IReadOnlyList<Permission> Available { get; private set; } = [];
    public bool IsNew => (string?)RouteData.Values["id"] == "baru";
    public bool IsAdministrator => RoleName == StandardRoles.Administrator;

    public async Task<IActionResult> OnGetAsync(string id)
    {
        Available = permissions.EnabledPermissions();
        if (IsNew) return Page();
        var role = await roles.FindByIdAsync(id);
        if (role is null) return NotFound();
        RoleName = role.Name!;
        Description = role.Description;
        Granted = await RolePermissions.GetAsync(db, role.Id);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id)
    {
        Available = permissions.EnabledPermissions();
        if (!ModelState.IsValid) return Page();
        var role = IsNew ? new CampusRole() : await roles.FindByIdAsync(id);
        if (role is null) return NotFound();
        if (role.Name == StandardRoles.Administrator)
        {
            ModelState.AddModelError("", T["Peran Administrator bawaan platform dan selalu memiliki semua izin."]);
            return Page();
        }
        role.Name = RoleName.Trim();
        role.Description = Description;
        var result = IsNew ? await roles.CreateAsync(role) : await roles.UpdateAsync(role);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors) ModelState.AddModelError(nameof(RoleName), e.Description);
            return Page();
        }

        // Grants of features that are disabled right now are kept; only the visible ones are edited here.
        var editable = Available.Select(p => p.Name).ToHashSet();
        var wanted = Granted.Where(editable.Contains).ToHashSet();
        await RolePermissions.SetAsync(db, role.Id, wanted, editable.Contains);
        permissions.Invalidate();
        Message = T["Peran {0} disimpan.", role.Name!];
        return Redirect(Url.Content($"~/admin/peran/{role.Id}"));
    }
}
