using CampusKonseling.Documents;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace CampusKonseling.Letters.Rendering;

/// <summary>The letter on A4: letterhead, double rule, title and number, body with wrapping and page breaks, signature.</summary>
public sealed class PdfLetter : IDisposable
{
    private const double Left = 70, Right = 595 - 60, Top = 45, Bottom = 842 - 60, Width = Right - Left, Line = 16;
    private readonly PdfDocument _doc = new();
    private readonly XFont _body, _bold, _small, _smallBold, _kampus, _unit;
    private PdfPage _page = null!;
    private XGraphics _gfx = null!;
    private double _y;

    private PdfLetter(LetterContent c)
    {
        var options = new XPdfFontOptions(Fits(c) ? PdfFontEncoding.WinAnsi : PdfFontEncoding.Unicode);
        XFont Font(double size, bool bold) => new(PdfFonts.Surat, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, options);
        (_body, _bold, _small, _smallBold, _kampus, _unit) = (Font(11.5, false), Font(11.5, true), Font(8.5, false), Font(11, false), Font(15, true), Font(12.5, true));
        _doc.Info.Title = $"{c.Judul} {c.Nomor}";
        _doc.Info.Subject = c.Nomor;
        _doc.Info.Author = c.Kop.Kampus;
        _doc.Info.Creator = "CampusKonseling";
    }

    /// <summary>Call <see cref="PdfSetup.Ensure"/> first.</summary>
    public static byte[] Render(LetterContent c)
    {
        using var pdf = new PdfLetter(c);
        return pdf.Draw(c);
    }

