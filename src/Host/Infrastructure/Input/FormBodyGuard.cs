namespace CampusKonseling.Host.Infrastructure.Input;

/// <summary>
/// A URL-encoded form post carrying an escaped control character ("%00") is refused by ASP.NET Core's form
/// reader as a whole ("The form value contains invalid characters"), before any page could show the answers
/// again: a 500 on every resend. Those escapes (and raw control bytes) are taken out of the body before anything
/// reads it, as <see cref="FormTextFilter"/> does for multipart posts after they are read. Tab, line feed and
/// carriage return stay; a literal "%" is always sent as "%25", so no typed text is touched.
/// </summary>
public sealed class FormBodyGuard(RequestDelegate next)
{
    /// <summary>ASP.NET Core's own limit for one form value; a bigger URL-encoded body is left to it to refuse.</summary>
    private const long MaxBytes = 4 * 1024 * 1024;

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (HttpMethods.IsGet(request.Method) || request.ContentLength is null or 0 or > MaxBytes
            || request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) != true)
        {
            await next(context);
            return;
        }
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, context.RequestAborted);
        var body = buffer.ToArray();
        var cleaned = Clean(body);
        request.Body = new MemoryStream(cleaned, writable: false);
        if (cleaned.Length != body.Length) request.ContentLength = cleaned.Length;
        await next(context);
    }

    private static byte[] Clean(byte[] body)
    {
        var output = new List<byte>(body.Length);
        for (var i = 0; i < body.Length; i++)
        {
            var b = body[i];
            if (b == '%' && i + 2 < body.Length && Hex(body[i + 1]) is { } hi && Hex(body[i + 2]) is { } lo && IsUnwanted((byte)(hi * 16 + lo)))
            {
                i += 2;
                continue;
            }
            if (!IsUnwanted(b)) output.Add(b);
        }
        return output.Count == body.Length ? body : output.ToArray();
    }

    private static bool IsUnwanted(byte b) => b is < 0x20 and not (0x09 or 0x0A or 0x0D) or 0x7F;

    private static int? Hex(byte c) => c switch
    {
        >= (byte)'0' and <= (byte)'9' => c - '0',
        >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
        _ => null,
    };
}
