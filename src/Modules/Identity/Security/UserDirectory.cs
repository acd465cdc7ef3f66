using CampusKonseling.Users;
using CampusKonseling.Identity.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Identity.Security;

public sealed class UserDirectory(UserManager<CampusUser> users, RoleManager<CampusRole> roles, IdentityDb db) : IUserDirectory, IUserLanguage
{
    public async Task SetAsync(string userId, string culture, CancellationToken ct = default) =>
        await db.Users.Where(u => u.Id == userId && u.Bahasa != culture).ExecuteUpdateAsync(u => u.SetProperty(x => x.Bahasa, culture), ct);

    public async Task<IReadOnlyList<UserRef>> UsersInRoleAsync(string role, CancellationToken ct = default) =>
        (await users.GetUsersInRoleAsync(role)).Select(u => new UserRef(u.Id, u.FullName, u.Email, u.PhoneNumber, u.Bahasa)).ToList();

    public async Task<IReadOnlyList<UserRef>> UsersAsync(IReadOnlyCollection<string> userIds, CancellationToken ct = default) =>
        await users.Users.Where(u => userIds.Contains(u.Id)).Select(u => new UserRef(u.Id, u.FullName, u.Email, u.PhoneNumber, u.Bahasa)).ToListAsync(ct);

    public async Task<IReadOnlyList<UserProfile>> ProfilesAsync(IReadOnlyCollection<string> userIds, CancellationToken ct = default) =>
        await users.Users.Where(u => userIds.Contains(u.Id)).Select(u => new UserProfile(u.Id, u.FullName, u.Nip, u.Nidn, u.Jabatan)).ToListAsync(ct);

    public async Task<IReadOnlySet<string>> RolesOfAsync(string userId, CancellationToken ct = default) =>
        await users.FindByIdAsync(userId) is { } user ? (await users.GetRolesAsync(user)).ToHashSet() : new HashSet<string>();

    public Task<bool> RoleExistsAsync(string role, CancellationToken ct = default) => roles.RoleExistsAsync(role);

    public async Task<IReadOnlyList<string>> RoleNamesAsync(CancellationToken ct = default) =>
        await db.Roles.AsNoTracking().Select(r => r.Name!).OrderBy(n => n).ToListAsync(ct);

    public async Task<IReadOnlyList<string>> RolesWithPermissionAsync(string permission, CancellationToken ct = default) =>
        await db.RoleClaims.Where(c => c.ClaimType == IdentityDb.PermissionClaim && c.ClaimValue == permission)
            .Join(db.Roles, c => c.RoleId, r => r.Id, (c, r) => r.Name!).Distinct().OrderBy(n => n).ToListAsync(ct);

    public async Task<UserRef?> FindClientAsync(string? nim, string? email, CancellationToken ct = default)
    {
        var user = string.IsNullOrWhiteSpace(nim) ? null : await users.FindByLoginAsync(StudentSignIn.Provider, nim.Trim());
        if (user is null && !string.IsNullOrWhiteSpace(email)) user = await users.FindByEmailAsync(email.Trim());
        if (user is null) return null;
        foreach (var name in await users.GetRolesAsync(user))
            if (name == CampusKonseling.Security.StandardRoles.Administrator
                || (await roles.FindByNameAsync(name) is { } role && (await RolePermissions.GetAsync(db, role.Id)).Count > 0)) return null;
        return new UserRef(user.Id, user.FullName, user.Email, user.PhoneNumber, user.Bahasa);
    }

    public async Task<IReadOnlyList<UserRef>> UsersWithPermissionAsync(string permission, CancellationToken ct = default)
    {
        var holders = new Dictionary<string, UserRef>();
        foreach (var role in await RolesWithPermissionAsync(permission, ct))
            foreach (var u in await users.GetUsersInRoleAsync(role))
                holders.TryAdd(u.Id, new UserRef(u.Id, u.FullName, u.Email, u.PhoneNumber, u.Bahasa));
        return holders.Values.OrderBy(u => u.Nama).ToList();
    }
}
