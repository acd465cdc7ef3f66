using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.RateLimiting;

namespace CampusKonseling.Host.Infrastructure;

/// <summary>
/// Receives the browsers' Content-Security-Policy violation reports (report-uri's application/csp-report and the
/// Reporting API's application/reports+json). Anyone can post here, so a report is only ever a short summary in
/// the log (directive, blocked origin, page path), never its body; each address gets a few reports a minute, and
/// garbage is a 400, never a 500.
/// </summary>
public static partial class CspReportEndpoint
{
    private const int MaxBytes = 16 * 1024;

    private static readonly PartitionedRateLimiter<string> PerAddress = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions { PermitLimit = 30, Window = TimeSpan.FromMinutes(1) }));

    public static async Task Handle(HttpContext context)
    {
        var response = context.Response;
        if (!HttpMethods.IsPost(context.Request.Method)) { response.StatusCode = StatusCodes.Status405MethodNotAllowed; return; }
        using var lease = PerAddress.AttemptAcquire(context.Connection.RemoteIpAddress?.ToString() ?? "?");
        if (!lease.IsAcquired) { response.StatusCode = StatusCodes.Status429TooManyRequests; return; }
        if (context.Request.ContentLength > MaxBytes) { response.StatusCode = StatusCodes.Status413PayloadTooLarge; return; }

        var body = await ReadAsync(context.Request.Body, context.RequestAborted);
        if (body is null) { response.StatusCode = StatusCodes.Status413PayloadTooLarge; return; }
        var violations = Parse(body);
        if (violations is null) { response.StatusCode = StatusCodes.Status400BadRequest; return; }

        var log = context.RequestServices.GetRequiredService<CspViolationLog>();
        foreach (var v in violations.Take(5)) log.Add(v);
        response.StatusCode = StatusCodes.Status204NoContent;
    }

    private static async Task<byte[]?> ReadAsync(Stream body, CancellationToken ct)
    {
        var buffer = new byte[MaxBytes + 1];
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await body.ReadAsync(buffer.AsMemory(read), ct);
            if (n == 0) break;
            read += n;
        }
        return read > MaxBytes ? null : buffer[..read];
    }

    /// <summary>The reports in a body, or null when it is not a report at all.</summary>
    public static IReadOnlyList<CspViolation>? Parse(byte[] body)
    {
        try
        {
            using var json = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 8 });
            var root = json.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("csp-report", out var legacy) && legacy.ValueKind == JsonValueKind.Object)
                return [Summary(Text(legacy, "effective-directive") ?? Text(legacy, "violated-directive"), Text(legacy, "blocked-uri"), Text(legacy, "document-uri"))];
            if (root.ValueKind == JsonValueKind.Array)
                return root.EnumerateArray()
                    .Where(r => r.ValueKind == JsonValueKind.Object && Text(r, "type") == "csp-violation" && r.TryGetProperty("body", out var b) && b.ValueKind == JsonValueKind.Object)
                    .Select(r => r.GetProperty("body"))
                    .Select(b => Summary(Text(b, "effectiveDirective"), Text(b, "blockedURL"), Text(b, "documentURL")))
                    .ToList();
            return null;
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    /// <summary>Only what tells an operator what was blocked where: a directive name, an origin or keyword, a path.</summary>
    private static CspViolation Summary(string? directive, string? blocked, string? document) => new(
        directive is not null && Word().IsMatch(directive) ? directive : "?",
        blocked switch
        {
            null or "" => "?",
            _ when Word().IsMatch(blocked) => blocked, // inline, eval, self
            _ when Uri.TryCreate(blocked, UriKind.Absolute, out var u) && u.Scheme is "http" or "https" => u.GetLeftPart(UriPartial.Authority),
            _ when Uri.TryCreate(blocked, UriKind.Absolute, out var u) => u.Scheme + ":",
            _ => "?",
        },
        Uri.TryCreate(document, UriKind.Absolute, out var d) && d.Scheme is "http" or "https" ? Truncate(d.AbsolutePath, 120) : "?");

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max] + "…";

    [GeneratedRegex("^[a-z][a-z-]{0,39}$")]
    private static partial Regex Word();
}
