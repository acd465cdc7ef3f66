using System.Text;
using CampusKonseling.Direktori.Data;
using CampusKonseling.Shell;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Direktori.Portal;

/// <summary>The campus's portal sign-in settings; the shared secret goes through Data Protection, per campus.</summary>
public sealed class PortalSettingsStore(DirectoryDb db, IDataProtectionProvider protection, CurrentShell current)
{
    private IDataProtector Protector => protection.CreateProtector("CampusKonseling.Directory.Portal", current.Shell.Name);

    public async Task<PortalSettings> GetAsync(CancellationToken ct = default) =>
        await db.Portal.AsNoTracking().FirstOrDefaultAsync(ct) ?? new PortalSettings();

    public string? Hide(string? secret) => string.IsNullOrEmpty(secret) ? null : Protector.Protect(secret);

    /// <summary>
    /// The key to check tokens with, or null when portal sign-in is off or not fully set. Throws
    /// <see cref="System.Security.Cryptography.CryptographicException"/> when the stored secret cannot be decrypted
    /// and <see cref="InvalidDataException"/> when the stored JWKS is no longer acceptable.
    /// </summary>
    public PortalKey? KeyOf(PortalSettings s)
    {
        if (!s.Aktif || s.Penerbit.Length == 0 || s.Audiens.Length == 0) return null;
        if (s.Algoritma == PortalAlgorithms.Rs256)
        {
            if (string.IsNullOrWhiteSpace(s.Jwks)) return null;
            var (keys, error) = PortalJwks.Parse(s.Jwks);
            return error is null ? PortalKey.Rs256(s.Penerbit, s.Audiens, keys, s.KlaimNim) : throw new InvalidDataException($"Stored portal JWKS refused: {error}");
        }
        return s is { Algoritma: PortalAlgorithms.Hs256, RahasiaProtected: { } secret }
            ? PortalKey.Hs256(s.Penerbit, s.Audiens, Encoding.UTF8.GetBytes(Protector.Unprotect(secret)), s.KlaimNim)
            : null;
    }

    public async Task SaveAsync(PortalSettings settings, CancellationToken ct = default)
    {
        var row = await db.Portal.FirstOrDefaultAsync(ct);
        if (row is null) db.Portal.Add(settings);
        else db.Entry(row).CurrentValues.SetValues(settings);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Records the token as used; false when it was used before (a replay).</summary>
    public async Task<bool> UseOnceAsync(string jti, DateTimeOffset expires, DateTimeOffset now, CancellationToken ct = default) =>
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO direktori.used_portal_tokens (jti, kedaluwarsa, dipakai_pada) VALUES ({jti}, {expires + PortalToken.ClockSkew}, {now})
            ON CONFLICT (jti) DO NOTHING
            """, ct) == 1;
}
