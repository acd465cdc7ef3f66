using System.ComponentModel.DataAnnotations;
using CampusKonseling.Audit;
using CampusKonseling.Identity.Confidential;
using CampusKonseling.Identity.Data;
using CampusKonseling.Identity.Security;
using CampusKonseling.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Identity.Pages.Admin.Roles;

/// <summary>
/// Creates a role (id "baru") or edits its description and permissions. Permissions that open
/// counseling content can be taken away here but not given (ADR 0010): the host administrator grants them.
/// </summary>
[RequirePermission(Permissions.ManageRoles)]
public sealed class EditModel(IdentityDb db, RoleManager<CampusRole> roles, PermissionService permissions, ConfidentialGrants confidential, IStringLocalizer<S> T) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Nama peran wajib diisi."), StringLength(100, ErrorMessage = "Nama peran paling panjang 100 karakter.")]
    public string RoleName { get; set; } = "";
    [BindProperty, StringLength(500, ErrorMessage = "Keterangan paling panjang 500 karakter.")]
    public string? Description { get; set; }
    [BindProperty] public List<string> Granted { get; set; } = [];
    [TempData] public string? Message { get; set; }

    public IReadOnlyList<Permission> Available { get; private set; } = [];
    /// <summary>What the role holds in the database; an explicit permission is editable only when held (to revoke it).</summary>
    public IReadOnlyList<string> Held { get; private set; } = [];
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
        Held = Granted;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id)
    {
        Available = permissions.EnabledPermissions();
        var role = IsNew ? new CampusRole() : await roles.FindByIdAsync(id);
        if (role is null) return NotFound();
        var before = IsNew ? [] : await RolePermissions.GetAsync(db, role.Id);
        Held = before;
        if (!ModelState.IsValid) return Page();
        if (role.Name == StandardRoles.Administrator)
        {
            ModelState.AddModelError("", T["Peran Administrator bawaan platform dan selalu memiliki semua izin."]);
            return Page();
        }
        if (Granted.Any(p => confidential.Names.Contains(p) && !before.Contains(p)))
        {
            ModelState.AddModelError("", T["Izin yang membuka catatan konseling hanya dapat diberikan oleh administrator host atas surat permintaan kampus. Peran tidak disimpan."]);
            return Page();
        }

        var oldName = role.Name;
        var oldDescription = role.Description;
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
        await AuditAsync(role, oldName, oldDescription, before, await RolePermissions.GetAsync(db, role.Id));
        Message = T["Peran {0} disimpan.", role.Name!];
        return Redirect(Url.Content($"~/admin/peran/{role.Id}"));
    }

    private Task AuditAsync(CampusRole role, string? oldName, string? oldDescription, List<string> before, List<string> after)
    {
        var changes = new List<string>();
        if (IsNew) changes.Add($"Peran dibuat: {role.Name}");
        else
        {
            changes.Add(oldName == role.Name ? $"Peran diubah: {role.Name}" : $"Peran diubah: {oldName} → {role.Name}");
            if (oldDescription != role.Description) changes.Add("keterangan diubah");
        }
        if (IsNew || !before.ToHashSet().SetEquals(after)) changes.Add($"izin: {AdminAudit.List(before)} → {AdminAudit.List(after)}");
        if (!IsNew && changes.Count == 1) return Task.CompletedTask;
        return AdminAudit.RecordAsync(HttpContext, IsNew ? AuditKinds.Buat : AuditKinds.Ubah, AdminAudit.Peran, role.Id, string.Join("; ", changes));
    }
}
