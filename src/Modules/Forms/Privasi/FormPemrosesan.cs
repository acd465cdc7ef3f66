using CampusKonseling.Forms.Definitions;
using CampusKonseling.Forms.Intake;
using CampusKonseling.Privasi;

namespace CampusKonseling.Forms.Privasi;

/// <summary>
/// Each published form as a processing activity: the fields it asks (specific where they name health or counseling
/// content), its consent as the lawful basis and the retention the consent promises, and the SOP its requests start.
/// </summary>
public sealed class FormPemrosesan(FormCatalog catalog) : IKegiatanPemrosesan
{
    public async Task<IReadOnlyList<KegiatanPemrosesan>> KegiatanAsync(CancellationToken ct) =>
        (await catalog.InForceAsync(ct)).Select(v => Describe(v.Form)).ToList();

    public static KegiatanPemrosesan Describe(FormDefinition form)
    {
        var fields = form.Isian.Where(i => JenisIsian.TakesAnswer(i.Jenis) && i.Jenis != JenisIsian.Persetujuan).ToList();
        var spesifik = fields.Where(IsSpesifik).Select(i => i.Label).ToList();
        var umum = fields.Where(i => !IsSpesifik(i)).Select(i => i.Label).ToList();
        var consent = form.Isian.FirstOrDefault(i => i.Jenis == JenisIsian.Persetujuan);
        return new KegiatanPemrosesan(
            $"formulir:{form.Kode}", "formulir", form.Kode, form.Judul,
            form.Deskripsi ?? $"Menerima permohonan \"{form.Judul}\"{(form.Sop is null ? "" : $" dan menjalankannya menurut SOP {form.Sop}")}.",
            "Pemohon layanan (mahasiswa, alumni, praja, pegawai, atau masyarakat yang mengisi formulir)",
            umum, spesifik,
            [form.Sop is null ? "Unit layanan pengelola formulir" : $"Pelaksana SOP {form.Sop}"], [],
            consent is null ? "Pelaksanaan tugas unit layanan (tanpa persetujuan tertulis di formulir)" : $"Persetujuan pemohon di formulir{(consent.Versi is null ? "" : $" (versi {consent.Versi})")}",
            consent?.RetensiHari is { } days ? $"{days} hari (janji persetujuan)" : "Tidak ditetapkan di formulir; mengikuti retensi arsip kampus");
    }

    /// <summary>The problem told to the unit, and fields whose label names specific data (not their help text: "the link to your counseling is sent here" is an e-mail).</summary>
    private static bool IsSpesifik(Isian i) => i.Petakan == Petakan.Masalah || DataSpesifik.Is(i.Label);
}
