using CampusKonseling.Security;
using CampusKonseling.Forms.Intake;
using CampusKonseling.Site;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

namespace CampusKonseling.Forms.Pages.Forms.Public;

/// <summary>
/// The form inside an iframe on the campus's own website. Only the sites the campus listed may frame
/// it. It carries no antiforgery cookie (third-party cookies are blocked in most browsers) and never acts
/// as a signed-in user, so a forged post can do no more than any stranger filling the form; the send key,
/// honeypot, size and rate limits still hold.
/// </summary>
[IgnoreAntiforgeryToken]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(FormRateLimit.Policy)]
[RequestSizeLimit(12 * 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = 12 * 1024 * 1024)]
public sealed class EmbedModel(FormCatalog catalog, SubmissionService submissions, Uploads uploads, ISiteSettings site, IStringLocalizer<S> T, ILogger<EmbedModel> logger)
    : FormPageModel(catalog, submissions, uploads, T, logger)
{
    public override bool Embedded => true;

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        await EmbedPolicy.ApplyAsync(HttpContext, site);
        await next();
    }
}

/// <summary>Who may frame the embedded pages: the platform itself and the campus's listed sites (Content-Security-Policy frame-ancestors).</summary>
public static class EmbedPolicy
{
    public static async Task ApplyAsync(HttpContext context, ISiteSettings site)
    {
        var origins = (await site.GetAsync(context.RequestAborted)).AsalSematan;
        ContentSecurityPolicy.For(context).AllowFramingBy(origins);
    }
}
