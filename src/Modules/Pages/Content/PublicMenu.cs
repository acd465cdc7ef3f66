using CampusKonseling.Modules;
using CampusKonseling.Navigation;
using CampusKonseling.Pages.Data;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Pages.Content;

public sealed class PublicMenu(PagesDb db) : IPublicMenuProvider
{
    public async Task<IEnumerable<MenuItem>> GetItemsAsync(CancellationToken ct) =>
        (await db.Pages.AsNoTracking().Where(p => p.ShowInMenu).OrderBy(p => p.Order).ThenBy(p => p.Title)
            .Select(p => new { p.Slug, p.Title, p.Order }).ToListAsync(ct))
        .Select(p => new MenuItem(new LocalizedText(p.Title, p.Title), $"halaman/{p.Slug}", null, p.Order));
}
