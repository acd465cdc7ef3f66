using CampusKonseling.Sop.Definitions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CampusKonseling.Sop.Dokumen;

/// <summary>
/// The SOP as a Word document in the SOP AP layout, written with the Open XML SDK: A4 landscape, the identity block
/// (label | value), then the flowchart table (two header rows repeated on every page, one row per step, the symbol
/// character in the step's lane columns), and a footer with the code, version and page.
/// </summary>
public static class SopDocx
{
    // Twentieths of a point: A4 landscape with 1.27 cm margins.
    private const int PageW = 16838, PageH = 11906, Margin = 720, Body = PageW - 2 * Margin;
    private const string Font = "Arial";

    public static byte[] Write(SopApIsi isi)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var footer = main.AddNewPart<FooterPart>();
            footer.Footer = Footer(isi);
            var body = new Body(
                Para(Run("STANDAR OPERASIONAL PROSEDUR", bold: true, size: 28), JustificationValues.Center),
                Para(Run(isi.Sop.Judul, bold: true, size: 24), JustificationValues.Center),
                Para(Run("")),
                IdentityTable(isi),
                new Paragraph(new ParagraphProperties(new PageBreakBefore())),
                FlowTable(isi),
                Section(main.GetIdOfPart(footer)));
            main.Document = new Document(body);
            doc.PackageProperties.Title = isi.Sop.Judul;
            doc.PackageProperties.Subject = isi.Sop.Kode;
            doc.PackageProperties.Creator = isi.Sop.Unit ?? "CampusKonseling";
            main.Document.Save();
        }
        return stream.ToArray();
    }

    private static SectionProperties Section(string footerId) => new(
        new FooterReference { Type = HeaderFooterValues.Default, Id = footerId },
        new PageSize { Width = PageW, Height = PageH, Orient = PageOrientationValues.Landscape },
        new PageMargin { Top = Margin, Bottom = Margin, Left = Margin, Right = Margin, Header = 360, Footer = 360 });

    private static Footer Footer(SopApIsi isi) => new(new Paragraph(
        new ParagraphProperties(new Justification { Val = JustificationValues.Right }),
        Run($"{isi.Sop.Kode} · Versi {isi.Versi} · Halaman ", size: 14),
        new SimpleField(Run("1", size: 14)) { Instruction = " PAGE " },
        Run(" dari ", size: 14),
        new SimpleField(Run("1", size: 14)) { Instruction = " NUMPAGES " }));

    private static Table IdentityTable(SopApIsi isi)
    {
        const int label = 3400;
        var table = NewTable([label, Body - label]);
        foreach (var row in isi.Identitas)
            table.Append(new TableRow(
                new TableRowProperties(new CantSplit()),
                Cell(label, [row.Label], bold: true, shade: true),
                Cell(Body - label, row.Isi.Count > 0 ? row.Isi : ["-"])));
        return table;
    }

    private static Table FlowTable(SopApIsi isi)
    {
        var lanes = isi.Sop.Pelaksana;
        var w = Widths(lanes.Count);
        var table = NewTable(w.All);
        // Header: No | Kegiatan | Pelaksana (one column per lane) | Mutu Baku (Kelengkapan, Waktu, Output) | Ket.
        table.Append(new TableRow(HeaderRow(),
            Cell(w.No, [SopApFormat.No], bold: true, shade: true, merge: MergedCellValues.Restart, center: true),
            Cell(w.Kegiatan, [SopApFormat.Kegiatan], bold: true, shade: true, merge: MergedCellValues.Restart, center: true),
            Cell(w.Lane * lanes.Count, [SopApFormat.Pelaksana], bold: true, shade: true, span: lanes.Count, center: true),
            Cell(w.Kelengkapan + w.Waktu + w.Output, [SopApFormat.MutuBaku], bold: true, shade: true, span: 3, center: true),
            Cell(w.Ket, [SopApFormat.Ket], bold: true, shade: true, merge: MergedCellValues.Restart, center: true)));
        table.Append(new TableRow([HeaderRow(),
            Cell(w.No, [], shade: true, merge: MergedCellValues.Continue),
            Cell(w.Kegiatan, [], shade: true, merge: MergedCellValues.Continue),
            .. lanes.Select(p => Cell(w.Lane, [p.Nama], bold: true, shade: true, center: true)),
            Cell(w.Kelengkapan, [SopApFormat.Kelengkapan], bold: true, shade: true, center: true),
            Cell(w.Waktu, [SopApFormat.Waktu], bold: true, shade: true, center: true),
            Cell(w.Output, [SopApFormat.Output], bold: true, shade: true, center: true),
            Cell(w.Ket, [], shade: true, merge: MergedCellValues.Continue)]));
        foreach (var row in isi.Alur)
            table.Append(new TableRow([new TableRowProperties(new CantSplit()),
                Cell(w.No, [row.No], center: true),
                Cell(w.Kegiatan, [row.Langkah.Uraian]),
                .. lanes.Select(p => row.Langkah.Pelaksana.Contains(p.Id) ? Cell(w.Lane, [row.Simbol], center: true, size: 28) : Cell(w.Lane, [])),
                Cell(w.Kelengkapan, row.Kelengkapan),
                Cell(w.Waktu, [row.Waktu]),
                Cell(w.Output, [row.Output]),
                Cell(w.Ket, row.Ket)]));
        return table;
    }

    private static TableRowProperties HeaderRow() => new(new TableHeader(), new CantSplit());

    private sealed record ColumnWidths(int No, int Kegiatan, int Lane, int Lanes, int Kelengkapan, int Waktu, int Output, int Ket)
    {
        public int[] All => [No, Kegiatan, .. Enumerable.Repeat(Lane, Lanes), Kelengkapan, Waktu, Output, Ket];
    }

    /// <summary>Lanes share what the text columns leave, at most 1,500 each; the rest widens Kegiatan and Ket.</summary>
    private static ColumnWidths Widths(int lanes)
    {
        int no = 520, kegiatan = 3000, kelengkapan = 1900, waktu = 1200, output = 1700, ket = 1900;
        var rest = Body - (no + kegiatan + kelengkapan + waktu + output + ket);
        var lane = Math.Min(1500, rest / Math.Max(1, lanes));
        var spare = rest - lane * lanes;
        return new(no, kegiatan + spare * 6 / 10, lane, lanes, kelengkapan, waktu, output, ket + spare - spare * 6 / 10);
    }

    private static Table NewTable(IEnumerable<int> widths)
    {
        var props = new TableProperties(
            new TableWidth { Width = Body.ToString(), Type = TableWidthUnitValues.Dxa },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4 }, new LeftBorder { Val = BorderValues.Single, Size = 4 },
                new BottomBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 }),
            new TableLayout { Type = TableLayoutValues.Fixed },
            new TableCellMarginDefault(new TopMargin { Width = "40", Type = TableWidthUnitValues.Dxa },
                new TableCellLeftMargin { Width = 70, Type = TableWidthValues.Dxa },
                new BottomMargin { Width = "40", Type = TableWidthUnitValues.Dxa },
                new TableCellRightMargin { Width = 70, Type = TableWidthValues.Dxa }));
        return new Table(props, new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString() })));
    }

    private static TableCell Cell(int width, IReadOnlyList<string> lines, bool bold = false, bool shade = false,
        MergedCellValues? merge = null, int span = 1, bool center = false, int size = 17)
    {
        var props = new TableCellProperties(new TableCellWidth { Width = width.ToString(), Type = TableWidthUnitValues.Dxa });
        if (span > 1) props.Append(new GridSpan { Val = span });
        if (merge is { } m) props.Append(new VerticalMerge { Val = m });
        if (shade) props.Append(new Shading { Val = ShadingPatternValues.Clear, Fill = "E7E6E6", Color = "auto" });
        props.Append(new TableCellVerticalAlignment { Val = center ? TableVerticalAlignmentValues.Center : TableVerticalAlignmentValues.Top });
        var cell = new TableCell(props);
        foreach (var line in lines.Count > 0 ? lines : [""])
            cell.Append(Para(Run(line, bold, size), center ? JustificationValues.Center : JustificationValues.Left));
        return cell;
    }

    private static Paragraph Para(Run run, JustificationValues? align = null)
    {
        var props = new ParagraphProperties(new SpacingBetweenLines { Before = "0", After = "0" });
        if (align is { } a) props.Append(new Justification { Val = a });
        return new Paragraph(props, run);
    }

    private static Run Run(string text, bool bold = false, int size = 17)
    {
        var props = new RunProperties(new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font });
        if (bold) props.Append(new Bold());
        props.Append(new FontSize { Val = size.ToString() });
        return new Run(props, new Text(text) { Space = SpaceProcessingModeValues.Preserve });
    }
}
