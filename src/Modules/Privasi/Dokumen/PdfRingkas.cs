using CampusKonseling.Documents;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace CampusKonseling.Privasi.Dokumen;

/// <summary>
/// A plain A4 document of labelled values in sections, as the DPO's papers are read and filed: the campus, a title, then
/// rows of label and value (values wrapped), sections with a heading, a page break wherever the next line does not fit.
/// The copy for a data subject and the record of processing are written with it.
/// </summary>
public sealed class PdfRingkas : IDisposable
{
    private const double Left = 50, Right = 545, Top = 50, Bottom = 790, LabelWidth = 150;
    private readonly PdfDocument _doc = new();
    private readonly XFont _title, _head, _body, _bold;
    private XGraphics? _gfx;
    private double _y;

    public PdfRingkas(string kampus, string judul)
    {
        PdfSetup.Ensure();
        _doc.Info.Title = judul;
        _doc.Info.Author = kampus;
        _doc.Info.Creator = "CampusKonseling";
        var options = new XPdfFontOptions(PdfFontEncoding.Unicode);
        XFont F(double size, bool bold) => new(PdfFonts.Laporan, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, options);
        (_title, _head, _body, _bold) = (F(14, true), F(11, true), F(9, false), F(9, true));
        Page();
        Text(kampus, _head, Left, Right - Left);
        Text(judul.ToUpperInvariant(), _title, Left, Right - Left);
        _y += 4;
    }

    public void Baris(string label, string? value)
    {
        var start = _y;
        Text(label, _bold, Left, LabelWidth - 8);
        var after = _y;
        var page = _doc.PageCount;
        _y = start;
        Text(string.IsNullOrWhiteSpace(value) ? "-" : value, _body, Left + LabelWidth, Right - Left - LabelWidth);
        if (_doc.PageCount == page) _y = Math.Max(_y, after);
    }

    public void Bagian(string judul)
    {
        _y += 10;
        Need(40);
        Text(judul, _head, Left, Right - Left);
    }

    /// <summary>A thin rule before the next record of a section.</summary>
    public void Garis()
    {
        _y += 4;
        Need(20);
        _gfx!.DrawLine(XPens.LightGray, Left, _y, Right, _y);
        _y += 3;
    }

    public byte[] Save()
    {
        _gfx?.Dispose();
        _gfx = null;
        using var stream = new MemoryStream();
        _doc.Save(stream, false);
        return stream.ToArray();
    }

    public void Dispose()
    {
        _gfx?.Dispose();
        _doc.Dispose();
    }

    private void Page()
    {
        _gfx?.Dispose();
        var page = _doc.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        _gfx = XGraphics.FromPdfPage(page);
        _y = Top;
    }

    private void Need(double h)
    {
        if (_y + h > Bottom) Page();
    }

    private void Text(string text, XFont font, double x, double width)
    {
        foreach (var line in Wrap(_gfx!, text, font, width))
        {
            Need(font.Size + 4);
            _gfx!.DrawString(line, font, XBrushes.Black, new XPoint(x, _y + font.Size));
            _y += font.Size + 4;
        }
    }

    private static IEnumerable<string> Wrap(XGraphics gfx, string text, XFont font, double width)
    {
        foreach (var paragraph in text.Replace("\r", "").Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var next = line.Length == 0 ? word : line + " " + word;
                if (line.Length > 0 && gfx.MeasureString(next, font).Width > width)
                {
                    yield return line;
                    line = word;
                }
                else line = next;
                // A word longer than the column (an address, a code) is cut where it reaches the edge.
                while (gfx.MeasureString(line, font).Width > width && line.Length > 1)
                {
                    var cut = line.Length - 1;
                    while (cut > 1 && gfx.MeasureString(line[..cut], font).Width > width) cut--;
                    yield return line[..cut];
                    line = line[cut..];
                }
            }
            yield return line;
        }
    }
}
