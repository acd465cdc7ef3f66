using System.Security.Claims;
using CampusKonseling.Modules;
using CampusKonseling.Security;

namespace CampusKonseling.Navigation;

/// <summary>Builds menus from the enabled features only, showing what the user may open.</summary>
public sealed class MenuService(ShellFeatureServices features, IPermissionService permissions)
{
    public async Task<IReadOnlyList<MenuItem>> AdminMenuAsync(ClaimsPrincipal user)
    {
        var visible = new List<MenuItem>();
        foreach (var item in features.Get<IAdminMenuProvider>(FeatureServiceKind.AdminMenu).SelectMany(p => p.GetItems()))
        {
            if (item.Permission is null || await permissions.HasPermissionAsync(user, item.Permission))
                visible.Add(item);
        }
        return visible.OrderBy(i => i.Order).ThenBy(i => i.Text.ForCurrentCulture()).ToList();
    }

    public async Task<IReadOnlyList<MenuItem>> PublicMenuAsync(CancellationToken ct)
    {
        var items = new List<MenuItem>();
        foreach (var provider in features.Get<IPublicMenuProvider>(FeatureServiceKind.PublicMenu))
            items.AddRange(await provider.GetItemsAsync(ct));
        return items.OrderBy(i => i.Order).ToList();
    }
}
