namespace CampusKonseling.Host.Setup.Demo.Texts;

/// <summary>Programme titles, themes and speakers (fictitious) for workshops and socialisations.</summary>
public static class Programmes
{
    public static readonly (string Judul, string Tema)[] Workshop =
    [
        ("Workshop Minat Bakat: Mengenal Diri untuk Memilih Karier", "Asesmen minat dan gaya kerja"),
        ("Workshop Minat Bakat: Menulis CV dan Portofolio", "CV, portofolio, dan personal branding"),
        ("Workshop Minat Bakat: Simulasi Wawancara Kerja", "Menjawab pertanyaan perilaku"),
        ("Workshop Minat Bakat: Wirausaha Muda Kampus", "Dari hobi menjadi usaha"),
        ("Workshop Minat Bakat: Kepemimpinan dan Organisasi", "Kepemimpinan mahasiswa"),
        ("Workshop Minat Bakat: Persiapan Studi Lanjut", "Beasiswa dan studi S2"),
    ];

    public static readonly (string Judul, string Tema)[] Sosialisasi =
    [
        ("Sosialisasi Minat, Bakat, dan Karir: Peta Karier Lulusan", "Peluang kerja per program studi"),
        ("Sosialisasi Minat, Bakat, dan Karir: Kompetisi dan Prestasi", "Lomba mahasiswa tingkat nasional"),
        ("Sosialisasi Minat, Bakat, dan Karir: Magang dan MBKM", "Program magang bersertifikat"),
        ("Sosialisasi Minat, Bakat, dan Karir: Beasiswa", "Beasiswa dalam dan luar negeri"),
        ("Sosialisasi Minat, Bakat, dan Karir: UKM dan Bakat Seni", "Unit kegiatan mahasiswa"),
        ("Sosialisasi Minat, Bakat, dan Karir: Kewirausahaan", "Memulai usaha mahasiswa"),
    ];

    public static readonly string[] Narasumber =
    [
        "Drs. Hendro Wicaksono, M.M. (praktisi SDM, fiktif)", "Rahayu Kusumaningrum, M.Psi., Psikolog (fiktif)",
        "Ir. Bagus Prakoso (pengusaha alumni, fiktif)", "Dr. Lina Marlina, M.Pd. (fiktif)",
    ];

    public static readonly string[] Tempat = ["Aula Gedung Rektorat Lt. 3", "Ruang Seminar Perpustakaan", "Gedung Serbaguna Kampus"];

    public static readonly string[] Komentar =
    [
        "Materinya sangat membantu saya mengenal minat sendiri.", "Waktunya terlalu singkat, semoga ada sesi lanjutan.",
        "Narasumber komunikatif dan contohnya relevan.", "Sebaiknya ada pembagian materi sebelum acara.", "Terima kasih, sangat bermanfaat.",
    ];
}
