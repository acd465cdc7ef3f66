namespace CampusKonseling.Notifications.Outbox;

public static class OutboxStatus
{
    public const string Menunggu = "menunggu", Terkirim = "terkirim", Gagal = "gagal", Ditarik = "ditarik";

    /// <summary>
    /// Claimed by a node and being sent; <c>KirimSetelah</c> is then the end of its claim (3 minutes). A claim that ran out (its node died
    /// mid-send) is taken again: the message may then go twice, but only if the node died between the mail server's
    /// acceptance and the row's own update a moment later.
    /// </summary>
    public const string Mengirim = "mengirim";
}

/// <summary>A message waiting for, or done with, delivery.</summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }
    public required string Saluran { get; set; }
    public required string Penerima { get; set; }
    public required string Judul { get; set; }
    public required string Isi { get; set; }
    public required string Status { get; set; }
    public int Percobaan { get; set; }
    public string? GalatTerakhir { get; set; }
    public DateTimeOffset DibuatPada { get; set; }
    public DateTimeOffset KirimSetelah { get; set; }
    public DateTimeOffset? TerkirimPada { get; set; }
    /// <summary>Groups messages that may be withdrawn together while waiting (reminders of one session).</summary>
    public string? Kunci { get; set; }
    /// <summary>The SOP step activation whose message this is (aksi pesan): its delivery completes the step.</summary>
    public Guid? SopActivationId { get; set; }
    public Guid? SopInstanceId { get; set; }
    public string? SopStepId { get; set; }
}
