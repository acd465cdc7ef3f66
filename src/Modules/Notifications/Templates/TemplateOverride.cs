namespace CampusKonseling.Notifications.Templates;

/// <summary>A campus's own wording of one message in one language ("id" or "en").</summary>
public sealed class TemplateOverride
{
    public long Id { get; set; }
    public required string Kode { get; set; }
    public required string Bahasa { get; set; }
    public required string Judul { get; set; }
    public required string Isi { get; set; }
    public DateTimeOffset DiubahPada { get; set; }
    public required string DiubahOleh { get; set; }
}
