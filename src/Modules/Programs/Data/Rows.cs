namespace CampusKonseling.Programs.Data;

/// <summary>A kind of program a campus runs (from its recipe): which SOP, which SOP a referral opens, which letters.</summary>
public sealed class ProgramKind
{
    public required string Kode { get; set; }
    public required string Nama { get; set; }
    public required string Jenis { get; set; }
    public required string SopKode { get; set; }
    public string? RujukanSopKode { get; set; }
    public string? SuratTugas { get; set; }
    public string? SuratPemberitahuan { get; set; }
    public string? Laporan { get; set; }
    /// <summary>The role asked to forward invitations (Kaprodi).</summary>
    public string? PeranPenerus { get; set; }
    public string? Sasaran { get; set; }
    public int[] SasaranSemester { get; set; } = [];
    public string? SasaranStatus { get; set; }
}

public static class ProgramStatus
{
    public const string Rencana = "rencana", Pendaftaran = "pendaftaran", Berjalan = "berjalan", Selesai = "selesai", Dibatalkan = "dibatalkan";
}

public sealed class ProgramRow
{
    public Guid Id { get; set; }
    public required string JenisKode { get; set; }
    public required string Judul { get; set; }
    public required string Jenis { get; set; }
    public string? Tema { get; set; }
    public string? Narasumber { get; set; }
    public string? Tempat { get; set; }
    public string? Tautan { get; set; }
    public string? Sasaran { get; set; }
    public string[] SasaranProdi { get; set; } = [];
    public int[] SasaranSemester { get; set; } = [];
    public string? SasaranStatus { get; set; }
    public int? Kapasitas { get; set; }
    public DateTimeOffset? PendaftaranBuka { get; set; }
    public DateTimeOffset? PendaftaranTutup { get; set; }
    /// <summary>Only the final states are stored (selesai, dibatalkan); otherwise <see cref="ProgramRules.StatusOf"/> reads it from the dates.</summary>
    public string Status { get; set; } = ProgramStatus.Rencana;
    public required string SopKode { get; set; }
    public Guid? SopInstanceId { get; set; }
    public string SopJudul { get; set; } = "";
    /// <summary>The SOP's active steps as the SOP engine last reported them (JSON of <see cref="Work.StepCopy"/>).</summary>
    public string LangkahAktif { get; set; } = "[]";
    public bool SopSelesai { get; set; }
    public string? RujukanSopKode { get; set; }
    public DateTimeOffset? Mulai { get; set; }
    public DateTimeOffset? Selesai { get; set; }
    public DateTimeOffset DibuatPada { get; set; }
    public required string DibuatOleh { get; set; }
}

public sealed class SessionRow
{
    public Guid Id { get; set; }
    public Guid ProgramId { get; set; }
    public DateTimeOffset Mulai { get; set; }
    public DateTimeOffset Selesai { get; set; }
    public string? Keterangan { get; set; }
}

public static class PeranPanitia
{
    public const string Ketua = "ketua", Sekretaris = "sekretaris", Anggota = "anggota", Narasumber = "narasumber", Moderator = "moderator";
    public static readonly string[] All = [Ketua, Sekretaris, Anggota, Narasumber, Moderator];

    /// <summary>The role as people read it (the localization key).</summary>
    public static string Label(string peran) => peran switch
    {
        Ketua => "Ketua", Sekretaris => "Sekretaris", Anggota => "Anggota", Narasumber => "Narasumber", Moderator => "Moderator", _ => peran,
    };
}

public sealed class CommitteeRow
{
    public Guid Id { get; set; }
    public Guid ProgramId { get; set; }
    public required string UserId { get; set; }
    public required string Nama { get; set; }
    public string? Email { get; set; }
    public required string Peran { get; set; }
}

public static class StatusPeserta
{
    public const string Terdaftar = "terdaftar", Menunggu = "menunggu", Batal = "batal";
}

public sealed class ParticipantRow
{
    public Guid Id { get; set; }
    public Guid ProgramId { get; set; }
    public required string Nama { get; set; }
    public string? Nim { get; set; }
    public required string Email { get; set; }
    public string? Telepon { get; set; }
    public string? Prodi { get; set; }
    /// <summary>The NIM was found in the campus's student directory.</summary>
    public bool Terverifikasi { get; set; }
    public required string Status { get; set; }
    /// <summary>The secret in the participant's QR code, cancel and evaluation links.</summary>
    public required string Token { get; set; }
    /// <summary>A short code printed under the QR code, for typing in when the camera fails.</summary>
    public required string Kode { get; set; }
    public DateTimeOffset DidaftarPada { get; set; }
    public DateTimeOffset? DibatalkanPada { get; set; }
    public DateTimeOffset? HadirPada { get; set; }
    /// <summary>The person withdrew their consent or had their data erased (UU PDP): no more programme e-mail.</summary>
    public DateTimeOffset? PersetujuanDitarikPada { get; set; }
    public string? HadirOleh { get; set; }
    public Guid? CaseId { get; set; }
    public string? CaseNomor { get; set; }
    public DateTimeOffset? DirujukPada { get; set; }
    public DateTimeOffset? EvaluasiDikirimPada { get; set; }
}

public sealed class EvaluationRow
{
    public Guid Id { get; set; }
    public Guid ProgramId { get; set; }
    public Guid ParticipantId { get; set; }
    public int Materi { get; set; }
    public int Narasumber { get; set; }
    public int Penyelenggaraan { get; set; }
    public int Keseluruhan { get; set; }
    public string? Komentar { get; set; }
    public DateTimeOffset DikirimPada { get; set; }
}

public sealed class InvitationRow
{
    public Guid Id { get; set; }
    public Guid ProgramId { get; set; }
    /// <summary>"peran" (the forwarding role, with a letter) or "email" (students directly).</summary>
    public required string Saluran { get; set; }
    public required string Kepada { get; set; }
    public int Jumlah { get; set; }
    public string? SuratNomor { get; set; }
    public DateTimeOffset Pada { get; set; }
    public required string Oleh { get; set; }
}
