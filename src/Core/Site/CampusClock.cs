namespace CampusKonseling.Site;

/// <summary>
/// The one place that reads the campus's time zone setting: pages, notifications and mails format instants
/// with the <see cref="CampusTime"/> it gives rather than looking the zone up themselves.
/// </summary>
public sealed class CampusClock(ISiteSettings settings, TimeProvider clock)
{
    public async Task<CampusTime> GetAsync(CancellationToken ct = default) => For(await settings.GetAsync(ct));

    public CampusTime For(CampusSettings campus) => new(Zone(campus.TimeZone), clock.GetUtcNow());

    /// <summary>The zone named by the setting; an unknown name (validated when saved, so only from an old row) reads as Asia/Jakarta.</summary>
    public static TimeZoneInfo Zone(string id) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta");
}
