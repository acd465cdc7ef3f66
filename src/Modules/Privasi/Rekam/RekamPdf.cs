using CampusKonseling.Privasi.Dokumen;

namespace CampusKonseling.Privasi.Rekam;

/// <summary>The record of processing activities as a PDF for the DPO's file: the officer, then every activity with its rows.</summary>
public static class RekamPdf
{
    public static byte[] Write(string kampus, PejabatPdp? pejabat, IReadOnlyList<BarisRekam> baris, string dibuat)
    {
        using var doc = new PdfRingkas(kampus, "Rekaman kegiatan pemrosesan data pribadi");
        doc.Baris("Dasar", "UU Nomor 27 Tahun 2022 tentang Pelindungan Data Pribadi, Pasal 31");
        doc.Baris("Pejabat PDP", pejabat is null ? "Belum ditetapkan" : $"{pejabat.Nama}{(pejabat.Jabatan is { } j ? $" ({j})" : "")}, {pejabat.Email}{(pejabat.Telepon is { } t ? $", {t}" : "")}");
        doc.Baris("Dibuat", dibuat);
        doc.Baris("Pengamanan", string.Join("\n", RekamPemrosesan.Pengamanan));
        foreach (var b in baris)
        {
            var k = b.Kegiatan;
            doc.Bagian($"{(k.Jenis == "formulir" ? "Formulir" : "SOP")}: {k.Nama}");
            doc.Baris("Kode", k.Kode);
            doc.Baris("Tujuan", b.Tujuan);
            doc.Baris("Subjek data", k.Subjek);
            doc.Baris("Data pribadi umum", string.Join(", ", k.DataUmum));
            doc.Baris("Data pribadi spesifik", string.Join(", ", k.DataSpesifik));
            doc.Baris("Penerima", string.Join(", ", k.Penerima));
            if (k.PenerimaLuar.Count > 0) doc.Baris("Penerima di luar kampus", string.Join(", ", k.PenerimaLuar));
            doc.Baris("Dasar pemrosesan", k.Dasar);
            doc.Baris("Retensi", k.Retensi);
            if (b.Catatan is not null) doc.Baris("Catatan pejabat PDP", b.Catatan);
        }
        return doc.Save();
    }
}
