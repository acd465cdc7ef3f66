using CampusKonseling.Documents;
using CampusKonseling.Reports.Tables;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace CampusKonseling.Reports.Export;

/// <summary>An A4 report: letterhead with double rule, title, notes, figure boxes and tables that break across pages (header repeated).</summary>
public sealed class PdfReportDocument : IDisposable
{
    private const double Left = 50, Right = 595 - 45, Top = 45, Bottom = 842 - 55, Width = Right - Left;
    private readonly PdfDocument _doc = new();
    private readonly XFont _body, _bold, _small, _smallBold, _kampus, _unit, _title;
    private readonly KopSuratKampus _kop;
    private XGraphics _gfx = null!;
    private double _y;

    /// <param name="winAnsi">All text fits Windows-1252: written as plain PDF strings (smaller, and searchable), else as Unicode glyphs.</param>
    public PdfReportDocument(KopSuratKampus kop, string judul, bool winAnsi)
    {
        var options = new XPdfFontOptions(winAnsi ? PdfFontEncoding.WinAnsi : PdfFontEncoding.Unicode);
        XFont F(double size, bool bold) => new(PdfFonts.Laporan, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, options);
        (_body, _bold, _small, _smallBold, _kampus, _unit, _title) = (F(9.5, false), F(9.5, true), F(8, false), F(8, true), F(14, true), F(12, true), F(12, true));
        _kop = kop;
        _doc.Info.Title = judul;
        _doc.Info.Author = kop.Kampus;
        _doc.Info.Creator = "CampusKonseling";
        NewPage();
        Kop();
    }

    private void NewPage()
    {
        _gfx?.Dispose();
        var page = _doc.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        _gfx = XGraphics.FromPdfPage(page);
        _y = Top;
    }

    private bool Fits(double h)
    {
        if (_y + h <= Bottom) return true;
        NewPage();
        return false;
    }

    private void Kop()
    {
        if (_kop.Instansi is { Length: > 0 } instansi) Centered(instansi.ToUpperInvariant(), _smallBold, 11);
        Centered(_kop.Kampus.ToUpperInvariant(), _kampus, 18);
        if (_kop.Unit is { Length: > 0 } unit) Centered(unit, _unit, 15);
        if (_kop.Alamat is { Length: > 0 } alamat) Centered(alamat, _small, 10);
        if (_kop.Kontak is { Length: > 0 } kontak) Centered(kontak, _small, 10);
        _y += 4;
        _gfx.DrawLine(new XPen(XColors.Black, 2), Left, _y, Right, _y);
        _gfx.DrawLine(new XPen(XColors.Black, 0.6), Left, _y + 3, Right, _y + 3);
        _y += 16;
    }

    private void Centered(string text, XFont font, double height)
    {
        Fits(height);
        var w = _gfx.MeasureString(text, font).Width;
        _gfx.DrawString(Clip(text, font, Width), font, XBrushes.Black, Left + Math.Max(0, (Width - w) / 2), _y + font.Size);
        _y += height;
    }

    public void Title(string judul, string periode)
    {
        Centered(judul, _title, 16);
        Centered(periode, _body, 16);
        _y += 6;
    }

    public void Note(string text)
    {
        foreach (var line in Wrap(text, _small, Width)) { Fits(11); _gfx.DrawString(line, _small, XBrushes.Black, Left, _y + 8); _y += 11; }
        _y += 4;
    }

    public void Figures(IReadOnlyList<(string Label, string Value)> figures)
    {
        if (figures.Count == 0) return;
        var w = Width / figures.Count;
        Fits(40);
        for (var i = 0; i < figures.Count; i++)
        {
            var x = Left + i * w;
            _gfx.DrawRectangle(new XPen(XColors.Gray, 0.5), x + 2, _y, w - 4, 36);
            _gfx.DrawString(figures[i].Value, _title, XBrushes.Black, x + 6, _y + 16);
            var lines = Wrap(figures[i].Label, _small, w - 10).Take(2).ToList();
            for (var l = 0; l < lines.Count; l++) _gfx.DrawString(lines[l], _small, XBrushes.Black, x + 6, _y + 26 + l * 8);
        }
        _y += 48;
    }

