using System.IO.Compression;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace CampusKonseling.Host.OpenApi;

/// <summary>
/// Swagger UI's own files, taken from the Swashbuckle.AspNetCore.SwaggerUI package (which embeds swagger-ui-dist,
/// gzip-compressed) and served by the app: nothing is loaded from elsewhere. Only what the reference page uses is
/// served — the bundle, its stylesheet and the licence — not Swashbuckle's index page, which would run without the
/// response's nonce. The stylesheet draws its icons from data: URLs, which the platform's img-src refuses
/// (docs/security.md), so each one is served here as a file of its own and the stylesheet points at it.
/// </summary>
internal sealed partial class SwaggerUiFiles
{
    public const string Folder = "/swagger-ui";
    private const string Resources = "Swashbuckle.AspNetCore.SwaggerUI.node_modules.swagger_ui_dist.";

    private readonly Lazy<IReadOnlyDictionary<string, Asset>> _assets = new(Load);

    private sealed record Asset(string ContentType, byte[] Plain, byte[] Gzip, string ETag);

    public async Task HandleAsync(HttpContext context)
    {
        var name = context.Request.Path.Value?.TrimStart('/') ?? "";
        if (!(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)) || !_assets.Value.TryGetValue(name, out var asset))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        var response = context.Response;
        response.Headers.ETag = asset.ETag;
        response.Headers.CacheControl = "public, max-age=86400";
        response.Headers.Vary = "Accept-Encoding";
        if (context.Request.Headers.IfNoneMatch == asset.ETag)
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }
        var gzip = context.Request.Headers.AcceptEncoding.ToString().Contains("gzip", StringComparison.OrdinalIgnoreCase);
        var body = gzip ? asset.Gzip : asset.Plain;
        if (gzip) response.Headers.ContentEncoding = "gzip";
        response.ContentType = asset.ContentType;
        response.ContentLength = body.Length;
        if (HttpMethods.IsGet(context.Request.Method)) await response.Body.WriteAsync(body, context.RequestAborted);
    }

    private static IReadOnlyDictionary<string, Asset> Load()
    {
        var assembly = typeof(Swashbuckle.AspNetCore.SwaggerUI.SwaggerUIOptions).Assembly;
        var assets = new Dictionary<string, Asset>(StringComparer.Ordinal)
        {
            ["swagger-ui-bundle.js"] = Make("text/javascript; charset=utf-8", Read(assembly, "swagger-ui-bundle.js")),
            ["LICENSE"] = Make("text/plain; charset=utf-8", Read(assembly, "LICENSE")),
            ["NOTICE"] = Make("text/plain; charset=utf-8", Read(assembly, "NOTICE")),
        };
        var images = new Dictionary<string, string>(StringComparer.Ordinal); // data: URL -> file name, one file per distinct image
        var css = DataUrl().Replace(Encoding.UTF8.GetString(Read(assembly, "swagger-ui.css")), m =>
        {
            var url = m.Groups["q"].Success ? m.Groups["q"].Value.Replace("\\\"", "\"") : m.Groups["u"].Value;
            if (!images.TryGetValue(url, out var file))
            {
                var (type, bytes) = Decode(url);
                file = $"gambar/{images.Count + 1}.{type switch { "image/svg+xml" => "svg", "image/png" => "png", _ => "jpg" }}";
                images[url] = file;
                assets[file] = Make(type, bytes);
            }
            return $"url({file})";
        });
        assets["swagger-ui.css"] = Make("text/css; charset=utf-8", Encoding.UTF8.GetBytes(css));
        return assets;
    }

    /// <summary>data:[type][;charset=…][;base64],payload — percent-encoded text (the SVGs) or base64 (the PNG/JPEG).</summary>
    private static (string Type, byte[] Bytes) Decode(string url)
    {
        var comma = url.IndexOf(',');
        var header = url[5..comma].Split(';');
        var payload = url[(comma + 1)..];
        var bytes = header.Contains("base64") ? Convert.FromBase64String(payload) : Encoding.UTF8.GetBytes(Uri.UnescapeDataString(payload));
        return (header[0], bytes);
    }

    private static byte[] Read(Assembly assembly, string file)
    {
        using var stream = assembly.GetManifestResourceStream(Resources + file)
                           ?? throw new InvalidOperationException($"Swagger UI's {file} is missing from {assembly.GetName()}.");
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var plain = new MemoryStream();
        gzip.CopyTo(plain);
        return plain.ToArray();
    }

    private static Asset Make(string contentType, byte[] plain)
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true)) gzip.Write(plain);
        return new Asset(contentType, plain, compressed.ToArray(), $"\"{Convert.ToHexString(SHA256.HashData(plain))[..16]}\"");
    }

    // url("data:…") with CSS-escaped quotes inside (the SVGs), or url(data:…) unquoted (base64 images).
    [GeneratedRegex("""url\((?:"(?<q>data:(?:[^"\\]|\\.)*)"|(?<u>data:[^)"'\s]*))\)""")]
    private static partial Regex DataUrl();
}
