namespace CampusKonseling.Cases.Data;

public static class CaseStatus
{
    public const string Baru = "baru", Berjalan = "berjalan", Selesai = "selesai", Dibatalkan = "dibatalkan";
}

/// <summary>
/// A counseling case: who the client is (administrative tier), which SOP instance it runs and where
/// that stands now (copied from the SOP on every change, so the inbox is one indexed query), and who
/// the assigned counselor is. Nothing of the counseling tier is kept here.
/// </summary>
public sealed class CaseRow
{
    public Guid Id { get; set; }
    public required string Nomor { get; set; }
    public required string Sumber { get; set; }
    public required string Nama { get; set; }
    public string? Email { get; set; }
    public string? Telepon { get; set; }
    public string? Nim { get; set; }
    public string? JenisKlien { get; set; }
    public string? Saluran { get; set; }
    public string? Bidang { get; set; }
    /// <summary>The study programme at opening (from the form or the student directory), kept for reports.</summary>
    public string? Prodi { get; set; }
    public string? WaktuDiinginkan { get; set; }
    public string? KodePelacakan { get; set; }
    public string? PenggunaId { get; set; }
    public string? Perujuk { get; set; }
    public required string Status { get; set; }
    public Guid? SopInstanceId { get; set; }
    public string? SopKode { get; set; }
    public string? SopJudul { get; set; }
    /// <summary>The active steps in words ("2 Kepala Unit membuat surat rekomendasi").</summary>
    public string LangkahAktif { get; set; } = "";
    /// <summary>Roles performing the active steps; the inbox matches them with the reader's roles.</summary>
    public string[] PeranAktif { get; set; } = [];
    public string[] PenerimaTugas { get; set; } = [];
    /// <summary>An active step is the client's (done on their own page): the case waits for them, it is no staff member's task.</summary>
    public bool MenungguKlien { get; set; }
    /// <summary>While the case waits for the client: the staff roles whose step came before, who see it as "menunggu klien".</summary>
    public string[] PeranMenunggu { get; set; } = [];
    public DateTimeOffset? JatuhTempo { get; set; }
    public bool Terlambat { get; set; }
    public string? KonselorId { get; set; }
    public string? KonselorNama { get; set; }
    public DateTimeOffset DibukaPada { get; set; }
    public DateTimeOffset? DitutupPada { get; set; }
    /// <summary>First contact with the client: the first scheduling agreement or staff log-book/session entry (waiting-time reports).</summary>
    public DateTimeOffset? KontakPertamaPada { get; set; }
    public DateTimeOffset DiperbaruiPada { get; set; }
    /// <summary>Processing restricted at the client's request (erasure or withdrawal under a retention duty, or restriction): kept, not used further.</summary>
    public DateTimeOffset? DibatasiPada { get; set; }
}

public static class Tingkat
{
    /// <summary>Staff working the case see it.</summary>
    public const string Administratif = "administratif";
    /// <summary>Session notes, prognosis, treatment plan: the assigned counselor and roles granted it; stored encrypted.</summary>
    public const string Konseling = "konseling";
    /// <summary>What the SOP sends upward to leaders.</summary>
    public const string Pimpinan = "pimpinan";
    public static readonly IReadOnlyList<string> All = [Administratif, Konseling, Pimpinan];
}

public static class JenisCatatan
{
    public const string Catatan = "catatan", BukuLog = "buku-log", Sesi = "sesi", Uraian = "uraian-klien", Penugasan = "penugasan",
        Kesepakatan = "kesepakatan", BukaDarurat = "buka-darurat", Laporan = "laporan", Koreksi = "koreksi";
}

/// <summary>An entry of the case's timeline; counseling-tier text is encrypted (<see cref="Terenkripsi"/>).</summary>
public sealed class CaseEntry
{
    public long Id { get; set; }
    public Guid CaseId { get; set; }
    public required string Jenis { get; set; }
    public required string Tingkat { get; set; }
    public required string Isi { get; set; }
    public bool Terenkripsi { get; set; }
    public required string OlehId { get; set; }
    public required string OlehNama { get; set; }
    public DateTimeOffset Pada { get; set; }
    /// <summary>When the counselor released this entry to the client (shown in "Permohonan saya"); null: staff only.</summary>
    public DateTimeOffset? DirilisPada { get; set; }
}

