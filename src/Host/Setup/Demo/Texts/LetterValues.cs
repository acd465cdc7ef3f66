using System.Globalization;

namespace CampusKonseling.Host.Setup.Demo.Texts;

/// <summary>
/// The blanks a letter's template leaves after the case or programme filled what it knows: what staff would type on the
/// letter form. Every placeholder gets a value, so the demo's letters read as finished documents.
/// </summary>
public static class LetterValues
{
    private static readonly CultureInfo Id = CultureInfo.GetCultureInfo("id-ID");

    /// <param name="local">The letter's day as the campus reads it.</param>
    /// <param name="people">Names the letter may need beside the case's: signer, accompanying staff, examiner.</param>
    public static void Fill(IDictionary<string, string> values, DateTime local, Random rng, IReadOnlyDictionary<string, string> people)
    {
        foreach (var name in values.Keys.ToList())
        {
            if (!string.IsNullOrWhiteSpace(values[name])) continue;
            values[name] = people.TryGetValue(name, out var person) ? person : For(name, local, rng);
        }
    }

    private static string For(string name, DateTime local, Random rng) => name switch
    {
        _ when name.StartsWith("tanggal", StringComparison.Ordinal) => local.ToString("d MMMM yyyy", Id),
        _ when name.StartsWith("waktu", StringComparison.Ordinal) => $"{rng.Pick(["09.00", "10.00", "13.00", "14.00"])} WIB",
        _ when name.StartsWith("tempat", StringComparison.Ordinal) => "Ruang Konseling, Gedung Layanan Mahasiswa Lt. 2",
        _ when name.StartsWith("nip", StringComparison.Ordinal) => $"19{rng.Next(70, 90)}0{rng.Next(1, 9)}1{rng.Next(0, 9)} 20{rng.Next(10, 20)}0{rng.Next(1, 9)} 1 00{rng.Next(1, 9)}",
        _ when name.StartsWith("disposisi", StringComparison.Ordinal) => "Untuk ditindaklanjuti sesuai ketentuan.",
        "jumlah_sesi" => rng.Pick(["1 (satu) sesi", "2 (dua) sesi", "3 (tiga) sesi"]),
        "tindak_lanjut" => rng.Pick(["Konseli dapat mengikuti sesi tindak lanjut bila diperlukan.", "Dipantau melalui dosen pembimbing akademik selama satu semester.", "Tidak diperlukan tindak lanjut; layanan selesai."]),
        "bentuk_layanan" or "layanan" => rng.Pick(["Konseling individual", "Konseling online", "Asesmen dan konseling"]),
        "perihal" => rng.Pick(["Pendampingan layanan konseling", "Laporan pelaksanaan layanan konseling", "Permohonan tindak lanjut layanan"]),
        "uraian" => "Mohon pendampingan sesuai hasil penelaahan konselor.",
        "kesimpulan" => rng.Pick(["Kondisi psikologis stabil; dapat mengikuti kegiatan akademik.", "Terdapat gejala kecemasan ringan hingga sedang."]),
        "rekomendasi" => rng.Pick(["Konseling lanjutan dua minggu sekali selama satu bulan.", "Pengawasan oleh pengasuh dan kontrol ulang satu bulan."]),
        "masa_pengawasan" => rng.Pick(["1 (satu) bulan", "3 (tiga) bulan"]),
        "pedoman" => "Pedoman pengawasan dan pendampingan (dokumen unit)",
        "unit_terkait" or "unit_kerja" => rng.Pick(["Bagian Pengasuhan", "Bagian Akademik", "Program Studi terkait"]),
        "perkembangan" => "Menunjukkan perkembangan positif; kehadiran dan keterlibatan dalam kegiatan membaik.",
        "telaah_konselor" => "Perkembangan sesuai rencana; pendampingan dapat diakhiri dengan pemantauan berkala.",
        "sumber" => "Permohonan sendiri",
        "status" => "Mahasiswa aktif",
        "kontak" => "melalui e-mail dan telepon yang tercatat",
        "jumlah_peserta" or "hasil" => "sesuai daftar hadir",
        "evaluasi" => "belum ada evaluasi peserta",
        _ => "sesuai berkas",
    };
}
