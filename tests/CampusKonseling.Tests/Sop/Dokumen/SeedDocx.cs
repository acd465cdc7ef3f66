using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CampusKonseling.Tests.Sop.Dokumen;

/// <summary>
/// A DOCX made from a seed's text as a unit would keep it: each run of tab-separated lines a table (one row per line, one
/// cell per tab-separated part), every other line a paragraph.
/// </summary>
public static class SeedDocx
{
    public static MemoryStream FromText(string text) => Build(body =>
    {
        Table? table = null;
        foreach (var raw in text.Replace("\r\n", "\n").Split('\n'))
        {
            if (string.IsNullOrWhiteSpace(raw)) continue;
            if (raw.Contains('\t'))
            {
                if (table is null) body.Append(table = new Table(new TableProperties(new TableBorders(new InsideHorizontalBorder { Val = BorderValues.Single }))));
                table.Append(new TableRow(raw.Split('\t').Select(c => Cell(c.Trim()))));
            }
            else
            {
                table = null;
                body.Append(Paragraph(raw.Trim()));
            }
        }
    });

    public static MemoryStream Build(Action<Body> fill)
    {
        var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body());
            fill(main.Document.Body!);
            main.Document.Save();
        }
        stream.Position = 0;
        return stream;
    }

    public static Paragraph Paragraph(string text) => new(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));

    public static TableCell Cell(string text, int span = 1, MergedCellValues? vMerge = null)
    {
        var props = new TableCellProperties();
        if (span > 1) props.Append(new GridSpan { Val = span });
        if (vMerge is { } v) props.Append(new VerticalMerge { Val = v });
        var cell = new TableCell(props);
        var lines = text.Split('\n');
        foreach (var line in lines) cell.Append(Paragraph(line));
        return cell;
    }
}
