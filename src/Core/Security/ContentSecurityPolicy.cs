using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;

namespace CampusKonseling.Security;

/// <summary>
/// The Content-Security-Policy of one response. Campuses reached by URL prefix share one browser origin, so a
/// script running on one campus's page could read another campus's staff pages: only scripts and style blocks that
/// carry this response's nonce run. A page changes only what it must (who may frame it, or that it is a stored
/// document); the host writes the header when the response starts.
/// </summary>
public sealed class ContentSecurityPolicy
{
    /// <summary>Where browsers post violation reports: at the origin's root, so it answers for every campus.</summary>
    public const string ReportPath = "/_csp/laporan";

    private readonly List<string> _frameAncestors = ["'self'"];
    private bool _storedDocument;

    /// <summary>144 random bits, new for every response, so a nonce seen once is worth nothing on the next page.</summary>
    public string Nonce { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(18));

    public static ContentSecurityPolicy For(HttpContext context)
    {
        if (context.Items[typeof(ContentSecurityPolicy)] is ContentSecurityPolicy policy) return policy;
        policy = new ContentSecurityPolicy();
        context.Items[typeof(ContentSecurityPolicy)] = policy;
        return policy;
    }

    /// <summary>The embeddable form may be framed by the sites the campus listed as well as by the platform.</summary>
    public void AllowFramingBy(IEnumerable<string> origins) => _frameAncestors.AddRange(origins.Where(o => !_frameAncestors.Contains(o)));

    /// <summary>Old browsers that ignore frame-ancestors get X-Frame-Options, which can say only "same origin".</summary>
    public bool FramedBySelfOnly => _frameAncestors.Count == 1;

    /// <summary>
    /// A stored HTML document (a letter) carries its own style block and no script: it is shown sandboxed, in an origin
    /// of its own, with no script and nothing it can post to.
    /// </summary>
    public void ForStoredDocument() => _storedDocument = true;

    public string Header => _storedDocument
        ? "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src 'self' https:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'"
        : string.Join("; ",
            "default-src 'self'",
            $"script-src 'nonce-{Nonce}'",
            $"style-src 'self' 'nonce-{Nonce}'",
            "img-src 'self' https:",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors " + string.Join(' ', _frameAncestors),
            "report-uri " + ReportPath);
}
