using PdfSharp.Drawing;

namespace CampusKonseling.Sop.Dokumen;

/// <summary>
/// The flowchart table of the PDF: two header rows on every page, one row per step kept whole on a page, the text
/// columns, and (by <see cref="SopPdfPanah"/>) the symbols and arrows in the lane columns.
/// </summary>
internal static class SopPdfAlur
{
    public static void Draw(PdfKanvas k, SopApIsi isi)
    {
        var lanes = isi.Sop.Pelaksana;
        var t = new AlurTata(lanes.Count);
        k.NewPage();
        // Lane names in the header, smaller when a word of one would not fit the column.
        var laneFont = lanes.SelectMany(p => p.Nama.Split(' ', '/')).All(w => k.Fits(w + "/", k.SmallBold, t.LaneW - 4)) ? k.SmallBold : k.TinyBold;
        var laneNames = lanes.Select(p => k.Wrap(p.Nama, laneFont, t.LaneW - 4)).ToList();
        t.Head2 = Math.Max(2, laneNames.Select(n => n.Count).DefaultIfEmpty(1).Max()) * PdfKanvas.LineHeight(laneFont) + 6;
        var lh = PdfKanvas.LineHeight(k.Body);
        foreach (var (b, i) in isi.Alur.Select((b, i) => (b, i)))
        {
            var row = new Tempat(i, b)
            {
                Kegiatan = k.Wrap(b.Langkah.Uraian, k.Body, t.Kegiatan - 2 * AlurTata.Pad),
                Kelengkapan = b.Kelengkapan.SelectMany(s => k.Wrap(b.Kelengkapan.Count > 1 ? "• " + s : s, k.Body, t.Kelengkapan - 2 * AlurTata.Pad)).ToList(),
                Waktu = k.Wrap(b.Waktu, k.Body, t.Waktu - 2 * AlurTata.Pad),
                Output = k.Wrap(b.Output, k.Body, t.Output - 2 * AlurTata.Pad),
                Ket = b.Ket.SelectMany(s => k.Wrap(s, k.Small, t.Ket - 2 * AlurTata.Pad)).ToList(),
            };
            var lines = new[] { row.Kegiatan.Count * lh, row.Kelengkapan.Count * lh, row.Waktu.Count * lh, row.Output.Count * lh, row.Ket.Count * PdfKanvas.LineHeight(k.Small) }.Max();
            var decision = b.Langkah.Jenis == Definitions.JenisLangkah.Keputusan; // room for the outcome under the diamond
            row.H = Math.Max(AlurTata.MinRow + (decision ? 12 : 0), lines + 2 * AlurTata.Pad);
            t.Rows.Add(row);
        }
        t.Paginate(k.Page, allBands: false);
        if (t.LoopsAcrossPages) t.Paginate(k.Page, allBands: true);
        var panah = new SopPdfPanah(k, t, isi.Sop);
        for (var page = t.FirstPage; page <= t.LastPage; page++)
        {
            if (page > t.FirstPage) k.NewPage();
            Caption(k, isi, page - t.FirstPage);
            Header(k, t, laneNames, laneFont);
            foreach (var row in t.OnPage(page)) Row(k, t, row);
            panah.Draw(page);
        }
    }

    private static void Caption(PdfKanvas k, SopApIsi isi, int n)
    {
        var code = $"{SopApFormat.NomorSop}: {isi.Sop.Kode}";
        var codeW = k.G.MeasureString(code, k.Small).Width;
        var title = n == 0 ? isi.Sop.Judul : $"{isi.Sop.Judul} (lanjutan)";
        k.G.DrawString(k.Clip(title, k.Subtitle, PdfKanvas.Width - codeW - 20), k.Subtitle, XBrushes.Black, PdfKanvas.Left, PdfKanvas.Top + 9.5);
        k.G.DrawString(code, k.Small, XBrushes.Black, PdfKanvas.Right - codeW, PdfKanvas.Top + 9.5);
    }

    private static void Header(PdfKanvas k, AlurTata t, List<List<string>> laneNames, XFont laneFont)
    {
        double y1 = AlurTata.HeadTop, y2 = y1 + AlurTata.Head1, both = AlurTata.Head1 + t.Head2;
        HeadCell(k, t.XNo, y1, t.No, both, [SopApFormat.No]);
        HeadCell(k, t.XKegiatan, y1, t.Kegiatan, both, [SopApFormat.Kegiatan]);
        HeadCell(k, t.XLane(0), y1, t.LaneW * t.Lanes, AlurTata.Head1, [SopApFormat.Pelaksana]);
        HeadCell(k, t.XKelengkapan, y1, t.Kelengkapan + t.Waktu + t.Output, AlurTata.Head1, [SopApFormat.MutuBaku]);
        HeadCell(k, t.XKet, y1, t.Ket, both, [SopApFormat.Ket]);
        for (var i = 0; i < laneNames.Count; i++) HeadCell(k, t.XLane(i), y2, t.LaneW, t.Head2, laneNames[i], laneFont);
        HeadCell(k, t.XKelengkapan, y2, t.Kelengkapan, t.Head2, [SopApFormat.Kelengkapan]);
        HeadCell(k, t.XWaktu, y2, t.Waktu, t.Head2, [SopApFormat.Waktu]);
        HeadCell(k, t.XOutput, y2, t.Output, t.Head2, [SopApFormat.Output]);
    }

    private static void HeadCell(PdfKanvas k, double x, double y, double w, double h, IReadOnlyList<string> lines, XFont? font = null)
    {
        font ??= k.Bold;
        k.G.DrawRectangle(PdfKanvas.Shade, x, y, w, h);
        k.G.DrawRectangle(k.Grid, x, y, w, h);
        var textH = lines.Count * PdfKanvas.LineHeight(font);
        k.Lines(lines, font, x + 2, y + (h - textH) / 2, w - 4, center: true);
    }

    private static void Row(PdfKanvas k, AlurTata t, Tempat row)
    {
        double top = row.Top, h = row.Bottom - row.Top, y = row.Top + AlurTata.Pad, p = AlurTata.Pad;
        foreach (var (x, w) in Columns(t)) k.G.DrawRectangle(k.Grid, x, top, w, h);
        k.Lines([row.Baris.No], k.Body, t.XNo + 1, y, t.No - 2, center: true);
        k.Lines(row.Kegiatan, k.Body, t.XKegiatan + p, y, t.Kegiatan - 2 * p);
        k.Lines(row.Kelengkapan, k.Body, t.XKelengkapan + p, y, t.Kelengkapan - 2 * p);
        k.Lines(row.Waktu, k.Body, t.XWaktu + p, y, t.Waktu - 2 * p);
        k.Lines(row.Output, k.Body, t.XOutput + p, y, t.Output - 2 * p);
        k.Lines(row.Ket, k.Small, t.XKet + p, y, t.Ket - 2 * p);
    }

    private static IEnumerable<(double X, double W)> Columns(AlurTata t)
    {
        yield return (t.XNo, t.No);
        yield return (t.XKegiatan, t.Kegiatan);
        for (var i = 0; i < t.Lanes; i++) yield return (t.XLane(i), t.LaneW);
        yield return (t.XKelengkapan, t.Kelengkapan);
        yield return (t.XWaktu, t.Waktu);
        yield return (t.XOutput, t.Output);
        yield return (t.XKet, t.Ket);
    }
}
