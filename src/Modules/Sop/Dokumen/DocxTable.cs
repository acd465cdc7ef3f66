using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CampusKonseling.Sop.Dokumen;

/// <summary>
/// A DOCX body as lines: paragraphs, and table rows with each cell at its grid column (a cell spanning columns, gridSpan,
/// fills them with empty cells; a cell continuing a vertical merge, vMerge, is empty) and the merges noted. A paragraph laid
/// out with tabs is read as a row, as in pasted text. Tables with only empty paragraphs between them are one table (a table
/// broken over pages is often two).
/// </summary>
public static class DocxTable
{
    /// <summary>The lines of the document; null when the bytes are not a readable DOCX.</summary>
    public static List<DocLine>? Read(Stream docx)
    {
        try
        {
            using var document = WordprocessingDocument.Open(docx, false);
            var body = document.MainDocumentPart?.Document?.Body;
            return body is null ? null : Read(body);
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or IOException or FileFormatException
                                       or System.Xml.XmlException or ArgumentException or InvalidOperationException)
        {
            return null;
        }
    }

    private static List<DocLine> Read(Body body)
    {
        var lines = new List<DocLine>();
        var table = -1;
        var inTable = false;
        foreach (var element in body.ChildElements)
        {
            switch (element)
            {
                case Paragraph p:
                    var text = Text(p);
                    if (string.IsNullOrWhiteSpace(text)) continue;
                    if (text.Contains('\t'))
                    {
                        if (!inTable) table++;
                        inTable = true;
                        lines.Add(new DocLine(text.Split('\t').Select(c => c.Trim()).ToList(), table));
                    }
                    else
                    {
                        inTable = false;
                        foreach (var part in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                            lines.Add(DocLine.Paragraph(part));
                    }
                    break;
                case Table t:
                    if (!inTable) table++;
                    inTable = true;
                    foreach (var row in t.Elements<TableRow>()) lines.Add(Row(row, table));
                    break;
            }
        }
        return lines;
    }

    private static DocLine Row(TableRow row, int table)
    {
        var cells = new List<string>();
        var merged = new List<Gabung>();
        foreach (var cell in row.Elements<TableCell>())
        {
            var props = cell.TableCellProperties;
            var span = props?.GridSpan?.Val?.Value ?? 1;
            var vMerge = props?.VerticalMerge;
            var continued = vMerge is not null && (vMerge.Val is null || vMerge.Val.Value == MergedCellValues.Continue);
            var column = cells.Count;
            cells.Add(continued ? "" : string.Join("\n", cell.Elements<Paragraph>().Select(Text).Where(s => s.Trim().Length > 0)).Trim());
            for (var i = 1; i < span; i++) cells.Add("");
            if (continued) merged.Add(new Gabung(column, true, span));
            else if (span > 1) merged.Add(new Gabung(column, false, span));
        }
        return new DocLine(cells, table, merged.Count > 0 ? merged : null);
    }

    private static string Text(Paragraph p)
    {
        var sb = new StringBuilder();
        foreach (var e in p.Descendants())
            switch (e)
            {
                case Text t: sb.Append(t.Text); break;
                case TabChar: sb.Append('\t'); break;
                case Break or CarriageReturn: sb.Append('\n'); break;
            }
        return sb.ToString();
    }
}
