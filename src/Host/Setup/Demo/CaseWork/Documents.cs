using System.Text;
using CampusKonseling.Cases.Data;
using CampusKonseling.Cases.Work;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Host.Setup.Demo.CaseWork;

/// <summary>A document a step asks for (a psychiatrist's examination letter), uploaded as the step's upload form does: a small PDF marked as an example.</summary>
public static class Documents
{
    public static Task UploadAsync(Stage stage, Guid caseId, string jenis, Member by, DateTimeOffset at, CancellationToken ct) =>
        stage.RunAsync(at, by.Principal, async sp =>
        {
            var c = await sp.GetRequiredService<CasesDb>().Cases.FirstAsync(x => x.Id == caseId, ct);
            var bytes = Pdf($"{jenis} - {c.Nomor} (dokumen contoh, fiktif)");
            using var stream = new MemoryStream(bytes);
            var file = new FormFile(stream, 0, bytes.Length, "berkas", $"{Slug(jenis)}-{c.Nomor}.pdf") { Headers = new HeaderDictionary(), ContentType = "application/pdf" };
            // Sent upward to the unit's leaders, not the counselor's own notes: the leadership tier.
            var errors = await sp.GetRequiredService<CaseDocuments>().AddAsync(by.Principal, c, jenis, Tingkat.Pimpinan, file, ct, jenis);
            if (errors.Count > 0) throw new InvalidOperationException("Demo document: " + string.Join("; ", errors.Values));
        }, ct);

    private static string Slug(string text) => string.Join('-', text.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));

    /// <summary>A one-page PDF with one line of text.</summary>
    private static byte[] Pdf(string line)
    {
        var text = line.Replace("\\", "\\\\").Replace("(", "\\(").Replace(")", "\\)");
        var content = $"BT /F1 12 Tf 72 760 Td ({text}) Tj ET";
        var objects = new[]
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            $"<< /Length {Encoding.ASCII.GetByteCount(content)} >>\nstream\n{content}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        };
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(Encoding.ASCII.GetByteCount(pdf.ToString()));
            pdf.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = Encoding.ASCII.GetByteCount(pdf.ToString());
        pdf.Append($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var o in offsets) pdf.Append($"{o:0000000000} 00000 n \n");
        pdf.Append($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }
}
