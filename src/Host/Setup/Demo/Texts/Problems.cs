namespace CampusKonseling.Host.Setup.Demo.Texts;

/// <summary>What clients write when they ask for help, by area; fictitious, in the words a student would use.</summary>
public static class Problems
{
    public static readonly string[] Bidang = ["Akademik", "Karier", "Pribadi", "Sosial", "Keluarga"];

    private static readonly Dictionary<string, string[]> ByBidang = new()
    {
        ["Akademik"] =
        [
            "Nilai saya turun dua semester berturut-turut dan saya takut tidak lulus tepat waktu. Saya sulit fokus saat belajar.",
            "Saya kesulitan menyusun proposal skripsi dan sudah tiga kali ditolak. Saya mulai menghindari dosen pembimbing.",
            "Saya sering terlambat mengumpulkan tugas karena menunda-nunda, lalu merasa bersalah dan cemas menjelang ujian.",
            "Saya merasa salah memilih jurusan dan tidak menikmati perkuliahan. Saya ingin tahu apakah sebaiknya pindah prodi.",
            "IPK saya di bawah syarat beasiswa. Saya khawatir beasiswa dicabut dan tidak tahu cara memperbaiki cara belajar.",
            "Saya gugup berlebihan saat presentasi di kelas sampai tangan gemetar, dan nilai presentasi saya selalu rendah.",
        ],
        ["Karier"] =
        [
            "Saya akan lulus semester ini dan belum tahu pekerjaan apa yang cocok dengan minat dan kemampuan saya.",
            "Saya sudah melamar ke banyak perusahaan tetapi belum pernah lolos wawancara. Saya ingin belajar menyiapkan diri.",
            "Saya bingung memilih antara melanjutkan studi S2 atau langsung bekerja, dan orang tua punya harapan berbeda.",
            "Saya ingin menyusun CV dan surat lamaran yang baik untuk magang di instansi pemerintah.",
            "Saya sudah bekerja setahun setelah lulus tetapi merasa tidak cocok dan ingin beralih bidang.",
            "Saya tertarik berwirausaha tetapi tidak tahu harus mulai dari mana dan takut gagal.",
        ],
        ["Pribadi"] =
        [
            "Akhir-akhir ini saya sulit tidur, mudah lelah, dan kehilangan semangat melakukan hal yang dulu saya sukai.",
            "Saya sering merasa cemas tanpa alasan yang jelas, terutama pada malam hari, dan itu mengganggu kuliah saya.",
            "Saya merasa tidak percaya diri dan selalu membandingkan diri dengan teman-teman yang lebih berprestasi.",
            "Saya baru putus hubungan dan sulit menerima keadaan. Saya jadi jarang masuk kuliah.",
            "Saya mudah marah dan sering menyesal setelahnya. Saya ingin belajar mengelola emosi.",
        ],
        ["Sosial"] =
        [
            "Saya merasa dikucilkan di kelompok tugas dan tidak punya teman dekat sejak pindah ke kota ini.",
            "Saya sulit beradaptasi dengan lingkungan asrama dan sering berselisih dengan teman sekamar.",
            "Saya mengalami perundungan lewat media sosial oleh teman satu angkatan dan tidak tahu harus melapor ke mana.",
            "Saya canggung berbicara dengan orang baru sehingga menghindari kegiatan organisasi.",
        ],
        ["Keluarga"] =
        [
            "Orang tua saya sedang dalam proses perceraian dan saya sulit berkonsentrasi pada kuliah.",
            "Keluarga saya mengalami kesulitan ekonomi dan saya harus bekerja paruh waktu sambil kuliah; saya kewalahan.",
            "Orang tua menuntut saya segera lulus dan bekerja, padahal saya masih tertinggal beberapa mata kuliah.",
            "Salah satu anggota keluarga saya sakit berat dan saya sering pulang kampung sehingga banyak tertinggal kuliah.",
        ],
    };

    public static string For(Random rng, string? bidang) =>
        rng.Pick(ByBidang.TryGetValue(bidang ?? "", out var texts) ? texts : ByBidang[rng.Pick(Bidang)]);

    /// <summary>The area a form's choice names (UNPAM's Akademik/Personal), else the nearest of ours.</summary>
    public static string Nearest(string choice) => choice.ToLowerInvariant() switch
    {
        var c when c.Contains("akademik") => "Akademik",
        var c when c.Contains("karir") || c.Contains("karier") => "Karier",
        var c when c.Contains("sosial") => "Sosial",
        var c when c.Contains("keluarga") => "Keluarga",
        _ => "Pribadi",
    };
}
