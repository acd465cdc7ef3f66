namespace CampusKonseling.Audit.Data;

/// <summary>
/// One link of the chain. Written once by <see cref="Chain.AuditLog"/> and never updated; the
/// database refuses UPDATE and DELETE on the table (see the CreateAudit migration).
/// </summary>
public sealed class AuditEntry
{
    public long Urutan { get; set; }
    public DateTimeOffset Waktu { get; set; }
    public string? PenggunaId { get; set; }
    public required string PenggunaNama { get; set; }
    public string? PenggunaEmail { get; set; }
    public string? AlamatIp { get; set; }
    public string? AgenPengguna { get; set; }
    public required string Jenis { get; set; }
    public string? SubjekJenis { get; set; }
    public string? SubjekId { get; set; }
    public required string Ringkasan { get; set; }
    public required string HashSebelumnya { get; set; }
    public required string Hash { get; set; }
}
