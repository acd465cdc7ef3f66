using CampusKonseling.Identity.Data;
using CampusKonseling.Security;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Identity.Pages.Admin.Roles;

[RequirePermission(Permissions.ManageRoles)]
public sealed class IndexModel(IdentityDb db) : PageModel
{
    public sealed record Row(string Id, string Name, string? Description, int Users, int Permissions);

    public IReadOnlyList<Row> Roles { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Roles = await db.Roles.AsNoTracking().OrderBy(r => r.Name)
            .Select(r => new Row(r.Id, r.Name!, r.Description,
                db.UserRoles.Count(ur => ur.RoleId == r.Id),
                db.RoleClaims.Count(c => c.RoleId == r.Id && c.ClaimType == IdentityDb.PermissionClaim)))
            .ToListAsync(ct);
}
