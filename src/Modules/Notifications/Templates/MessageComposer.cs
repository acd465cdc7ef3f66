using CampusKonseling.Notifications.Data;
using CampusKonseling.Site;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Notifications.Templates;

/// <summary>Fills a message from the campus's own wording in the reader's language, else from the module's default.</summary>
public sealed class MessageComposer(NotificationsDb db, IEnumerable<IMessageTemplateProvider> providers, ISiteSettings site) : IMessageComposer
{
    public IReadOnlyList<MessageTemplate> All() => providers.SelectMany(p => p.GetTemplates()).OrderBy(t => t.Kode).ToList();

    public MessageTemplate? Find(string kode) => providers.SelectMany(p => p.GetTemplates()).FirstOrDefault(t => t.Kode == kode);

    public async Task<ComposedMessage> ComposeAsync(string kode, IReadOnlyDictionary<string, string> values, CancellationToken ct = default, System.Globalization.CultureInfo? culture = null)
    {
        var template = Find(kode) ?? throw new InvalidOperationException($"No message template '{kode}'.");
        var bahasa = TemplateText.English(culture) ? "en" : "id";
        var own = await db.Templates.AsNoTracking().FirstOrDefaultAsync(t => t.Kode == kode && t.Bahasa == bahasa, ct);
        var campus = await site.GetAsync(ct);
        var all = new Dictionary<string, string>(values) { ["kampus"] = campus.CampusName, ["unit"] = campus.UnitName ?? campus.CampusName };
        var judul = own?.Judul ?? (bahasa == "en" ? template.Judul.En : template.Judul.Id);
        var isi = own?.Isi ?? (bahasa == "en" ? template.Isi.En : template.Isi.Id);
        return new ComposedMessage(TemplateText.Render(judul, all), TemplateText.Render(isi, all));
    }
}
