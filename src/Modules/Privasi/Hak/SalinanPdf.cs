using CampusKonseling.Documents;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace CampusKonseling.Privasi.Hak;

/// <summary>The copy as a readable A4 document: who, what was decided about the notes, then each kind of record, label and value.</summary>
public static class SalinanPdf
{
    private const double Left = 50, Right = 545, Top = 50, Bottom = 790, LabelWidth = 150;

    public static byte[] Render(Salinan s)
    {
        PdfSetup.Ensure();
        using var doc = new PdfDocument();
        doc.Info.Title = $"Salinan data pribadi {s.Nomor}";
        doc.Info.Creator = "CampusKonseling";
        var options = new XPdfFontOptions(PdfFontEncoding.Unicode);
        XFont F(double size, bool bold) => new(PdfFonts.Laporan, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, options);
        var (title, head, body, bold) = (F(14, true), F(11, true), F(9, false), F(9, true));
        XGraphics? gfx = null;
        double y = 0;
        void Page()
        {
            gfx?.Dispose();
            var page = doc.AddPage();
            page.Size = PdfSharp.PageSize.A4;
            gfx = XGraphics.FromPdfPage(page);
            y = Top;
        }
        void Need(double h) { if (y + h > Bottom) Page(); }
        void Text(string text, XFont font, double x, double width)
        {
            foreach (var line in Wrap(gfx!, text, font, width))
            {
                Need(font.Size + 4);
                gfx!.DrawString(line, font, XBrushes.Black, new XPoint(x, y + font.Size));
                y += font.Size + 4;
            }
        }
        void Row(string label, string? value)
        {
            var start = y;
            Text(label, bold, Left, LabelWidth - 8);
            var after = y;
            y = start;
            Text(string.IsNullOrWhiteSpace(value) ? "-" : value, body, Left + LabelWidth, Right - Left - LabelWidth);
            y = Math.Max(y, after);
        }

        Page();
        Text(s.Kampus, head, Left, Right - Left);
        Text("SALINAN DATA PRIBADI", title, Left, Right - Left);
        y += 4;
        Row("Permintaan", s.Nomor);
        Row("Subjek data", s.Email);
        Row("Dibuat", s.DibuatPada);
        Row("Catatan konseling", s.CatatanDisertakan ? "Disertakan setelah ditelaah konselor" : $"Ditahan setelah ditelaah konselor{(s.AlasanDitahan is { } a ? $": {a}" : "")}");
        foreach (var bagian in s.Bagian)
        {
            y += 10;
            Need(40);
            Text(bagian.Judul, head, Left, Right - Left);
            foreach (var baris in bagian.Baris)
            {
                y += 4;
                Need(20);
                gfx!.DrawLine(XPens.LightGray, Left, y, Right, y);
                y += 3;
                foreach (var (label, value) in baris) Row(label, value);
            }
        }
        gfx?.Dispose();
        using var stream = new MemoryStream();
        doc.Save(stream, false);
        return stream.ToArray();
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
