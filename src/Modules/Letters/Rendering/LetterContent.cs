namespace CampusKonseling.Letters.Rendering;

/// <summary>A piece of text; <see cref="Kosong"/> marks a placeholder without a value (shown as "…").</summary>
public sealed record Run(string Text, bool Bold = false, bool Kosong = false);

public abstract record Blok;

/// <summary>A paragraph; a "\n" inside a run is a line break.</summary>
public sealed record Paragraf(IReadOnlyList<Run> Runs) : Blok;

/// <summary>A "label : value" row, as in the identity block of a berita acara.</summary>
public sealed record Baris(IReadOnlyList<Run> Label, IReadOnlyList<Run> Nilai) : Blok;

public sealed record KopSurat(string? Instansi, string Kampus, string? Unit, string? Alamat, string? Kontak, string? LogoUrl);

public sealed record TandaTangan(string TempatTanggal, IReadOnlyList<Run> Jabatan, IReadOnlyList<Run>? Nama, IReadOnlyList<Run>? Nip);

/// <summary>Everything a letter shows, already filled: what both the PDF and the print view draw.</summary>
public sealed record LetterContent(
    KopSurat Kop, string Judul, string Nomor, int Versi, IReadOnlyList<Run>? Perihal, IReadOnlyList<Blok> Kepada,
    IReadOnlyList<Blok> Isi, TandaTangan Ttd, IReadOnlyList<string> Kosong);
