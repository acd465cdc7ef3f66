using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Host.Infrastructure;

/// <summary>Bahasa Indonesia first, English second. Keys are the Indonesian text; S.en.resx translates.</summary>
public static class Localization
{
    public static readonly CultureInfo[] Cultures = [new("id-ID"), new("en")];

    public static IServiceCollection AddCampusLocalization(this IServiceCollection services)
    {
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("id-ID");
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            o.FallBackToParentCultures = true;
            o.FallBackToParentUICultures = true;
            // Pages are in Bahasa Indonesia unless the visitor picks English (query or cookie):
            // many phones here run an English UI, yet the campus site should greet them in Indonesian.
            // API clients choose with Accept-Language, as the conventions say; so do readers of the OpenAPI
            // document and of the API reference (/api/referensi), which are for the same programmers.
            o.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider(),
                new CookieRequestCultureProvider(),
                new ApiAcceptLanguageProvider(o),
            ];
        });
        return services;
    }

    private sealed class ApiAcceptLanguageProvider(RequestLocalizationOptions options) : RequestCultureProvider
    {
        private readonly AcceptLanguageHeaderRequestCultureProvider _header = new() { Options = options };

        public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext context) =>
            context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/openapi")
                ? _header.DetermineProviderCultureResult(context) : NullProviderCultureResult;
    }

    /// <summary>Validation messages of a model come from the S resources of the model's own assembly.</summary>
    public static IStringLocalizer ForAssembly(Type type, IStringLocalizerFactory factory) =>
        factory.Create(MarkerTypes.GetOrAdd(type.Assembly, a => a.GetTypes().FirstOrDefault(t => t.Name == "S") ?? typeof(S)));

    private static readonly ConcurrentDictionary<Assembly, Type> MarkerTypes = new();

    public static void UseIndonesianBindingMessages(this MvcOptions o, IStringLocalizer<S> t)
    {
        var m = o.ModelBindingMessageProvider;
        m.SetValueIsInvalidAccessor(v => t["Nilai '{0}' tidak valid.", v]);
        m.SetValueMustBeANumberAccessor(f => t["Kolom {0} harus berupa angka.", f]);
        m.SetMissingBindRequiredValueAccessor(f => t["Kolom {0} wajib diisi.", f]);
        m.SetAttemptedValueIsInvalidAccessor((v, f) => t["Nilai '{0}' tidak valid untuk {1}.", v, f]);
        m.SetMissingKeyOrValueAccessor(() => t["Nilai wajib diisi."]);
        m.SetUnknownValueIsInvalidAccessor(f => t["Nilai untuk {0} tidak valid.", f]);
        m.SetValueMustNotBeNullAccessor(v => t["Kolom ini wajib diisi."]);
        m.SetNonPropertyAttemptedValueIsInvalidAccessor(v => t["Nilai '{0}' tidak valid.", v]);
        m.SetNonPropertyUnknownValueIsInvalidAccessor(() => t["Nilai tidak valid."]);
        m.SetNonPropertyValueMustBeANumberAccessor(() => t["Kolom ini harus berupa angka."]);
        m.SetMissingRequestBodyRequiredValueAccessor(() => t["Isi permintaan wajib ada."]);
    }

    /// <summary>
    /// GET /bahasa/{culture}?kembali=/path — remembers the chosen language and goes back. A signed-in user's choice is also kept
    /// on their account, so notices and e-mail written to them while they are away are in it.
    /// </summary>
    public static void MapLanguageSwitch(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/bahasa/{culture}", async (HttpContext context, string culture, string? kembali) =>
        {
            culture = Cultures.FirstOrDefault(c => c.Name.Equals(culture, StringComparison.OrdinalIgnoreCase))?.Name ?? "id-ID";
            context.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax });
            if (context.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value is { } userId
                && context.RequestServices.GetService<CampusKonseling.Users.IUserLanguage>() is { } languages)
                await languages.SetAsync(userId, culture, context.RequestAborted);
            var local = kembali is { Length: > 1 } && kembali[0] == '/' && kembali[1] is not '/' and not '\\' || kembali == "/";
            var target = local ? kembali! : context.Request.PathBase + "/";
            return Results.LocalRedirect(target);
        }).ExcludeFromDescription();
}
