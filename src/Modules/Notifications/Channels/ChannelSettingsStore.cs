using CampusKonseling.Notifications.Data;
using CampusKonseling.Shell;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Notifications.Channels;

/// <summary>Reads and writes a campus's channel settings; secrets go through Data Protection, per campus.</summary>
public sealed class ChannelSettingsStore(NotificationsDb db, IDataProtectionProvider protection, CurrentShell current)
{
    private IDataProtector Protector => protection.CreateProtector("CampusKonseling.Notifications.Channels", current.Shell.Name);

    public async Task<ChannelSettings> GetAsync(CancellationToken ct = default) =>
        await db.Channels.AsNoTracking().FirstOrDefaultAsync(ct) ?? new ChannelSettings();

    public string? Reveal(string? protectedValue) => string.IsNullOrEmpty(protectedValue) ? null : Protector.Unprotect(protectedValue);

    public string? Hide(string? plain) => string.IsNullOrEmpty(plain) ? null : Protector.Protect(plain);

    public async Task SaveAsync(ChannelSettings settings, CancellationToken ct = default)
    {
        var row = await db.Channels.FirstOrDefaultAsync(ct);
        if (row is null) db.Channels.Add(settings);
        else db.Entry(row).CurrentValues.SetValues(settings);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The gateway's header lines, decrypted.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers(ChannelSettings settings) => ParseHeaders(Reveal(settings.GatewayHeadersProtected));

    public static IReadOnlyList<KeyValuePair<string, string>> ParseHeaders(string? lines) =>
        (lines ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(l => l.Split(':', 2))
            .Where(p => p.Length == 2 && p[0].Trim().Length > 0)
            .Select(p => new KeyValuePair<string, string>(p[0].Trim(), p[1].Trim()))
            .ToList();
}
