namespace CampusKonseling.Site;

/// <summary>How a campus presents itself and when its unit works (SLA clocks count working time).</summary>
public sealed record CampusSettings
{
    public string CampusName { get; init; } = "";
    public string? UnitName { get; init; }
    public string? LogoUrl { get; init; }
    /// <summary>The logo the campus admin uploaded, as a path under the campus ("_logo/…"); shown instead of <see cref="LogoUrl"/>.</summary>
    public string? Logo { get; init; }
    public string PrimaryColor { get; init; } = "#1d4e89";
    public string AccentColor { get; init; } = "#f2a900";
    public string TimeZone { get; init; } = "Asia/Jakarta";
    public IReadOnlyList<DayOfWeek> WorkingDays { get; init; } =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];
    public TimeOnly WorkStart { get; init; } = new(8, 0);
    public TimeOnly WorkEnd { get; init; } = new(16, 0);
    public string DefaultCulture { get; init; } = "id-ID";
    /// <summary>Websites (scheme://host[:port]) allowed to show the campus's forms in an iframe.</summary>
    public IReadOnlyList<string> AsalSematan { get; init; } = [];
    /// <summary>Public holidays and the campus's own days off, in date order; not working days even when their weekday is.</summary>
    public IReadOnlyList<HariLibur> HariLibur { get; init; } = [];
}

public interface ISiteSettings
{
    /// <summary>The current tenant's settings (cached per tenant).</summary>
    Task<CampusSettings> GetAsync(CancellationToken ct = default);
}
