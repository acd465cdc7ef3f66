namespace CampusKonseling.Documents;

/// <summary>
/// The kinds of file a form may accept, recognised by their first bytes rather than their name,
/// so a renamed program is not stored as a "PDF".
/// </summary>
public static class FileKinds
{
    public sealed record Kind(string Mime, byte[] Magic);

    public static readonly IReadOnlyDictionary<string, Kind> Known = new Dictionary<string, Kind>
    {
        ["pdf"] = new("application/pdf", "%PDF-"u8.ToArray()),
        ["png"] = new("image/png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        ["jpg"] = new("image/jpeg", [0xFF, 0xD8, 0xFF]),
    };

    /// <summary>The accepted kind the content really is, or null.</summary>
    public static string? Sniff(byte[] head, IEnumerable<string> accepted) =>
        accepted.FirstOrDefault(k => Known.TryGetValue(k, out var kind) && head.AsSpan().StartsWith(kind.Magic));
}
