using CampusKonseling.Security;
using CampusKonseling.Shell;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Tenants.Pages;

/// <summary>Deleting a campus drops its database; the administrator must type the campus name to confirm.</summary>
[RequirePermission(Permissions.ManageTenants)]
public sealed class DeleteModel(ITenantRegistry registry, ITenantManager tenants, IStringLocalizer<S> T) : PageModel
{
    public TenantInfo Tenant { get; private set; } = null!;
    [BindProperty] public string? Confirmation { get; set; }
    [TempData] public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(string name, CancellationToken ct)
    {
        var tenant = await registry.FindAsync(name, ct);
        if (tenant is null || tenant.IsDefault) return NotFound();
        Tenant = tenant;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string name, CancellationToken ct)
    {
        var tenant = await registry.FindAsync(name, ct);
        if (tenant is null || tenant.IsDefault) return NotFound();
        Tenant = tenant;
        if (!string.Equals(Confirmation?.Trim(), tenant.Name, StringComparison.Ordinal))
        {
            ModelState.AddModelError(nameof(Confirmation), T["Ketik '{0}' persis untuk mengonfirmasi.", tenant.Name]);
            return Page();
        }
        await tenants.DeleteAsync(tenant.Name, ct);
        Message = T["Kampus {0} dan basis datanya telah dihapus.", tenant.DisplayName];
        return Redirect(Url.Content("~/admin/kampus"));
    }
}
