namespace CampusKonseling.Sop.Dokumen;

/// <summary>
/// The national SOP AP layout (Kementerian PAN-RB's guideline for SOP Administrasi Pemerintahan) as this platform writes
/// it (<c>SopDocumentWriter</c>: DOCX and PDF) and reads it (<c>SopDocumentReader</c>: DOCX and text pasted from a PDF).
/// The writer uses exactly these words, so a document it wrote reads back to the same SOP; the reader also accepts the
/// variants the campuses' own documents use (see <see cref="Variants"/>).
/// </summary>
public static class SopApFormat
{
    // The identity block: label | value, one row each (lists as numbered lines "1. …").
    public const string NomorSop = "Nomor SOP";
    public const string TanggalPembuatan = "Tanggal Pembuatan";
    public const string TanggalRevisi = "Tanggal Revisi";
    public const string TanggalEfektif = "Tanggal Efektif";
    public const string DisahkanOleh = "Disahkan oleh";
    public const string NamaSop = "Nama SOP";
    public const string Unit = "Unit";
    public const string DasarHukum = "Dasar Hukum";
    public const string KualifikasiPelaksana = "Kualifikasi Pelaksana";
    public const string Keterkaitan = "Keterkaitan";
    public const string Peralatan = "Peralatan/Perlengkapan";
    public const string Peringatan = "Peringatan";
    public const string Pencatatan = "Pencatatan dan Pendataan";

    // The flowchart table's columns, left to right: No | Kegiatan | one column per Pelaksana (its name) | the three
    // Mutu Baku columns | Ket. The first header row groups them ("Pelaksana", "Mutu Baku").
    public const string No = "No";
    public const string Kegiatan = "Kegiatan";
    public const string Pelaksana = "Pelaksana";
    public const string MutuBaku = "Mutu Baku";
    public const string Kelengkapan = "Kelengkapan";
    public const string Waktu = "Waktu";
    public const string Output = "Output";
    public const string Ket = "Ket";

    // A lane cell of the step's actor(s) holds the flowchart symbol (drawn in the PDF; in the DOCX as this character,
    // which the reader also accepts, as it accepts any mark in a lane cell).
    public const string Terminator = "⬭"; // mulai, selesai
    public const string Kegiatan_ = "▭";  // an activity (tugas)
    public const string Keputusan = "◇";  // a decision

    // The Ket column carries what the flowchart's arrows say, one clause per line, after any remark of the document's own:
    //   a decision's outcomes:      "Jika {pilihan}: ke langkah {no}"
    //   a jump (next is not the next row, or several): "Lanjut ke langkah {no}[, {no}…]"
    public const string JikaFormat = "Jika {0}: ke langkah {1}";
    public const string LanjutFormat = "Lanjut ke langkah {0}";

    /// <summary>Header words of the campuses' documents read as the ones above (UNPAM, UNIPMA, IPDN, IUQI).</summary>
    public static readonly IReadOnlyDictionary<string, string> Variants = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["Uraian"] = Kegiatan, ["Uraian Prosedur"] = Kegiatan, ["Uraian Kegiatan"] = Kegiatan, ["Aktivitas"] = Kegiatan,
        ["Baku Mutu"] = MutuBaku, ["Persyaratan/Kelengkapan"] = Kelengkapan, ["Luaran"] = Output, ["Keterangan"] = Ket,
        ["No."] = No, ["Nomor"] = No,
        ["TGL PEMBUATAN"] = TanggalPembuatan, ["TGL REVISI"] = TanggalRevisi, ["TGL EFEKTIF"] = TanggalEfektif,
        ["DISAHKANOLEH"] = DisahkanOleh, ["NAMASOP"] = NamaSop, ["NOMOR SOP"] = NomorSop,
    };
}
