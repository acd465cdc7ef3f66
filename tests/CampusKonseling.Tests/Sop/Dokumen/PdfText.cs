using PdfSharp.Pdf;
using PdfSharp.Pdf.Content;
using PdfSharp.Pdf.Content.Objects;
using PdfSharp.Pdf.IO;

namespace CampusKonseling.Tests.Sop.Dokumen;

/// <summary>The strings a PDF draws, in drawing order, as PDFsharp reads them back (text written as WinAnsi).</summary>
public static class PdfText
{
    public static (int Pages, string Text) Read(byte[] pdf)
    {
        using var doc = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);
        var parts = new List<string>();
        foreach (var page in doc.Pages) Collect(ContentReader.ReadContent(page), parts);
        return (doc.PageCount, string.Join(" ", parts));
    }

    // The strings are WinAnsi bytes: 0x80–0x9F are Windows-1252's dashes, quotes and the like.
    private const string Cp1252High = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";

    private static void Collect(CObject obj, List<string> parts)
    {
        switch (obj)
        {
            case COperator op when op.OpCode.Name is "Tj" or "TJ" or "'" or "\"":
                foreach (var operand in op.Operands) Collect(operand, parts);
                break;
            case CString s:
                parts.Add(string.Concat(s.Value.Select(c => c is >= '\u0080' and <= '\u009F' ? Cp1252High[c - 0x80] : c)));
                break;
            case CSequence seq:
                foreach (var o in seq) Collect(o, parts);
                break;
        }
    }
}
