using CampusKonseling.Modules;

namespace CampusKonseling.Security;

/// <summary>
/// A named right a module declares; roles are granted permissions. An <paramref name="Explicit"/>
/// permission (reading counseling notes) is held only by roles granted it by name, never implied by
/// the Administrator role: running the system must not mean reading clients' counseling records.
/// </summary>
public sealed record Permission(string Name, LocalizedText DisplayName, string Category, bool Explicit = false);

public interface IPermissionProvider
{
    IEnumerable<Permission> GetPermissions();
}