    public void Table(Tabel t)
    {
        var widths = Widths(t);
        Fits(16 + 12 * 3); // the title stays with its header and first rows
        _gfx.DrawString(t.Judul, _bold, XBrushes.Black, Left, _y + 10);
        _y += 16;
        Header(t, widths);
        foreach (var row in t.Baris) Row(t, row, widths, false);
        if (t.Total is { } total) Row(t, total, widths, true);
        if (t.Baris.Count == 0) { Fits(12); _gfx.DrawString("–", _small, XBrushes.Black, Left + 3, _y + 9); _y += 12; }
        if (t.Keterangan is { } note) { _y += 2; Note(note); }
        _y += 10;
    }

    private double[] Widths(Tabel t)
    {
        var n = t.Kolom.Count;
        var first = n <= 3 ? Width * 0.5 : n <= 5 ? Width * 0.34 : Width * 0.2;
        return t.Kolom.Select((k, i) => i == 0 ? first : (Width - first) / (n - 1)).ToArray();
    }

    private void Header(Tabel t, double[] widths)
    {
        var lines = t.Kolom.Select((k, i) => Wrap(k.Judul, _smallBold, widths[i] - 4).Take(3).ToList()).ToList();
        var h = 4 + 9 * lines.Max(l => l.Count);
        Fits(h);
        _gfx.DrawRectangle(XBrushes.Gainsboro, Left, _y, Width, h);
        var x = Left;
        for (var i = 0; i < lines.Count; i++)
        {
            for (var l = 0; l < lines[i].Count; l++) _gfx.DrawString(lines[i][l], _smallBold, XBrushes.Black, x + 2, _y + 9 + l * 9);
            x += widths[i];
        }
        _y += h;
    }

    private void Row(Tabel t, Baris row, double[] widths, bool total)
    {
        if (!Fits(12)) Header(t, widths);
        var font = total ? _smallBold : _small;
        var x = Left;
        for (var i = 0; i < row.Sel.Count; i++)
        {
            var text = Clip(row.Sel[i].Teks, font, widths[i] - 4);
            var right = t.Kolom[i].Jenis != JenisKolom.Teks;
            var w = _gfx.MeasureString(text, font).Width;
            _gfx.DrawString(text, font, XBrushes.Black, right ? x + widths[i] - 3 - w : x + 2, _y + 9);
            x += widths[i];
        }
        _y += 12;
        _gfx.DrawLine(new XPen(XColors.LightGray, 0.4), Left, _y, Right, _y);
    }

    public void Signature(string placeDate, string jabatan, string unit)
    {
        Fits(90);
        _y += 16;
        var x = Left + Width * 0.6;
        _gfx.DrawString(placeDate, _body, XBrushes.Black, x, _y + 10);
        _gfx.DrawString(jabatan + " " + unit, _body, XBrushes.Black, x, _y + 24);
        _gfx.DrawLine(new XPen(XColors.Black, 0.5), x, _y + 78, Right, _y + 78);
        _y += 90;
    }

    private string Clip(string s, XFont font, double width)
    {
        if (_gfx.MeasureString(s, font).Width <= width) return s;
        while (s.Length > 1 && _gfx.MeasureString(s + "…", font).Width > width) s = s[..^1];
        return s + "…";
    }

    private IEnumerable<string> Wrap(string text, XFont font, double width)
    {
        var line = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var next = line.Length == 0 ? word : line + " " + word;
            if (line.Length > 0 && _gfx.MeasureString(next, font).Width > width) { yield return line; line = word; }
            else line = next;
        }
        if (line.Length > 0) yield return line;
    }

    /// <param name="pageOf">"Halaman {0} dari {1}".</param>
    public byte[] Save(string pageOf)
    {
        _gfx.Dispose();
        for (var i = 0; i < _doc.PageCount; i++)
        {
            using var g = XGraphics.FromPdfPage(_doc.Pages[i], XGraphicsPdfPageOptions.Append);
            var text = string.Format(pageOf, i + 1, _doc.PageCount);
            g.DrawString(text, _small, XBrushes.Gray, Right - g.MeasureString(text, _small).Width, 842 - 30);
        }
        using var stream = new MemoryStream();
        _doc.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    public void Dispose() => _doc.Dispose();

    private const string Cp1252Extras = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ";

    public static bool FitsWinAnsi(IEnumerable<string?> texts) =>
        texts.All(t => t is null || t.All(c => c < 128 || (c >= 160 && c <= 255) || Cp1252Extras.Contains(c)));
}