    private byte[] Draw(LetterContent c)
    {
        NewPage();
        Kop(c.Kop);
        Centered(c.Judul.ToUpperInvariant(), _bold, underline: true);
        Centered("Nomor: " + c.Nomor, _body);
        _y += Line / 2;
        if (c.Perihal is { } perihal) Row([new Run("Perihal")], perihal);
        if (c.Kepada.Count > 0) { _y += Line / 2; Blocks(c.Kepada); }
        _y += Line / 2;
        Blocks(c.Isi);
        Signature(c.Ttd);
        _gfx.Dispose();
        Footers(c);
        using var stream = new MemoryStream();
        _doc.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    private void NewPage()
    {
        _gfx?.Dispose();
        _page = _doc.AddPage();
        _page.Size = PdfSharp.PageSize.A4;
        _gfx = XGraphics.FromPdfPage(_page);
        _y = Top;
    }

    private void Ensure(double height)
    {
        if (_y + height > Bottom) NewPage();
    }

    private void Kop(KopSurat kop)
    {
        if (kop.Instansi is { Length: > 0 } instansi) Centered(instansi.ToUpperInvariant(), _smallBold);
        Centered(kop.Kampus.ToUpperInvariant(), _kampus, 19);
        if (kop.Unit is { Length: > 0 } unit) Centered(unit, _unit);
        if (kop.Alamat is { Length: > 0 } alamat) Centered(alamat, _small, 11);
        if (kop.Kontak is { Length: > 0 } kontak) Centered(kontak, _small, 11);
        _y += 4;
        _gfx.DrawLine(new XPen(XColors.Black, 2), Left, _y, Right, _y);
        _gfx.DrawLine(new XPen(XColors.Black, 0.6), Left, _y + 3, Right, _y + 3);
        _y += 18;
    }

    private void Centered(string text, XFont font, double height = Line, bool underline = false)
    {
        foreach (var line in Wrap([new Run(text, font.Bold)], Width, font))
        {
            Ensure(height);
            var width = line.Sum(s => s.Width);
            var x = Left + (Width - width) / 2;
            foreach (var s in line) _gfx.DrawString(s.Text, font, XBrushes.Black, x + s.X, _y + font.Size);
            if (underline) _gfx.DrawLine(new XPen(XColors.Black, 0.6), x, _y + font.Size + 2, x + width, _y + font.Size + 2);
            _y += height;
        }
    }

    private void Blocks(IReadOnlyList<Blok> blocks)
    {
        foreach (var block in blocks)
        {
            if (block is Baris row) { Row(row.Label, row.Nilai); continue; }
            Paragraph(((Paragraf)block).Runs, Left, Width);
            _y += Line / 2;
        }
    }

    private void Paragraph(IReadOnlyList<Run> runs, double x, double width)
    {
        foreach (var line in Wrap(runs, width, _body))
        {
            Ensure(Line);
            Draw(line, x);
            _y += Line;
        }
    }

    private void Row(IReadOnlyList<Run> label, IReadOnlyList<Run> value)
    {
        const double labelWidth = 140;
        var labelLines = Wrap(label, labelWidth - 6, _body);
        var valueLines = Wrap(value, Width - labelWidth - 12, _body);
        for (var i = 0; i < Math.Max(labelLines.Count, valueLines.Count); i++)
        {
            Ensure(Line);
            if (i < labelLines.Count) Draw(labelLines[i], Left);
            if (i == 0) _gfx.DrawString(":", _body, XBrushes.Black, Left + labelWidth, _y + _body.Size);
            if (i < valueLines.Count) Draw(valueLines[i], Left + labelWidth + 10);
            _y += Line;
        }
    }

    private void Signature(TandaTangan ttd)
    {
        const double x = Left + Width * 0.55, width = Width * 0.45;
        var jabatan = Wrap(ttd.Jabatan, width, _body);
        var nama = ttd.Nama is null ? [] : Wrap(ttd.Nama, width, _bold);
        Ensure(Line * (2 + jabatan.Count + nama.Count + 1) + 56);
        _y += Line;
        Paragraph([new Run(ttd.TempatTanggal)], x, width);
        foreach (var line in jabatan) { Draw(line, x); _y += Line; }
        _y += 56;
        foreach (var line in nama)
        {
            Draw(line, x);
            _gfx.DrawLine(new XPen(XColors.Black, 0.6), x, _y + _body.Size + 2, x + line.Sum(s => s.Width), _y + _body.Size + 2);
            _y += Line;
        }
        if (ttd.Nip is { } nip) Paragraph(LetterComposer.NipLabel(nip) ? [new Run("NIP. "), .. nip] : [.. nip], x, width);
    }

    private void Footers(LetterContent c)
    {
        for (var i = 0; i < _doc.PageCount; i++)
        {
            using var gfx = XGraphics.FromPdfPage(_doc.Pages[i], XGraphicsPdfPageOptions.Append);
            var text = $"{c.Nomor} · versi {c.Versi} · halaman {i + 1} dari {_doc.PageCount}";
            gfx.DrawString(text, _small, XBrushes.Gray, new XRect(Left, 842 - 40, Width, 12), XStringFormats.TopRight);
        }
    }

    private void Draw(IReadOnlyList<Segment> line, double x)
    {
        foreach (var s in line) _gfx.DrawString(s.Text, s.Bold ? _bold : _body, XBrushes.Black, x + s.X, _y + _body.Size);
    }

    private sealed record Segment(string Text, bool Bold, double X, double Width);

    /// <summary>Breaks runs into lines no wider than <paramref name="width"/>, at spaces and at "\n".</summary>
    private List<List<Segment>> Wrap(IReadOnlyList<Run> runs, double width, XFont font)
    {
        var lines = new List<List<Segment>> { new() };
        double x = 0;
        foreach (var run in runs)
        {
            var f = run.Bold || font.Bold ? (font.Size == _body.Size ? _bold : font) : font;
            var pieces = run.Text.Split('\n');
            for (var p = 0; p < pieces.Length; p++)
            {
                if (p > 0) { lines.Add([]); x = 0; }
                foreach (var word in Words(pieces[p]))
                {
                    var w = _gfx.MeasureString(word, f).Width;
                    if (word == " " && x == 0) continue;
                    if (x + w > width && x > 0)
                    {
                        lines.Add([]);
                        x = 0;
                        if (word == " ") continue;
                    }
                    lines[^1].Add(new Segment(word, f.Bold, x, w));
                    x += w;
                }
            }
        }
        return lines;
    }

    private static IEnumerable<string> Words(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != ' ') continue;
            if (i > start) yield return text[start..i];
            yield return " ";
            start = i + 1;
        }
        if (start < text.Length) yield return text[start..];
    }

    /// <summary>Indonesian letters fit in WinAnsi, whose text stays readable in the PDF; anything else needs Unicode.</summary>
    private static bool Fits(LetterContent c)
    {
        static bool Ok(char ch) => ch < 0x80 || (ch >= 0xA0 && ch <= 0xFF) || "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ".Contains(ch);
        var html = HtmlLetter.Render(c);
        return html.All(Ok);
    }

    public void Dispose() => _doc.Dispose();
}
