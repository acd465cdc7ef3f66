using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace CampusKonseling.Documents;

/// <summary>
/// PDFsharp's font resolver is process-wide, and every module that draws PDFs (letters, reports) shares it: so it
/// is set once, here. PDFsharp is pinned at 6.2.4, the last MIT release; 6.5.0 names the AGPL and wants a licence
/// call at start (docs/decisions/0007-pdfsharp-licence.md), which this project does not make.
/// </summary>
public static class PdfSetup
{
    private static readonly object Gate = new();

    public static void Ensure()
    {
        lock (Gate) GlobalFontSettings.FontResolver ??= new PdfFonts();
    }
}

/// <summary>
/// PDFsharp finds no fonts by itself on Linux: documents use the machine's DejaVu fonts from Debian's
/// fonts-dejavu-core. Letters (<see cref="Surat"/>) are set in DejaVu Serif, reports (<see cref="Laporan"/>) in
/// DejaVu Sans, each falling back to the other when it is missing; bold is simulated without a bold file.
/// </summary>
public sealed class PdfFonts : IFontResolver
{
    public const string Surat = "Surat", Laporan = "Laporan";
    private static readonly string[] Folders =
        ["/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu", "/usr/share/fonts/TTF", "/usr/local/share/fonts", "/usr/share/fonts"];
    private readonly ConcurrentDictionary<string, byte[]> _files = new();

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic)
    {
        var (first, second) = familyName == Laporan ? ("DejaVuSans.ttf", "DejaVuSerif.ttf") : ("DejaVuSerif.ttf", "DejaVuSans.ttf");
        var regular = Find(first) ?? Find(second)
            ?? throw new InvalidOperationException("No font for PDF documents: install Debian's fonts-dejavu-core (DejaVuSerif.ttf / DejaVuSans.ttf).");
        if (!bold) return new FontResolverInfo(regular);
        var boldFile = Find(Path.GetFileName(regular).Replace(".ttf", "-Bold.ttf"));
        return boldFile is null ? new FontResolverInfo(regular, mustSimulateBold: true, mustSimulateItalic: false) : new FontResolverInfo(boldFile);
    }

    public byte[]? GetFont(string faceName) => _files.GetOrAdd(faceName, File.ReadAllBytes);

    private static string? Find(string file) =>
        Folders.Select(f => Path.Combine(f, file)).FirstOrDefault(File.Exists)
        ?? (Directory.Exists("/usr/share/fonts") ? Directory.EnumerateFiles("/usr/share/fonts", file, SearchOption.AllDirectories).FirstOrDefault() : null);
}
