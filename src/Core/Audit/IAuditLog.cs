namespace CampusKonseling.Audit;

/// <summary>
/// What happened, to what: a read of a case's counseling tier, a change, a generated document, a
/// sign-in. The log adds who, when and from where itself, and chains each entry to the one before.
/// <see cref="Ringkasan"/> must never carry counseling content, only what was done.
/// </summary>
public sealed record AuditEvent(string Jenis, string? SubjekJenis = null, string? SubjekId = null, string Ringkasan = "");

public static class AuditKinds
{
    public const string Masuk = "masuk", GagalMasuk = "gagal-masuk", Baca = "baca", BacaKonseling = "baca-konseling",
        BukaDarurat = "buka-darurat", Ubah = "ubah", Buat = "buat", Dokumen = "dokumen", Hapus = "hapus";
}

/// <summary>The campus's append-only, hash-chained audit log.</summary>
public interface IAuditLog
{
    Task RecordAsync(AuditEvent entry, CancellationToken ct = default);
}
