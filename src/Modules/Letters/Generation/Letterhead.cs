using CampusKonseling.Letters.Data;
using CampusKonseling.Letters.Rendering;
using CampusKonseling.Site;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Letters.Generation;

/// <summary>The kop surat: campus and unit name and logo from the site settings, address and contacts from Letters' own row.</summary>
public sealed class Letterhead(LettersDb db, ISiteSettings site)
{
    public async Task<(KopSurat Kop, string? Kota, TimeZoneInfo Zone)> GetAsync(CancellationToken ct)
    {
        var campus = await site.GetAsync(ct);
        var kop = await db.Kop.AsNoTracking().FirstOrDefaultAsync(k => k.Id == 1, ct) ?? new Kop();
        var kontak = string.Join(" · ", new[]
        {
            kop.Telepon is { Length: > 0 } t ? "Telp. " + t : null,
            kop.Email is { Length: > 0 } e ? "Email: " + e : null,
            kop.Situs,
        }.Where(s => !string.IsNullOrWhiteSpace(s)));
        var logo = campus.LogoUrl is { } url && (url.StartsWith("https://") || url.StartsWith("http://") || url.StartsWith('/')) ? url : null;
        return (new KopSurat(kop.Instansi, campus.CampusName, campus.UnitName, kop.Alamat, kontak.Length > 0 ? kontak : null, logo),
            kop.Kota, Zone(campus.TimeZone));
    }

    private static TimeZoneInfo Zone(string id)
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById(id); }
        catch (TimeZoneNotFoundException) { return TimeZoneInfo.Utc; }
    }
}
