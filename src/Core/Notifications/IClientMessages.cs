namespace CampusKonseling.Notifications;

/// <summary>A message the unit sent to a client from an SOP step (aksi pesan): its subject, text and when it went out.</summary>
public sealed record ClientMessage(DateTimeOffset Pada, string Judul, string Isi, bool Terkirim);

/// <summary>The messages SOP steps sent to the client of an instance, for the client's own page.</summary>
public interface IClientMessages
{
    /// <summary>Oldest first; the e-mail copy of each (a text to the phone repeats it).</summary>
    Task<IReadOnlyList<ClientMessage>> OfInstanceAsync(Guid sopInstanceId, CancellationToken ct = default);
}
