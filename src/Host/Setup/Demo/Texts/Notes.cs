namespace CampusKonseling.Host.Setup.Demo.Texts;

/// <summary>What staff write on a case, by confidentiality tier: the log book (administratif), session notes (konseling), reports upward (pimpinan).</summary>
public static class Notes
{
    public static readonly string[] BukuLog =
    [
        "Klien datang ke ruang layanan dan mengisi buku tamu; identitas diperiksa dan permohonan dicatat.",
        "Klien dihubungi melalui telepon untuk konfirmasi kehadiran; nomor aktif dan bersedia hadir.",
        "Berkas permohonan diperiksa lengkap; klien diberi informasi alur layanan dan waktu baku.",
        "Klien menanyakan jadwal layanan melalui WhatsApp unit; dijawab dan dicatat.",
        "Kelengkapan data klien diperbarui (nomor HP dan program studi).",
    ];

    public static readonly string[] Sesi =
    [
        "Sesi pertama: membangun hubungan, klien menceritakan latar belakang masalah. Klien tampak tegang di awal, lebih terbuka di akhir sesi. Disepakati tujuan: menyusun jadwal belajar yang realistis.",
        "Klien melaporkan tidur membaik setelah menerapkan rutinitas malam. Masih cemas menjelang ujian; diajarkan teknik pernapasan dan restrukturisasi pikiran. Tugas rumah: jurnal kecemasan harian.",
        "Eksplorasi minat dengan inventori minat karier; hasil dominan sosial dan artistik. Klien tertarik bidang pendidikan nonformal. Rencana: informational interview dengan dua alumni.",
        "Klien menyampaikan konflik dengan orang tua terkait pilihan studi. Dilatih komunikasi asertif melalui bermain peran. Klien merasa lebih siap berbicara dengan orang tua.",
        "Evaluasi kemajuan: target sebagian besar tercapai, klien merasa lebih mampu mengelola waktu. Disepakati satu sesi tindak lanjut bila diperlukan.",
        "Klien menunjukkan gejala suasana hati menurun selama lebih dari dua minggu. Dilakukan asesmen risiko: tidak ada ide menyakiti diri. Dipertimbangkan rujukan ke psikolog klinis.",
        "Simulasi wawancara kerja; klien cenderung menjawab terlalu singkat. Diberi umpan balik teknik STAR dan latihan ulang. Klien akan mengirim CV yang sudah diperbaiki.",
    ];

    public static readonly string[] Pimpinan =
    [
        "Kasus dipantau; penanganan sesuai SOP. Mohon laporan perkembangan pada rapat koordinasi bulanan.",
        "Perlu koordinasi dengan program studi terkait penyesuaian beban studi klien.",
        "Kasus ini menjadi perhatian pimpinan; pastikan waktu baku langkah berikutnya dipenuhi.",
        "Rekapitulasi kasus sejenis semester ini diminta untuk bahan evaluasi layanan.",
    ];

    public static readonly string[] Disposisi =
    [
        "Mohon ditindaklanjuti sesuai ketentuan dan dilaporkan hasilnya.",
        "Untuk diproses; koordinasikan dengan unit terkait.",
        "Setuju, laksanakan pendampingan dan laporkan perkembangannya.",
        "Pelajari dan siapkan telaahan staf.",
    ];

    public static readonly string[] LaporanDisposisi =
    [
        "Telah dilaksanakan: pendampingan berjalan, hasil dilampirkan pada berkas kasus.",
        "Sudah dikoordinasikan dengan unit terkait; tindak lanjut sesuai rekomendasi psikolog.",
        "Disposisi telah dilaksanakan dan klien dalam pemantauan unit.",
    ];

    /// <summary>External parties a case is referred to (fictitious).</summary>
    public static readonly (string Kepada, string Jenis, string Layanan)[] Rujukan =
    [
        ("Biro Psikologi Cahaya Nusantara (fiktif)", "psikolog", "asesmen psikologis lanjutan"),
        ("dr. Andika Rahman, Sp.KJ (fiktif)", "psikiater", "pemeriksaan psikiatri"),
        ("RS Jiwa Harapan Sehat (fiktif)", "rumah-sakit", "rawat jalan psikiatri"),
        ("Klinik Tumbuh Kembang Pelangi (fiktif)", "lainnya", "asesmen minat dan bakat lanjutan"),
    ];

    public static readonly string[] HasilRujukan =
    [
        "Hasil asesmen menunjukkan kecemasan tingkat sedang; disarankan konseling lanjutan dua minggu sekali.",
        "Klien menjalani pemeriksaan; diberikan terapi dan kontrol ulang satu bulan. Dapat melanjutkan perkuliahan.",
        "Tidak ditemukan gangguan berat; rekomendasi penguatan dukungan sosial dan kegiatan terstruktur.",
    ];
}
