using PdfSharp.Drawing;

namespace CampusKonseling.Sop.Dokumen;

/// <summary>
/// The first page as the SOP AP format lays it out: the unit's box beside the label | value rows (Nomor SOP … Nama SOP,
/// "Disahkan oleh" with room to sign), then the six lists two by two (Dasar Hukum | Kualifikasi Pelaksana, …).
/// </summary>
internal static class SopPdfIdentitas
{
    private const double Pad = 4, UnitBox = 270, LabelW = 105;

    public static void Draw(PdfKanvas k, SopApIsi isi)
    {
        var g = k.G;
        var rows = isi.Identitas.ToDictionary(r => r.Label);
        var y = PdfKanvas.Top;
        string[] kanan = [SopApFormat.NomorSop, SopApFormat.TanggalPembuatan, SopApFormat.TanggalRevisi, SopApFormat.TanggalEfektif, SopApFormat.DisahkanOleh, SopApFormat.NamaSop];
        var valueX = PdfKanvas.Left + UnitBox + LabelW;
        var valueW = PdfKanvas.Right - valueX;
        XFont Font(string label) => label == SopApFormat.NamaSop ? k.Subtitle : k.Body;
        List<string> Value(string label) => k.Wrap(string.Join("\n", rows[label].Isi), Font(label), valueW - 2 * Pad);
        var heights = kanan.Select(l => Math.Max(14, Value(l).Sum(line => Step(line, Font(l))) + 2 * Pad)).ToList();
        var total = heights.Sum();

        // The unit's box: the words of the format and the unit's name.
        g.DrawRectangle(k.Grid, PdfKanvas.Left, y, UnitBox, total);
        var unit = k.Wrap(string.Join("\n", rows[SopApFormat.Unit].Isi), k.Bold, UnitBox - 4 * Pad);
        var title = k.Wrap("STANDAR OPERASIONAL PROSEDUR", k.Subtitle, UnitBox - 4 * Pad);
        var blockH = title.Count * PdfKanvas.LineHeight(k.Subtitle) + 8 + unit.Count * PdfKanvas.LineHeight(k.Bold);
        var by = y + Math.Max(Pad, (total - blockH) / 2);
        by += k.Lines(title, k.Subtitle, PdfKanvas.Left + 2 * Pad, by, UnitBox - 4 * Pad, center: true) + 8;
        k.Lines(unit, k.Bold, PdfKanvas.Left + 2 * Pad, by, UnitBox - 4 * Pad, center: true);

        for (var i = 0; i < kanan.Length; i++)
        {
            var label = kanan[i];
            var lx = PdfKanvas.Left + UnitBox;
            g.DrawRectangle(PdfKanvas.Shade, lx, y, LabelW, heights[i]);
            g.DrawRectangle(k.Grid, lx, y, LabelW, heights[i]);
            g.DrawRectangle(k.Grid, valueX, y, valueW, heights[i]);
            k.Lines([label], k.Bold, lx + Pad, y + Pad, LabelW - 2 * Pad);
            var ly = y + Pad;
            foreach (var line in Value(label))
            {
                k.Lines([line], Font(label), valueX + Pad, ly, valueW - 2 * Pad);
                ly += Step(line, Font(label));
            }
            y += heights[i];
        }

        // The lists, two by two, each under its label.
        y += 8;
        (string, string)[] pairs = [(SopApFormat.DasarHukum, SopApFormat.KualifikasiPelaksana), (SopApFormat.Keterkaitan, SopApFormat.Peralatan), (SopApFormat.Peringatan, SopApFormat.Pencatatan)];
        var half = PdfKanvas.Width / 2;
        foreach (var (a, b) in pairs)
        {
            var la = Numbered(k, rows[a].Isi, half - 2 * Pad);
            var lb = Numbered(k, rows[b].Isi, half - 2 * Pad);
            const double head = 14;
            var h = Math.Max(la.Count, lb.Count) * PdfKanvas.LineHeight(k.Body) + 2 * Pad;
            foreach (var (label, lines, x) in new[] { (a, la, PdfKanvas.Left), (b, lb, PdfKanvas.Left + half) })
            {
                g.DrawRectangle(PdfKanvas.Shade, x, y, half, head);
                g.DrawRectangle(k.Grid, x, y, half, head);
                g.DrawRectangle(k.Grid, x, y + head, half, h);
                k.Lines([label], k.Bold, x + Pad, y + 3, half - 2 * Pad);
                for (var i = 0; i < lines.Count; i++)
                    k.Lines([lines[i].Line], k.Body, x + Pad + lines[i].Indent, y + head + Pad + i * PdfKanvas.LineHeight(k.Body), half);
            }
            y += head + h;
        }
    }

    /// <summary>A line's height; the empty line between an approver's office and name is the room to sign.</summary>
    private static double Step(string line, XFont font) => PdfKanvas.LineHeight(font) * (line.Length == 0 ? 3.5 : 1);

    /// <summary>"1. …" lines wrapped with the continuation under the text, not under the number; "-" for an empty list.</summary>
    private static List<(string Line, double Indent)> Numbered(PdfKanvas k, IReadOnlyList<string> items, double width)
    {
        if (items.Count == 0) return [("-", 0)];
        var result = new List<(string, double)>();
        foreach (var item in items)
        {
            var dot = item.IndexOf(". ", StringComparison.Ordinal);
            var number = dot > 0 && dot < 4 ? item[..(dot + 2)] : "";
            var indent = k.G.MeasureString(number, k.Body).Width;
            var lines = k.Wrap(item[number.Length..], k.Body, width - indent);
            result.AddRange(lines.Select((l, i) => (i == 0 ? number + l : l, i == 0 ? 0 : indent)));
        }
        return result;
    }
}
