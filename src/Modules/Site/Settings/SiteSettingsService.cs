using CampusKonseling.Shell;
using CampusKonseling.Site.Data;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Site.Settings;

/// <summary>Reads the campus's settings once per shell; saving drops the cached copy.</summary>
public sealed class SiteSettingsService(SiteDb db, CurrentShell current) : ISiteSettings
{
    public const string CacheKey = "site:settings";

    public async Task<CampusSettings> GetAsync(CancellationToken ct = default)
    {
        if (current.Shell.Cache.TryGetValue(CacheKey, out var cached)) return (CampusSettings)cached;
        var record = await db.Settings.AsNoTracking().FirstOrDefaultAsync(r => r.Id == SettingsRecord.SingletonId, ct);
        var settings = record is null ? new CampusSettings { CampusName = current.Shell.Tenant.DisplayName } : ToSettings(record);
        var logo = await db.Logo.AsNoTracking().Where(l => l.Id == SettingsRecord.SingletonId).Select(l => l.Versi).FirstOrDefaultAsync(ct);
        if (logo is not null) settings = settings with { Logo = Logo.LogoKampus.PathOf(logo) };
        current.Shell.Cache[CacheKey] = settings;
        return settings;
    }

    public async Task SaveAsync(SettingsRecord record, CancellationToken ct)
    {
        var existing = await db.Settings.FindAsync([SettingsRecord.SingletonId], ct);
        if (existing is null) db.Settings.Add(record);
        else db.Entry(existing).CurrentValues.SetValues(record);
        await db.SaveChangesAsync(ct);
        current.Shell.Cache.TryRemove(CacheKey, out _);
    }

    public static CampusSettings ToSettings(SettingsRecord r) => new()
    {
        CampusName = r.CampusName, UnitName = r.UnitName, LogoUrl = r.LogoUrl,
        PrimaryColor = r.PrimaryColor, AccentColor = r.AccentColor, TimeZone = r.TimeZone,
        WorkingDays = r.WorkingDays.Select(d => (DayOfWeek)d).ToList(), WorkStart = r.WorkStart, WorkEnd = r.WorkEnd,
        AsalSematan = r.AsalSematan, HariLibur = HariLiburJson.Read(r.HariLibur),
    };
}
