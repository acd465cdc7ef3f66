using CampusKonseling.Security;

namespace CampusKonseling.Identity;

public sealed class Permissions : IPermissionProvider
{
    public const string ManageUsers = "ManageUsers";
    public const string ManageRoles = "ManageRoles";

    public IEnumerable<Permission> GetPermissions() =>
    [
        new(ManageUsers, new("Kelola pengguna", "Manage users"), "Pengguna"),
        new(ManageRoles, new("Kelola peran dan izin", "Manage roles and permissions"), "Pengguna"),
    ];
}
