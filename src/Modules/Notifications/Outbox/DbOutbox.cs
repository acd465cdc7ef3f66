using System.Data.Common;
using CampusKonseling.Data;
using CampusKonseling.Notifications.Data;
using CampusKonseling.Shell;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Notifications.Outbox;

public sealed class DbOutbox(NotificationsDb db, TenantDbConnection connection, OutboxSignal signal, CurrentShell current, TimeProvider clock) : IOutbox
{
    public async Task EnqueueAsync(EmailMessage message, DbTransaction? transaction, CancellationToken ct = default)
    {
        if (transaction is not null) await connection.EnlistAsync(db, transaction, ct);
        var now = clock.GetUtcNow();
        db.Outbox.Add(new OutboxMessage
        {
            Saluran = "email", Penerima = message.To, Judul = message.Subject, Isi = message.TextBody,
            Status = OutboxStatus.Menunggu, DibuatPada = now, KirimSetelah = now,
        });
        await db.SaveChangesAsync(ct);
    }

    public void Wake() => signal.Wake(current.Shell.Name);
}
