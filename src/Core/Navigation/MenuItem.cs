using CampusKonseling.Modules;

namespace CampusKonseling.Navigation;

/// <summary>An entry of the admin or public menu. Url is relative to the tenant ("admin/pengguna").</summary>
public sealed record MenuItem(LocalizedText Text, string Url, string? Permission = null, int Order = 100);

public interface IAdminMenuProvider
{
    IEnumerable<MenuItem> GetItems();
}

public interface IPublicMenuProvider
{
    Task<IEnumerable<MenuItem>> GetItemsAsync(CancellationToken ct);
}
