using CampusKonseling.Modules;

namespace CampusKonseling.Security;

/// <summary>A named right a module declares; roles are granted permissions.</summary>
public sealed record Permission(string Name, LocalizedText DisplayName, string Category);

public interface IPermissionProvider
{
    IEnumerable<Permission> GetPermissions();
}
