using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace CampusKonseling.Letters.Rendering;

/// <summary>
/// PDFsharp finds no fonts by itself on Linux: letters use the machine's DejaVu Serif (Sans when
/// Serif is missing) from Debian's fonts-dejavu-core, whatever family a caller asks for.
/// </summary>
public sealed class SystemFonts : IFontResolver
{
    public const string Family = "Surat";
    private static readonly string[] Folders =
        ["/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu", "/usr/share/fonts/TTF", "/usr/local/share/fonts", "/usr/share/fonts"];
    private static readonly object Gate = new();
    private readonly ConcurrentDictionary<string, byte[]> _files = new();

    public static void Install()
    {
        lock (Gate) GlobalFontSettings.FontResolver ??= new SystemFonts();
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic)
    {
        var regular = Find("DejaVuSerif.ttf") ?? Find("DejaVuSans.ttf")
            ?? throw new InvalidOperationException("No font for letters: install Debian's fonts-dejavu-core (DejaVuSerif.ttf / DejaVuSans.ttf).");
        if (!bold) return new FontResolverInfo(regular);
        var boldFile = Find(Path.GetFileName(regular).Replace(".ttf", "-Bold.ttf"));
        return boldFile is null ? new FontResolverInfo(regular, mustSimulateBold: true, mustSimulateItalic: false) : new FontResolverInfo(boldFile);
    }

    public byte[]? GetFont(string faceName) => _files.GetOrAdd(faceName, File.ReadAllBytes);

    private static string? Find(string file) =>
        Folders.Select(f => Path.Combine(f, file)).FirstOrDefault(File.Exists)
        ?? (Directory.Exists("/usr/share/fonts") ? Directory.EnumerateFiles("/usr/share/fonts", file, SearchOption.AllDirectories).FirstOrDefault() : null);
}
