using CampusKonseling.Sop.Definitions;

namespace CampusKonseling.Sop.Dokumen;

/// <summary>
/// One SOP read from a document: the definition as far as the document says it, what could not be read
/// (<see cref="Temuan"/>, highlighted for the admin) and what the admin must bind before it can run (<see cref="Ikatan"/>).
/// Nothing runs until the admin reviews and publishes it.
/// </summary>
public sealed record SopDraft(SopDefinition Definisi, IReadOnlyList<Temuan> Temuan, IReadOnlyList<Ikatan> Ikatan)
{
    /// <summary>Findings of a row ("3", "3a" as the document numbers it) or of the whole SOP (null).</summary>
    public IEnumerable<Temuan> Baris(string? no) => Temuan.Where(t => t.Baris == no);
}

public enum TingkatTemuan { Info, Peringatan, Galat }

/// <summary>Something the reader could not read or had to guess: the row as the document numbers it (null: the whole SOP), the field, an Indonesian message.</summary>
public sealed record Temuan(string? Baris, string Kolom, string Pesan, TingkatTemuan Tingkat = TingkatTemuan.Peringatan)
{
    public override string ToString() => $"{(Baris is null ? "" : $"baris {Baris}: ")}{Kolom}: {Pesan}";
}

public enum JenisIkatan { Lajur, Luaran }

/// <summary>
/// A binding the admin makes: a lane to a role, the client or an assignee (<see cref="JenisIkatan.Lajur"/>), an output to a
/// letter template or a document kind (<see cref="JenisIkatan.Luaran"/>). <see cref="Langkah"/> are the step ids concerned.
/// </summary>
public sealed record Ikatan(JenisIkatan Jenis, string Nama, string? Id, IReadOnlyList<string> Langkah)
{
    public string Pesan => Jenis == JenisIkatan.Lajur
        ? $"lajur '{Nama}': ikat ke peran kampus, ke klien, atau ke orang yang ditugaskan"
        : $"luaran '{Nama}': ikat ke templat surat atau jenis dokumen";
}
