using System.Data.Common;

namespace CampusKonseling.Audit;

/// <summary>
/// What happened, to what: a read of a case's counseling tier, a change, a generated document, a
/// sign-in. The log adds who, when and from where itself, and chains each entry to the one before.
/// <para>
/// <see cref="Ringkasan"/> says only what was done ("membuka catatan konseling", "surat rujukan dibuat"),
/// never counseling content: no problem descriptions, notes, diagnoses or names of third parties.
/// The audit page is read by the tenant admin, who must not learn from it what a counselor wrote.
/// </para>
/// </summary>
public sealed record AuditEvent(string Jenis, string? SubjekJenis = null, string? SubjekId = null, string Ringkasan = "")
{
    /// <summary>
    /// Who acted, when the request's user is not it: a sign-in (the cookie is not issued yet) or a
    /// failed one (nobody is signed in; the e-mail typed is kept). Null: the current user, or "sistem".
    /// </summary>
    public AuditActor? Pelaku { get; init; }
}

/// <summary>The person or system an entry is attributed to.</summary>
public sealed record AuditActor(string? Id, string Nama, string? Email = null)
{
    /// <summary>Background work (jobs, timers, recipes) with no request behind it.</summary>
    public static readonly AuditActor Sistem = new(null, "sistem");
    /// <summary>A request by someone who is not signed in.</summary>
    public static readonly AuditActor Anonim = new(null, "anonim");
}

public static class AuditKinds
{
    public const string Masuk = "masuk", GagalMasuk = "gagal-masuk", Baca = "baca", BacaKonseling = "baca-konseling",
        BukaDarurat = "buka-darurat", Ubah = "ubah", Buat = "buat", Dokumen = "dokumen", Hapus = "hapus";

    /// <summary>Someone's uploaded file left the platform (an attachment, a case document): whose, by whom.</summary>
    public const string Unduh = "unduh";

    public static readonly IReadOnlyList<string> All = [Masuk, GagalMasuk, Baca, BacaKonseling, BukaDarurat, Ubah, Buat, Dokumen, Hapus, Unduh];
}

/// <summary>Where the tenant admin sees an entry's subject: "Siapa melihat ini" (relative to the campus, permission ViewAudit).</summary>
public static class AuditLinks
{
    public static string WhoSaw(string subjekJenis, string subjekId) =>
        $"admin/audit/subjek/{Uri.EscapeDataString(subjekJenis)}/{Uri.EscapeDataString(subjekId)}";
}

/// <summary>
/// The campus's append-only, hash-chained audit log. Entries are never updated or deleted;
/// a failure to record is an exception, so a read that must be audited does not happen unaudited.
/// </summary>
public interface IAuditLog
{
    /// <summary>Records the entry in a transaction of its own, committed before this returns.</summary>
    Task RecordAsync(AuditEvent entry, CancellationToken ct = default) => RecordAsync(entry, null, ct);

    /// <summary>
    /// Records the entry inside the caller's transaction (it is kept only if that commits), or in
    /// one of its own when null. Appends are serialized per campus until the transaction ends, so
    /// record as the last step of a transaction rather than the first.
    /// </summary>
    Task RecordAsync(AuditEvent entry, DbTransaction? transaction, CancellationToken ct = default);
}
