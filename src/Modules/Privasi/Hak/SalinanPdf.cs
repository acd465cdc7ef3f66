using CampusKonseling.Privasi.Dokumen;

namespace CampusKonseling.Privasi.Hak;

/// <summary>The copy as a readable A4 document: who, what was decided about the notes, then each kind of record, label and value.</summary>
public static class SalinanPdf
{
    public static byte[] Render(Salinan s)
    {
        using var doc = new PdfRingkas(s.Kampus, $"Salinan data pribadi {s.Nomor}");
        doc.Baris("Permintaan", s.Nomor);
        doc.Baris("Subjek data", s.Email);
        doc.Baris("Dibuat", s.DibuatPada);
        doc.Baris("Catatan konseling", s.CatatanDisertakan ? "Disertakan setelah ditelaah konselor" : $"Ditahan setelah ditelaah konselor{(s.AlasanDitahan is { } a ? $": {a}" : "")}");
        foreach (var bagian in s.Bagian)
        {
            doc.Bagian(bagian.Judul);
            foreach (var baris in bagian.Baris)
            {
                doc.Garis();
                foreach (var (label, value) in baris) doc.Baris(label, value);
            }
        }
        return doc.Save();
    }
}
