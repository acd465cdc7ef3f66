namespace CampusKonseling.Forms.Data;

/// <summary>A one-time code of the status check: only its hash, how often it was tried, until when it holds.</summary>
public sealed class KodeSekali
{
    public Guid Id { get; set; }
    public Guid SubmissionId { get; set; }
    public required string KodeHash { get; set; }
    public DateTimeOffset DibuatPada { get; set; }
    public DateTimeOffset BerlakuSampai { get; set; }
    public int Percobaan { get; set; }
    /// <summary>Used, replaced by a newer code, or tried too often.</summary>
    public bool Selesai { get; set; }
    /// <summary>
    /// A decoy stored for a request asked with the wrong e-mail, so a stranger's cookie looks like the
    /// requester's; it never matches and does not count against the request's codes for the hour.
    /// </summary>
    public bool Umpan { get; set; }
}
