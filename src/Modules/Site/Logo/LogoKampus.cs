using System.Security.Cryptography;
using CampusKonseling.Documents;
using CampusKonseling.Shell;
using CampusKonseling.Site.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Site.Logo;

/// <summary>
/// The campus's own logo, uploaded by its admin and kept in its database: a PNG or JPEG recognised by its first bytes (never SVG,
/// which can carry script), at most <see cref="MaxBytes"/>. It is served from the campus at <c>_logo/{versi}</c>, the version being
/// a hash of its content, so browsers may keep it for a year and a new logo has a new address.
/// </summary>
public sealed class LogoKampus(SiteDb db, CurrentShell current, TimeProvider clock, IStringLocalizer<S> T)
{
    public const long MaxBytes = 512 * 1024;
    public const string Route = "_logo";
    private static readonly string[] Accepted = ["png", "jpg"];

    /// <summary>The campus-relative address of the logo in force, or null.</summary>
    public static string PathOf(string versi) => $"{Route}/{versi}";

    /// <returns>Null when stored, else what is wrong in Indonesian (or the reader's language).</returns>
    public async Task<string?> SaveAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0) return T["Pilih berkas logo (PNG atau JPG)."];
        if (file.Length > MaxBytes) return T["Logo paling besar 512 KB."];
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var bytes = buffer.ToArray();
        if (FileKinds.Sniff(bytes.Length > 16 ? bytes[..16] : bytes, Accepted) is not { } kind) return T["Logo harus berupa gambar PNG atau JPG."];
        var versi = Convert.ToHexStringLower(SHA256.HashData(bytes))[..16];
        var row = await db.Logo.FirstOrDefaultAsync(l => l.Id == SettingsRecord.SingletonId, ct);
        if (row is null) db.Logo.Add(new LogoRecord { Isi = bytes, Mime = FileKinds.Known[kind].Mime, Versi = versi, DiunggahPada = clock.GetUtcNow() });
        else (row.Isi, row.Mime, row.Versi, row.DiunggahPada) = (bytes, FileKinds.Known[kind].Mime, versi, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        Forget();
        return null;
    }

    public async Task RemoveAsync(CancellationToken ct)
    {
        await db.Logo.Where(l => l.Id == SettingsRecord.SingletonId).ExecuteDeleteAsync(ct);
        Forget();
    }

    /// <summary>The settings cache holds the logo's address: drop it so the next page shows the new one.</summary>
    private void Forget() => current.Shell.Cache.TryRemove(Settings.SiteSettingsService.CacheKey, out _);
}
