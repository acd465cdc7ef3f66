using CampusKonseling.Notifications.Data;
using CampusKonseling.Notifications.Templates;
using CampusKonseling.Security;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Notifications.Pages.Notifications.Admin;

/// <summary>Every message the campus sends, with whether it uses its own wording in each language.</summary>
[RequirePermission(CampusKonseling.Notifications.Permissions.ManageNotifications)]
public sealed class TemplatesModel(MessageComposer composer, NotificationsDb db) : PageModel
{
    public IReadOnlyList<MessageTemplate> Items { get; private set; } = [];
    public IReadOnlySet<(string Kode, string Bahasa)> Own { get; private set; } = new HashSet<(string, string)>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Items = composer.All();
        Own = (await db.Templates.AsNoTracking().Select(t => new { t.Kode, t.Bahasa }).ToListAsync(ct)).Select(t => (t.Kode, t.Bahasa)).ToHashSet();
    }
}
