namespace CampusKonseling.Sop.Dokumen;

/// <summary>
/// Text pasted from a PDF (as the seed files are): a line with tabs is a table row (cells between the tabs), other lines are
/// paragraphs; consecutive rows are one table, blank lines between them do not end it, a paragraph does.
/// </summary>
public static class TextTable
{
    public static List<DocLine> Read(string text)
    {
        var lines = new List<DocLine>();
        var table = -1;
        var inTable = false;
        foreach (var raw in text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n'))
        {
            var line = raw.Replace('\u00a0', ' ');
            if (string.IsNullOrWhiteSpace(line)) continue;
            if (line.Contains('\t'))
            {
                if (!inTable) table++;
                inTable = true;
                lines.Add(new DocLine(line.Split('\t').Select(c => c.Trim()).ToList(), table));
            }
            else
            {
                inTable = false;
                lines.Add(DocLine.Paragraph(line));
            }
        }
        return lines;
    }
}
