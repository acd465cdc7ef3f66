using PdfSharp;
using PdfSharp.Fonts;

namespace CampusKonseling.Reports.Export;

/// <summary>
/// PDFsharp's font resolver and licence are process-wide. Reports install the same kind of resolver as Letters
/// (the machine's DejaVu fonts, whatever family is asked for) only when none is installed yet, and choose the
/// licence only when none is chosen yet (docs/decisions/0007-pdfsharp-licence.md).
/// </summary>
public sealed class ReportFonts : IFontResolver
{
    private static readonly object Gate = new();
    private static bool _licensed;

    public static void Ensure(string? licenseKey)
    {
        lock (Gate)
        {
            if (!_licensed)
            {
                // Choosing the same licence Letters chose (same key setting) is harmless if it already did.
                if (string.IsNullOrWhiteSpace(licenseKey)) PdfSharpLicense.SetAgplLicense();
                else PdfSharpLicense.LoadLicense(licenseKey);
                _licensed = true;
            }
            GlobalFontSettings.FontResolver ??= new ReportFonts();
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic)
    {
        var regular = Find("DejaVuSans.ttf") ?? Find("DejaVuSerif.ttf")
            ?? throw new InvalidOperationException("No font for reports: install Debian's fonts-dejavu-core.");
        var boldFile = bold ? Find(Path.GetFileName(regular).Replace(".ttf", "-Bold.ttf")) : null;
        return bold && boldFile is null ? new FontResolverInfo(regular, mustSimulateBold: true, mustSimulateItalic: false) : new FontResolverInfo(boldFile ?? regular);
    }

    public byte[]? GetFont(string faceName) => File.ReadAllBytes(faceName);

    private static string? Find(string file) =>
        new[] { "/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu", "/usr/share/fonts/TTF" }.Select(f => Path.Combine(f, file)).FirstOrDefault(File.Exists)
        ?? (Directory.Exists("/usr/share/fonts") ? Directory.EnumerateFiles("/usr/share/fonts", file, SearchOption.AllDirectories).FirstOrDefault() : null);
}
