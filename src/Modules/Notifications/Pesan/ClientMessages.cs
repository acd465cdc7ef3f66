using CampusKonseling.Notifications.Data;
using CampusKonseling.Notifications.Outbox;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Notifications.Pesan;

/// <summary>
/// The messages SOP steps wrote to the client of an instance (aksi pesan), read back for the client's own page: the
/// e-mail copy of each, whether or not it has gone out yet, never a withdrawn one.
/// </summary>
public sealed class ClientMessages(NotificationsDb db) : IClientMessages
{
    public async Task<IReadOnlyList<ClientMessage>> OfInstanceAsync(Guid sopInstanceId, CancellationToken ct = default) =>
        (await db.Outbox.AsNoTracking()
            .Where(m => m.SopInstanceId == sopInstanceId && m.Saluran == OutboxChannels.Email && m.Status != OutboxStatus.Ditarik)
            .OrderBy(m => m.DibuatPada).ThenBy(m => m.Id)
            .Select(m => new { m.DibuatPada, m.TerkirimPada, m.Judul, m.Isi, m.Status }).Take(50).ToListAsync(ct))
        .Select(m => new ClientMessage(m.TerkirimPada ?? m.DibuatPada, m.Judul, m.Isi, m.Status == OutboxStatus.Terkirim)).ToList();
}
