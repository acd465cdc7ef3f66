using CampusKonseling.Site.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Site.Logo;

/// <summary>Serves the uploaded logo to anyone (the public site shows it), as the image it was checked to be.</summary>
public static class LogoEndpoint
{
    public static IEndpointRouteBuilder MapCampusLogo(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/" + LogoKampus.Route + "/{versi}", GetAsync).ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> GetAsync(string versi, SiteDb db, HttpContext http, CancellationToken ct)
    {
        var logo = await db.Logo.AsNoTracking().FirstOrDefaultAsync(l => l.Id == SettingsRecord.SingletonId, ct);
        // An old address is gone, not redirected: pages naming it are older than the logo they would show.
        if (logo is null || logo.Versi != versi) return Results.NotFound();
        // The address changes with the content, so it may be kept as long as browsers like.
        http.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
        http.Response.Headers.ContentDisposition = "inline; filename=\"logo" + (logo.Mime == "image/png" ? ".png" : ".jpg") + "\"";
        return Results.Bytes(logo.Isi, logo.Mime);
    }
}
