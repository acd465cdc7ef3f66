using CampusKonseling.Security;

namespace CampusKonseling.Identity;

public sealed class Permissions : IPermissionProvider
{
    public const string ManageUsers = "ManageUsers";
    public const string ManageRoles = "ManageRoles";
    public const string ManageApiKeys = "ManageApiKeys";

    public IEnumerable<Permission> GetPermissions() =>
    [
        new(ManageUsers, new("Kelola pengguna", "Manage users"), "Pengguna"),
        new(ManageRoles, new("Kelola peran dan izin", "Manage roles and permissions"), "Pengguna"),
        new(ManageApiKeys, new("Kelola kunci API untuk sistem kampus", "Manage API keys for campus systems"), "Pengguna"),
    ];
}
