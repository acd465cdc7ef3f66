namespace CampusKonseling.Direktori.Data;

/// <summary>A student as SIAKAD last told us (by CSV import or the API). The NIM is the key.</summary>
public sealed class Student
{
    public required string Nim { get; set; }
    public required string Nama { get; set; }
    public string? Prodi { get; set; }
    public int? Semester { get; set; }
    public required string Status { get; set; }
    public string? Email { get; set; }
    public string? Telepon { get; set; }
    public DateTimeOffset DiperbaruiPada { get; set; }
    /// <summary><see cref="Sumber.Csv"/> or <see cref="Sumber.Api"/>.</summary>
    public required string Sumber { get; set; }
}

public static class Sumber
{
    public const string Csv = "csv", Api = "api";
}

/// <summary>A CSV upload, processed in the background; the counts are its progress.</summary>
public sealed class ImportJob
{
    public Guid Id { get; set; }
    public required string NamaBerkas { get; set; }
    /// <summary>The uploaded file, kept only until the import ends (personal data is not kept twice).</summary>
    public byte[]? Isi { get; set; }
    public required string Status { get; set; }
    public int Dibaca { get; set; }
    public int Diimpor { get; set; }
    public int Ditolak { get; set; }
    /// <summary>Why the whole file was refused (no header, unreadable), as an Indonesian resource key.</summary>
    public string? Pesan { get; set; }
    public DateTimeOffset DibuatPada { get; set; }
    public required string DibuatOleh { get; set; }
    public DateTimeOffset? MulaiPada { get; set; }
    /// <summary>Last sign of life of the node running it; a job silent for long is taken up again.</summary>
    public DateTimeOffset? DenyutPada { get; set; }
    public DateTimeOffset? SelesaiPada { get; set; }
}

public static class ImportStatus
{
    public const string Menunggu = "menunggu", Berjalan = "berjalan", Selesai = "selesai", Gagal = "gagal";
}

/// <summary>One refused cell of an import: file row (the header is row 1), column and an Indonesian message key.</summary>
public sealed class ImportError
{
    public long Id { get; set; }
    public Guid JobId { get; set; }
    public int Baris { get; set; }
    public required string Kolom { get; set; }
    public string? Nilai { get; set; }
    public required string Pesan { get; set; }
}

/// <summary>How the campus portal signs students in: HS256 tokens from one issuer for one audience.</summary>
public sealed class PortalSettings
{
    public int Id { get; set; } = 1;
    public bool Aktif { get; set; }
    public string Penerbit { get; set; } = "";
    public string Audiens { get; set; } = "";
    /// <summary>The one algorithm accepted: HS256 (shared secret) or RS256 (the portal's public keys in <see cref="Jwks"/>).</summary>
    public string Algoritma { get; set; } = Portal.PortalAlgorithms.Hs256;
    /// <summary>The shared HS256 secret, encrypted with Data Protection for this campus.</summary>
    public string? RahasiaProtected { get; set; }
    /// <summary>The portal's public keys for RS256, as the JWKS document the admin pasted (public, so not encrypted).</summary>
    public string? Jwks { get; set; }
    public string KlaimNim { get; set; } = "nim";
    public string Peran { get; set; } = "Mahasiswa";
    public DateTimeOffset DiubahPada { get; set; }
    public string DiubahOleh { get; set; } = "";
}

/// <summary>A portal token already used (its jti), kept until it would have expired so it cannot be replayed.</summary>
public sealed class UsedPortalToken
{
    public required string Jti { get; set; }
    public DateTimeOffset Kedaluwarsa { get; set; }
    public DateTimeOffset DipakaiPada { get; set; }
}
