using System.Globalization;
using CampusKonseling.Sop.Definitions;

namespace CampusKonseling.Sop.Dokumen;

/// <summary>An identity row of the document: its label and its value as lines.</summary>
public sealed record IdentitasBaris(string Label, IReadOnlyList<string> Isi);

/// <summary>
/// A row of the flowchart table as the document prints it: the step, its symbol, the Mutu Baku values and the Ket
/// lines (the step's own remark, then what its arrows say).
/// </summary>
public sealed record AlurBaris(Langkah Langkah, string No, string Simbol, IReadOnlyList<string> Kelengkapan, string Waktu, string Output, IReadOnlyList<string> Ket)
{
    /// <summary>Where the arrows from this row go: (target step, the decision's outcome or null).</summary>
    public IReadOnlyList<(string Ke, string? Pilihan)> Panah { get; init; } = [];
}

/// <summary>What the SOP AP document says, in its words (<see cref="SopApFormat"/>), for both the DOCX and the PDF.</summary>
public sealed class SopApIsi
{
    public SopDefinition Sop { get; }
    public int Versi { get; }
    public IReadOnlyList<IdentitasBaris> Identitas { get; }
    public IReadOnlyList<AlurBaris> Alur { get; }

    public SopApIsi(SopDefinition sop, int versi)
    {
        (Sop, Versi) = (sop, versi);
        Identitas = IdentitasDari(sop, versi);
        Alur = sop.Langkah.Select((l, i) => Baris(sop, l, i + 1 < sop.Langkah.Count ? sop.Langkah[i + 1] : null)).ToList();
    }

    /// <summary>"Revisi ke-2": the version the platform holds is the document's revision.</summary>
    public static string RevisiKe(int versi) => string.Format(CultureInfo.InvariantCulture, "Revisi ke-{0}", versi);

    public static string Simbol(JenisLangkah jenis) => jenis switch
    {
        JenisLangkah.Mulai or JenisLangkah.Selesai => SopApFormat.Terminator,
        JenisLangkah.Keputusan => SopApFormat.Keputusan,
        _ => SopApFormat.Kegiatan_,
    };

    /// <summary>A list as numbered lines "1. …".</summary>
    public static IReadOnlyList<string> Bernomor(IReadOnlyList<string> items) =>
        items.Select((s, i) => string.Create(CultureInfo.InvariantCulture, $"{i + 1}. {s}")).ToList();

    private static List<IdentitasBaris> IdentitasDari(SopDefinition sop, int versi)
    {
        static string Or(string? s) => string.IsNullOrWhiteSpace(s) ? "-" : s;
        // Each approval as it is signed: (its role, when not plainly "Disahkan oleh"), the office, room to sign, the name.
        var disahkan = sop.Pengesahan.SelectMany(p =>
            (string.Equals(p.Sebagai, SopApFormat.DisahkanOleh, StringComparison.OrdinalIgnoreCase) ? [] : new[] { p.Sebagai })
            .Concat([p.Jabatan ?? "", "", p.Nama ?? ""])).ToList();
        return
        [
            new(SopApFormat.NomorSop, [sop.Kode]),
            new(SopApFormat.TanggalPembuatan, [Or(sop.Tanggal.Pembuatan)]),
            new(SopApFormat.TanggalRevisi, [Or(sop.Tanggal.Revisi), RevisiKe(versi)]),
            new(SopApFormat.TanggalEfektif, [Or(sop.Tanggal.Efektif)]),
            new(SopApFormat.DisahkanOleh, disahkan.Count > 0 ? disahkan : ["-"]),
            new(SopApFormat.NamaSop, [sop.Judul]),
            new(SopApFormat.Unit, [Or(sop.Unit)]),
            new(SopApFormat.DasarHukum, Bernomor(sop.DasarHukum)),
            new(SopApFormat.KualifikasiPelaksana, Bernomor(sop.KualifikasiPelaksana)),
            new(SopApFormat.Keterkaitan, Bernomor(sop.Keterkaitan)),
            new(SopApFormat.Peralatan, Bernomor(sop.Peralatan)),
            new(SopApFormat.Peringatan, Bernomor(sop.Peringatan)),
            new(SopApFormat.Pencatatan, Bernomor(sop.Pencatatan)),
        ];
    }

    private static AlurBaris Baris(SopDefinition sop, Langkah l, Langkah? berikut)
    {
        string No(string id) => sop.Find(id)?.Label ?? id;
        var ket = new List<string>();
        if (!string.IsNullOrWhiteSpace(l.Ket)) ket.Add(l.Ket.Trim());
        List<(string, string?)> panah;
        if (l.Jenis == JenisLangkah.Keputusan)
        {
            ket.AddRange(l.Pilihan.Select(p => string.Format(CultureInfo.InvariantCulture, SopApFormat.JikaFormat, p.Nama, No(p.Lanjut))));
            panah = l.Pilihan.Select(p => (p.Lanjut, (string?)p.Nama)).ToList();
        }
        else
        {
            if (l.Lanjut.Count > 0 && !(l.Lanjut.Count == 1 && l.Lanjut[0] == berikut?.Id))
                ket.Add(string.Format(CultureInfo.InvariantCulture, SopApFormat.LanjutFormat, string.Join(", ", l.Lanjut.Select(No))));
            panah = l.Lanjut.Select(id => (id, (string?)null)).ToList();
        }
        return new AlurBaris(l, l.Label, Simbol(l.Jenis), l.Kelengkapan, l.Waktu ?? "", l.Output ?? "", ket) { Panah = panah };
    }

    /// <summary>"IPDN-BK-TERAPI-v2.docx": the SOP code and version, safe as a file name.</summary>
    public static string NamaBerkas(SopDefinition sop, int versi, string ext) =>
        $"{string.Concat($"{sop.Kode}-v{versi}".Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? c : '_'))}.{ext}";
}
