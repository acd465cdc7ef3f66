using CampusKonseling.Navigation;

namespace CampusKonseling.Identity;

public sealed class AdminMenu : IAdminMenuProvider
{
    public IEnumerable<MenuItem> GetItems() =>
    [
        new(new("Pengguna", "Users"), "admin/pengguna", Permissions.ManageUsers, 80),
        new(new("Peran", "Roles"), "admin/peran", Permissions.ManageRoles, 81),
        new(new("Kunci API", "API keys"), "admin/kunci-api", Permissions.ManageApiKeys, 82),
    ];
}
