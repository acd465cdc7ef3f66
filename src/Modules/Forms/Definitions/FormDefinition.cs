namespace CampusKonseling.Forms.Definitions;

/// <summary>An intake form of the campus site, the SOP it starts, and how its answers map onto the case.</summary>
public sealed record FormDefinition
{
    /// <summary>URL slug: the form lives at /formulir/{kode}.</summary>
    public required string Kode { get; init; }
    public required string Judul { get; init; }
    public string? Deskripsi { get; init; }
    /// <summary>Code of the SOP a submission starts; null stores the submission only (e.g. workshop registration).</summary>
    public string? Sop { get; init; }
    /// <summary>What the requester reads after sending, besides the tracking code and the next step.</summary>
    public string? Selesai { get; init; }
    public required IReadOnlyList<Isian> Isian { get; init; }
    /// <summary>Registration makes an account in this role and e-mails a link to set its password (UNPAM E-konseling).</summary>
    public BuatAkun? BuatAkun { get; init; }

    public Isian? Find(string id) => Isian.FirstOrDefault(i => i.Id == id);
    public Isian? Mapped(string target) => Isian.FirstOrDefault(i => i.Petakan == target);
}

public static class JenisIsian
{
    public const string Teks = "teks", TeksPanjang = "teksPanjang", Email = "email", Telepon = "telepon", Angka = "angka", Tanggal = "tanggal",
        Pilihan = "pilihan", PilihanGanda = "pilihanGanda", Nim = "nim", Judul = "judul", Bantuan = "bantuan", Persetujuan = "persetujuan", Berkas = "berkas";

    public static readonly IReadOnlySet<string> All = new HashSet<string> { Teks, TeksPanjang, Email, Telepon, Angka, Tanggal, Pilihan, PilihanGanda, Nim, Judul, Bantuan, Persetujuan, Berkas };

    /// <summary>Section headings and help texts show text; they take no answer.</summary>
    public static bool TakesAnswer(string jenis) => jenis is not (Judul or Bantuan);
}

/// <summary>Where an answer goes on the case.</summary>
public static class Petakan
{
    public const string Nama = "nama", Email = "email", Telepon = "telepon", Saluran = "saluran", Masalah = "masalah", Waktu = "waktu",
        Bidang = "bidang", Nim = "nim", JenisKlien = "jenisKlien", Prodi = "prodi";
    public static readonly IReadOnlySet<string> All = new HashSet<string> { Nama, Email, Telepon, Saluran, Masalah, Waktu, Bidang, Nim, JenisKlien, Prodi };
}

/// <summary>One field of a form.</summary>
public sealed record Isian
{
    public required string Id { get; init; }
    public required string Jenis { get; init; }
    public required string Label { get; init; }
    public string? Bantuan { get; init; }
    public bool Wajib { get; init; }
    /// <summary>Length for text types, value for numbers.</summary>
    public decimal? Min { get; init; }
    public decimal? Maks { get; init; }
    /// <summary>A regular expression the answer must match (e.g. the campus's NIM format).</summary>
    public string? Pola { get; init; }
    public IReadOnlyList<string> Pilihan { get; init; } = [];
    /// <summary>"radio" (default) or "select", for single choices.</summary>
    public string? Tampilan { get; init; }
    public TampilJika? TampilJika { get; init; }
    public string? Petakan { get; init; }
    /// <summary>Consent fields: the statement, its version and the retention period it promises.</summary>
    public string? Teks { get; init; }
    public string? Versi { get; init; }
    public int? RetensiHari { get; init; }
    /// <summary>File fields: the kinds accepted (pdf, jpg, png) and the largest size in kilobytes.</summary>
    public IReadOnlyList<string> Tipe { get; init; } = [];
    public int? MaksKb { get; init; }
}

/// <summary>The role given to accounts made at registration; it must hold no permissions.</summary>
public sealed record BuatAkun(string Peran);

/// <summary>Show a field only when an earlier single-choice field has this answer.</summary>
public sealed record TampilJika(string Isian, string Nilai);
