using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CampusKonseling.Site.Api;

/// <summary>What a campus tells other systems about itself: names, colours, time zone and working hours.</summary>
public static class CampusApi
{
    public sealed record CampusInfo(string CampusName, string? UnitName, string? LogoUrl, string PrimaryColor, string AccentColor,
        string TimeZone, IReadOnlyList<string> WorkingDays, string WorkStart, string WorkEnd);

    public static IEndpointRouteBuilder MapCampusApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/api/v1/kampus").WithTags("Kampus")
            .MapGet("", GetAsync).WithName("GetCampus").WithSummary("Identitas dan jam layanan kampus");
        return endpoints;
    }

    private static async Task<Ok<CampusInfo>> GetAsync(ISiteSettings settings, CancellationToken ct)
    {
        var s = await settings.GetAsync(ct);
        var days = Settings.SettingsRules.DayNames.Where(d => s.WorkingDays.Contains(d.Value)).Select(d => d.Key).ToList();
        return TypedResults.Ok(new CampusInfo(s.CampusName, s.UnitName, s.LogoUrl, s.PrimaryColor, s.AccentColor, s.TimeZone, days,
            s.WorkStart.ToString("HH:mm"), s.WorkEnd.ToString("HH:mm")));
    }
}
