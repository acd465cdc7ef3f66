using CampusKonseling.Sop.Definitions;
using PdfSharp.Drawing;

namespace CampusKonseling.Sop.Dokumen;

/// <summary>
/// An SOP version as the unit's own document in the SOP AP layout (<see cref="SopApFormat"/>): DOCX for editing and
/// reading back, PDF to print, sign and file.
/// </summary>
public static class SopDocumentWriter
{
    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string PdfType = "application/pdf";

    public static byte[] Docx(SopDefinition sop, int versi) => SopDocx.Write(new SopApIsi(sop, versi));

    public static byte[] Pdf(SopDefinition sop, int versi)
    {
        var isi = new SopApIsi(sop, versi);
        var texts = isi.Identitas.SelectMany(r => r.Isi.Append(r.Label))
            .Concat(isi.Alur.SelectMany(b => b.Kelengkapan.Concat(b.Ket).Concat([b.No, b.Langkah.Uraian, b.Waktu, b.Output])))
            .Concat(sop.Pelaksana.Select(p => p.Nama)).Append(sop.Judul);
        using var k = new PdfKanvas(sop.Judul, sop.Unit, texts);
        k.NewPage();
        SopPdfIdentitas.Draw(k, isi);
        SopPdfAlur.Draw(k, isi);
        var left = $"{sop.Kode} · Versi {versi} ({SopApIsi.RevisiKe(versi)})";
        return k.Save((g, page, pages) =>
        {
            var y = PdfKanvas.PageH - 20;
            g.DrawLine(new XPen(XColors.Gray, 0.4), PdfKanvas.Left, y - 9, PdfKanvas.Right, y - 9);
            g.DrawString(left, k.Small, XBrushes.Black, PdfKanvas.Left, y);
            var right = $"Halaman {page} dari {pages}";
            g.DrawString(right, k.Small, XBrushes.Black, PdfKanvas.Right - g.MeasureString(right, k.Small).Width, y);
        });
    }

    public static string FileName(SopDefinition sop, int versi, string ext) => SopApIsi.NamaBerkas(sop, versi, ext);
}
