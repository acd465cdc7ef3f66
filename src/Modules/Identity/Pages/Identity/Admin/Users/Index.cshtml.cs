using CampusKonseling.Identity.Data;
using CampusKonseling.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Identity.Pages.Admin.Users;

[RequirePermission(Permissions.ManageUsers)]
public sealed class IndexModel(IdentityDb db) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public string? Cari { get; set; }
    [BindProperty(SupportsGet = true, Name = "halaman")] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<Row> Users { get; private set; } = [];
    public int Total { get; private set; }

    public sealed record Row(string Id, string FullName, string Email, string Roles, bool LockedOut);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Cari))
        {
            var term = $"%{Cari.Trim()}%";
            query = query.Where(u => EF.Functions.ILike(u.FullName, term) || EF.Functions.ILike(u.Email!, term));
        }
        Total = await query.CountAsync(ct);
        PageNumber = Math.Max(1, PageNumber);
        var now = DateTimeOffset.UtcNow;
        Users = await query.OrderBy(u => u.FullName).ThenBy(u => u.Email)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(u => new Row(u.Id, u.FullName, u.Email!,
                string.Join(", ", db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name)),
                u.LockoutEnd != null && u.LockoutEnd > now))
            .ToListAsync(ct);
    }
}
