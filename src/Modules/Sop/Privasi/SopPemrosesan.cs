using CampusKonseling.Privasi;
using CampusKonseling.Sop.Definitions;
using CampusKonseling.Sop.Runtime;

namespace CampusKonseling.Sop.Privasi;

/// <summary>
/// Each SOP in force as a processing activity: the case data its steps keep, its letters and documents, the roles of its
/// lanes as recipients and, where a step refers the client out, the referral party as an external recipient.
/// </summary>
public sealed class SopPemrosesan(SopCatalog catalog) : IKegiatanPemrosesan
{
    public async Task<IReadOnlyList<KegiatanPemrosesan>> KegiatanAsync(CancellationToken ct) =>
        (await catalog.InForceAsync(ct)).Select(x => Describe(x.Sop)).ToList();

    public static KegiatanPemrosesan Describe(SopDefinition sop)
    {
        var umum = new List<string> { "Identitas dan kontak klien", "Data administrasi layanan (langkah, waktu, petugas)" };
        var spesifik = new List<string>();
        var texts = sop.Langkah.SelectMany(l => new[] { l.Uraian, l.Output }.Concat(l.Kelengkapan)).Prepend(sop.Judul).ToList();
        if (DataSpesifik.Is([.. texts])) spesifik.Add("Isi layanan konseling dan catatannya (tingkat kerahasiaan konseling/klinis)");
        foreach (var dokumen in sop.Langkah.SelectMany(l => l.Aksi).Where(a => a.Jenis == "unggah" && a.Dokumen is not null).Select(a => a.Dokumen!).Distinct())
            (DataSpesifik.Is(dokumen) ? spesifik : umum).Add($"Dokumen: {dokumen}");
        foreach (var templat in sop.Langkah.SelectMany(l => l.Aksi).Where(a => a.Jenis == "surat" && a.Templat is not null).Select(a => a.Templat!).Distinct())
            umum.Add($"Surat: {templat}");
        if (sop.Langkah.Any(l => l.Aksi.Any(a => a.Jenis is "rujukan" or "hasilRujukan"))) spesifik.Add("Surat rujukan dan hasil layanan eksternal");

        var penerima = sop.Pelaksana.Where(p => !p.Klien && p.Peran is not null).Select(p => p.Peran == p.Nama ? p.Peran! : $"{p.Peran} ({p.Nama})").Distinct().ToList();
        // Every lane but the client's is a campus role (the validator requires it); data leaves the campus through a referral.
        var luar = new List<string>();
        if (sop.Langkah.Any(l => l.Aksi.Any(a => a.Jenis == "rujukan"))) luar.Add("Pihak rujukan eksternal yang dituju");
        return new KegiatanPemrosesan(
            $"sop:{sop.Kode}", "sop", sop.Kode, sop.Judul,
            $"Menjalankan layanan \"{sop.Judul}\" menurut SOP {sop.Kode}{(sop.Unit is null ? "" : $" di {sop.Unit}")}.",
            sop.Pelaksana.Any(p => p.Klien) ? string.Join(", ", sop.Pelaksana.Where(p => p.Klien).Select(p => p.Nama)) : "Klien layanan",
            umum, spesifik, penerima, luar.Distinct().ToList(),
            "Pelaksanaan tugas unit layanan dan persetujuan klien pada permohonannya",
            sop.RetensiHari is { } days ? $"{days} hari setelah layanan selesai, lalu dimusnahkan" : "Mengikuti retensi arsip kampus");
    }
}
