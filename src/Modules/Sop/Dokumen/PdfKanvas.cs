using CampusKonseling.Documents;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace CampusKonseling.Sop.Dokumen;

/// <summary>The pages of an SOP PDF (A4 landscape, DejaVu Sans) and the text work on them: wrapping, clipping, cells.</summary>
internal sealed class PdfKanvas : IDisposable
{
    public const double PageW = 842, PageH = 595, Left = 28, Right = PageW - 28, Top = 28, Bottom = PageH - 34, Width = Right - Left;
    public readonly PdfDocument Doc = new();
    public readonly XFont Body, Bold, Small, SmallBold, Tiny, TinyBold, Title, Subtitle;
    public readonly XPen Grid = new(XColors.Black, 0.6), Line = new(XColors.Black, 0.8);
    public static readonly XBrush Shade = new XSolidBrush(XColor.FromArgb(231, 230, 230));
    public XGraphics G { get; private set; } = null!;
    public int Page => Doc.PageCount - 1;

    public PdfKanvas(string judul, string? unit, IEnumerable<string?> texts)
    {
        PdfSetup.Ensure();
        var options = new XPdfFontOptions(FitsWinAnsi(texts) ? PdfFontEncoding.WinAnsi : PdfFontEncoding.Unicode);
        XFont F(double size, bool bold) => new(PdfFonts.Laporan, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, options);
        (Body, Bold, Small, SmallBold, Tiny, TinyBold, Title, Subtitle) = (F(7, false), F(7, true), F(6.3, false), F(6.3, true), F(5.6, false), F(5.4, true), F(13, true), F(9.5, true));
        Doc.Info.Title = judul;
        Doc.Info.Author = unit ?? "";
        Doc.Info.Creator = "CampusKonseling";
    }

    public void NewPage()
    {
        G?.Dispose();
        var page = Doc.AddPage();
        page.Width = XUnit.FromPoint(PageW);
        page.Height = XUnit.FromPoint(PageH);
        G = XGraphics.FromPdfPage(page);
    }

    public static double LineHeight(XFont font) => font.Size * 1.25;

    /// <summary>Text wrapped to the width at spaces (and after "/"); a word wider than the width is broken.</summary>
    public List<string> Wrap(string text, XFont font, double width)
    {
        var lines = new List<string>();
        foreach (var para in text.Split('\n'))
        {
            var line = "";
            foreach (var raw in para.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var word = raw;
                var next = line.Length == 0 ? word : line + " " + word;
                if (Fits(next, font, width)) { line = next; continue; }
                if (line.Length > 0) lines.Add(line);
                while (!Fits(word, font, width) && word.Length > 1)
                {
                    var cut = word.Length - 1;
                    while (cut > 1 && !Fits(word[..cut], font, width)) cut--;
                    var slash = word.LastIndexOf('/', cut - 1);
                    if (slash > 0) cut = slash + 1;
                    lines.Add(word[..cut]);
                    word = word[cut..];
                }
                line = word;
            }
            lines.Add(line);
        }
        return lines;
    }

    public bool Fits(string s, XFont font, double width) => G.MeasureString(s, font).Width <= width;

    public string Clip(string s, XFont font, double width)
    {
        if (Fits(s, font, width)) return s;
        while (s.Length > 1 && !Fits(s + "…", font, width)) s = s[..^1];
        return s.TrimEnd() + "…";
    }

    /// <summary>Lines from the top of a box, left or centred; returns the height used.</summary>
    public double Lines(IEnumerable<string> lines, XFont font, double x, double y, double width, bool center = false)
    {
        var h = LineHeight(font);
        var top = y;
        foreach (var line in lines)
        {
            var dx = center ? Math.Max(0, (width - G.MeasureString(line, font).Width) / 2) : 0;
            if (line.Length > 0) G.DrawString(line, font, XBrushes.Black, x + dx, y + font.Size);
            y += h;
        }
        return y - top;
    }

    public byte[] Save(Action<XGraphics, int, int> footer)
    {
        G.Dispose();
        for (var i = 0; i < Doc.PageCount; i++)
        {
            using var g = XGraphics.FromPdfPage(Doc.Pages[i], XGraphicsPdfPageOptions.Append);
            footer(g, i + 1, Doc.PageCount);
        }
        using var stream = new MemoryStream();
        Doc.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    public void Dispose() => Doc.Dispose();

    private const string Cp1252Extras = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ";

    /// <summary>All text fits Windows-1252: written as plain PDF strings (searchable), else as Unicode glyphs.</summary>
    private static bool FitsWinAnsi(IEnumerable<string?> texts) =>
        texts.All(t => t is null || t.All(c => c < 128 || (c >= 160 && c <= 255) || Cp1252Extras.Contains(c)));
}
