namespace CampusKonseling.Tests.Sop.Dokumen;

/// <summary>
/// One SOP of a seed document and the shipped recipe transcribed from it, with what the transcriber did beyond the document
/// (each from the SOP's "catatan"): spelling fixed in the uraian, fields changed by hand, lanes split or added, and steps
/// added (each tied to the row and field where the draft must list it instead).
/// </summary>
public sealed record SeedSop(string Name, string Seed, int Draft, string Recipe, string Kode)
{
    public (string From, string To)[] Ejaan { get; init; } = [];
    /// <summary>(draft step id, field) the recipe changed by hand, with the catatan's reason.</summary>
    public Dictionary<(string Id, string Field), string> Diubah { get; init; } = new();
    /// <summary>Recipe lanes the document has not: split or added by hand (the draft's own lane names are in the recipe).</summary>
    public string[] LajurDiubah { get; init; } = [];
    /// <summary>Recipe steps not in the document: step id → (draft row or null for the SOP, field) where the draft lists it.</summary>
    public Dictionary<string, (string? Row, string Field)> Ditambah { get; init; } = new();
    /// <summary>Draft step id → recipe step id, when not the recipe's steps in order (IUQI's table rows among its stages).</summary>
    public Dictionary<string, string>? Pasangan { get; init; }

    public override string ToString() => Name;

    public static readonly SeedSop[] All =
    [
        new("unipma-a", "000_3718d91c34051f21.txt", 0, "unipma", "SOP.P2KLLK-04")
        {
            Ejaan = [("menghubungkan", "menghubungi"), ("dibuahkan", "dibuatkan")],
            LajurDiubah = ["P2KLLK — Tata Usaha (TU)", "P2KLLK — Kepala/Sekretaris"],
        },
        new("unipma-b", "000_3718d91c34051f21.txt", 1, "unipma", "SOP.P2KLLK-04-B")
        {
            Diubah = { [("1", "uraian")] = "uraian langkah 1 dilengkapi dari Definisi Istilah butir a" },
        },
        new("unpam", "002_44814c9131582817.txt", 0, "unpam", "146/A.3.1/SOP/UNPAM/X/2019")
        {
            Ditambah = { ["7"] = (null, "pelaksana") }, // "Langkah 7 ditambahkan": the Konselor lane no row marks
        },
        new("ipdn-praja", "003_184da0867f7808c4.txt", 0, "ipdn", "IPDN-BK-PRAJA")
        {
            Ejaan = [("pragnosa", "prognosa")],
            Diubah = { [("7", "kelengkapan")] = "kelengkapan baris 7 adalah hasil langkah itu sendiri, dijadikan aksinya" },
        },
        new("ipdn-pegawai", "003_184da0867f7808c4.txt", 1, "ipdn", "IPDN-BK-PEGAWAI")
        {
            Ejaan = [("pragnosa", "prognosa")],
            Diubah = { [("7", "kelengkapan")] = "kelengkapan baris 7 adalah hasil langkah itu sendiri, dijadikan aksinya" },
        },
        new("ipdn-online", "003_184da0867f7808c4.txt", 2, "ipdn", "IPDN-BK-ONLINE-PRAJA")
        {
            Ejaan = [("menyamoaikan", "menyampaikan"), ("pragnosa", "prognosa"), ("converence", "conference")],
            Diubah =
            {
                [("1", "uraian")] = "tanda kutip penutup alamat formulir hilang pada tabel",
                [("7", "output")] = "keluaran langkah 7 dinamai 'Laporan Praja' sesuai kelengkapan langkah 8",
                [("8", "output")] = "keluaran 'Disposisi', sesuai kolom Output baris 8",
                [("9", "kelengkapan")] = "kelengkapan 'Laporan Disposisi' langkah 9 ditulis 'Disposisi'",
            },
        },
        new("ipdn-terapi", "003_184da0867f7808c4.txt", 3, "ipdn", "IPDN-BK-TERAPI")
        {
            Ejaan = [("dsposisi", "disposisi")],
            LajurDiubah = ["Staf pendamping"],
            Diubah =
            {
                [("3", "kelengkapan")] = "kelengkapan 'Nota Dinas' pada baris 3 adalah hasil langkah itu sendiri, dijadikan aksinya",
                [("3", "output")] = "Nota Dinas (aksi langkah 3)",
                [("5", "output")] = "Psikiater mengunggah 'Surat Hasil Pemeriksaan' (aksi unggah)",
                [("6", "output")] = "laporan tertulis sebagai 'Nota Dinas Laporan Hasil Pemeriksaan'",
                [("7", "output")] = "keluaran langkah 7–9 dinamai 'Disposisi' (tabel: 'Dokumen')",
                [("8", "output")] = "keluaran langkah 7–9 dinamai 'Disposisi' (tabel: 'Dokumen')",
                [("9", "output")] = "keluaran langkah 7–9 dinamai 'Disposisi' (tabel: 'Dokumen')",
                [("8", "kelengkapan")] = "kelengkapan langkah 8 ditambah 'Disposisi'",
            },
        },
        new("iuqi", "004_fa800e4d3edd244d.txt", 0, "iuqi", "28/BK-LMMBK/DOK.IUQI/2020")
        {
            // The table (E. Durasi Waktu Kegiatan) is read; the ten stages of D. are listed as a finding, and the recipe merged both.
            Pasangan = new() { ["1"] = "6", ["2"] = "E2", ["3"] = "E3", ["4"] = "E4" },
            Ditambah = { ["1"] = (null, "langkah"), ["2"] = (null, "langkah"), ["3"] = (null, "langkah"), ["4"] = (null, "langkah"), ["5"] = (null, "langkah"),
                         ["7"] = (null, "langkah"), ["8"] = (null, "langkah"), ["9"] = (null, "langkah"), ["10"] = (null, "langkah") },
            LajurDiubah = ["D — Rektor"],
            Diubah =
            {
                [("1", "no")] = "tahap 6 disamakan dengan kegiatan E.1", [("2", "no")] = "no. 'E.2'", [("3", "no")] = "no. 'E.3'", [("4", "no")] = "no. 'E.4'",
                [("1", "uraian")] = "tahap 6 'Sosialisasi Layanan Kemahasiswaan' disamakan dengan kegiatan E.1",
                [("1", "waktu")] = "durasi dibaca sebagai tenggat terhadap tanggal program: 2 hari sebelum pendaftaran",
                [("2", "waktu")] = "1 hari setelah pendaftaran ditutup", [("3", "waktu")] = "1 hari sebelum pelaksanaan",
                [("4", "waktu")] = "2 hari sejak pelaksanaan dimulai",
            },
        },
        new("ik-rujukan", "001_c924b268afc0362d.txt", 0, "konseling-asesmen", "IK-KA-RUJUKAN")
        {
            Ejaan = [("Asesment", "Asesmen")],
            Ditambah = { ["k5"] = ("5", "pilihan") },
        },
        new("ik-inisiatif", "001_c924b268afc0362d.txt", 1, "konseling-asesmen", "IK-KA-INISIATIF")
        {
            Ejaan = [("Asesment", "Asesmen")],
            Ditambah = { ["k4"] = ("4", "pilihan"), ["k6"] = ("6", "pilihan") },
        },
    ];
}
