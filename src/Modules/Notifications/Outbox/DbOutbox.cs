using System.Data.Common;
using CampusKonseling.Data;
using CampusKonseling.Notifications.Data;
using CampusKonseling.Shell;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Notifications.Outbox;

public sealed class DbOutbox(
    NotificationsDb db, TenantDbConnection connection, Channels.ChannelSettingsStore channels, OutboxSignal signal, CurrentShell current, TimeProvider clock) : IOutbox
{
    public async Task EnqueueAsync(EmailMessage message, DbTransaction? transaction, CancellationToken ct = default)
    {
        if (transaction is not null) await connection.EnlistAsync(db, transaction, ct);
        var now = clock.GetUtcNow();
        db.Outbox.Add(new OutboxMessage
        {
            Saluran = message.PlatformOnly ? OutboxChannels.EmailPlatform : OutboxChannels.Email, Penerima = message.To, Judul = message.Subject, Isi = message.TextBody,
            Status = OutboxStatus.Menunggu, DibuatPada = now, KirimSetelah = now,
        });
        await db.SaveChangesAsync(ct);
    }

    public async Task<bool> EnqueueTextAsync(TextMessage message, DbTransaction? transaction, CancellationToken ct = default)
    {
        var settings = await channels.GetAsync(ct);
        if (!settings.GatewayReady || string.IsNullOrWhiteSpace(message.Telepon)) return false;
        if (transaction is not null) await connection.EnlistAsync(db, transaction, ct);
        var now = clock.GetUtcNow();
        db.Outbox.Add(new OutboxMessage
        {
            Saluran = settings.GatewayJenis, Penerima = message.Telepon, Judul = message.Isi.Length > 80 ? message.Isi[..80] + "…" : message.Isi, Isi = message.Isi,
            Status = OutboxStatus.Menunggu, DibuatPada = now, KirimSetelah = now,
        });
        await db.SaveChangesAsync(ct);
        return true;
    }

    public async Task EnqueueLaterAsync(EmailMessage message, DateTimeOffset kirimSetelah, string kunci, CancellationToken ct = default)
    {
        db.Outbox.Add(new OutboxMessage
        {
            Saluran = "email", Penerima = message.To, Judul = message.Subject, Isi = message.TextBody,
            Status = OutboxStatus.Menunggu, DibuatPada = clock.GetUtcNow(), KirimSetelah = kirimSetelah, Kunci = kunci,
        });
        await db.SaveChangesAsync(ct);
    }

    public Task<int> WithdrawAsync(string kunci, CancellationToken ct = default) =>
        db.Outbox.Where(m => m.Kunci == kunci && m.Status == OutboxStatus.Menunggu)
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.Status, OutboxStatus.Ditarik), ct);

    public void Wake() => signal.Wake(current.Shell.Name);
}