public static class StatusJanji
{
    public const string Terjadwal = "terjadwal", Dijadwalkan = "dijadwalkan-ulang", Batal = "batal", Selesai = "selesai";
}

/// <summary>A scheduling agreement (kesepakatan): when, where or which online meeting, and what became of it.</summary>
public sealed class Appointment
{
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public DateTimeOffset Mulai { get; set; }
    public int DurasiMenit { get; set; }
    public string? Tempat { get; set; }
    public string? Tautan { get; set; }
    public string? KodeRapat { get; set; }
    /// <summary>The meeting password, encrypted.</summary>
    public string? SandiRapat { get; set; }
    public required string Status { get; set; }
    public string? Alasan { get; set; }
    public required string OlehNama { get; set; }
    public DateTimeOffset DibuatPada { get; set; }
    /// <summary>When the client confirmed this agreement from their own page (a konfirmasiJadwal step's evidence), and who (user id).</summary>
    public DateTimeOffset? DikonfirmasiPada { get; set; }
    public string? DikonfirmasiOleh { get; set; }
}

public static class StatusDisposisi
{
    /// <summary>Diteruskan: passed on along the chain; the one it was passed to is waited on instead.</summary>
    public const string Menunggu = "menunggu", Dilaporkan = "dilaporkan", Diteruskan = "diteruskan";
}

/// <summary>
/// A leader's disposition (disposisi): the instruction, to which role, by when; the receiver acts and
/// reports back, or passes it further down (<see cref="IndukId"/>), as in IPDN's chain to the Rektor.
/// Leadership tier: seen by staff working the case, never counseling content.
/// </summary>
public sealed class Disposition
{
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public Guid? IndukId { get; set; }
    public required string DariId { get; set; }
    public required string DariNama { get; set; }
    public required string DariPeran { get; set; }
    public required string KepadaPeran { get; set; }
    public required string Instruksi { get; set; }
    public DateOnly? BatasWaktu { get; set; }
    public required string Status { get; set; }
    public string? Laporan { get; set; }
    public string? DilaporkanOleh { get; set; }
    public DateTimeOffset? DilaporkanPada { get; set; }
    public DateTimeOffset DibuatPada { get; set; }
}

/// <summary>
/// An external referral (seed 001 steps 5–6): the surat rujukan to a named psychologist, psychiatrist or
/// hospital, and later the external result, which is kept as an encrypted counseling note.
/// </summary>
public sealed class ExternalReferral
{
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public required string Kepada { get; set; }
    public required string Jenis { get; set; }
    public string? Kontak { get; set; }
    public string? NomorSurat { get; set; }
    public Guid? SuratId { get; set; }
    public DateTimeOffset DirujukPada { get; set; }
    public required string DirujukOleh { get; set; }
    public DateTimeOffset? HasilDiterimaPada { get; set; }
}

/// <summary>
/// A document kept on the case (a psychiatrist's examination letter, a signed form): the kelengkapan it
/// stands for, its tier, and its bytes — encrypted when it belongs to the counseling tier.
/// </summary>
public sealed class CaseDocument
{
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public required string Nama { get; set; }
    /// <summary>The kind the SOP names (a step's <c>unggah</c> action's <c>dokumen</c>), set exactly by the step's upload form; null for a free upload.</summary>
    public string? Jenis { get; set; }
    public required string NamaBerkas { get; set; }
    public required string Mime { get; set; }
    public long Ukuran { get; set; }
    public required byte[] Isi { get; set; }
    public bool Terenkripsi { get; set; }
    public required string Tingkat { get; set; }
    public required string OlehNama { get; set; }
    public DateTimeOffset Pada { get; set; }
}

/// <summary>The campus's Data Protection key ring for counseling notes, kept in the campus's own database.</summary>
public sealed class ProtectionKey
{
    public int Id { get; set; }
    public required string FriendlyName { get; set; }
    public required string Xml { get; set; }
}
