using CampusKonseling.Navigation;
using CampusKonseling.Site;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CampusKonseling.Site.Pages;

public sealed class IndexModel(ISiteSettings settings, MenuService menus) : PageModel
{
    public CampusSettings Settings { get; private set; } = new();
    public IReadOnlyList<MenuItem> Links { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Settings = await settings.GetAsync(ct);
        Links = await menus.PublicMenuAsync(ct);
    }
}
