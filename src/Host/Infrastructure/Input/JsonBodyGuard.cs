using System.Globalization;
using System.Text.Json;
using CampusKonseling.Data;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Host.Infrastructure.Input;

/// <summary>
/// Reads every JSON body sent to a campus API once before any endpoint binds it, so the APIs share one answer
/// to input no endpoint can use: broken JSON, a body over <see cref="MaxBytes"/>, or a string PostgreSQL cannot
/// store (a lone UTF-16 surrogate such as "\ud800", a NUL, other control characters) is a 400 (413 for size)
/// problem details naming the JSON path of the field, in the request's language. Endpoints never see it, so
/// none of them can turn it into a 500 by reading or storing it.
/// </summary>
public sealed class JsonBodyGuard(RequestDelegate next)
{
    /// <summary>Larger than any legitimate batch (1,000 students or archive records), far below Kestrel's 30 MB.</summary>
    public const long MaxBytes = 8 * 1024 * 1024;

    public async Task InvokeAsync(HttpContext context, IStringLocalizer<S> T)
    {
        var request = context.Request;
        if (!request.Path.StartsWithSegments("/api") || HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || !IsJson(request.ContentType)
            || request.ContentLength == 0)
        {
            await next(context);
            return;
        }
        if (await ReadAsync(request, context.RequestAborted) is not { } body)
        {
            await Problem(StatusCodes.Status413PayloadTooLarge, T["Isi permintaan terlalu besar."], T["Batasnya {0} MB.", MaxBytes / 1024 / 1024], null).ExecuteAsync(context);
            return;
        }
        if (Check(body, T) is { } refusal)
        {
            await refusal.ExecuteAsync(context);
            return;
        }
        request.Body = new MemoryStream(body, writable: false);
        await next(context);
    }

    private static bool IsJson(string? contentType) =>
        contentType is not null && Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var media)
        && (media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || media.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase));

    private static async Task<byte[]?> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxBytes) return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    /// <summary>Walks the tokens keeping the path ("jawaban.nama", "mahasiswa[3].nama"); null when every string is storable.</summary>
    private static IResult? Check(byte[] body, IStringLocalizer<S> T)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 64 });
        var path = new List<Segment>();
        var bad = new SortedSet<string>(StringComparer.Ordinal);
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        var name = Storable(ref reader);
                        path[^1] = path[^1] with { Name = name ?? "?" };
                        if (name is null) bad.Add(PathOf(path));
                        continue; // the value that follows belongs to this name
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        Advance(path);
                        path.Add(new Segment(reader.TokenType == JsonTokenType.StartArray, null, -1));
                        continue;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        path.RemoveAt(path.Count - 1);
                        continue;
                    case JsonTokenType.String:
                        Advance(path);
                        if (Storable(ref reader) is null) bad.Add(PathOf(path));
                        continue;
                    default:
                        Advance(path);
                        continue;
                }
            }
        }
        catch (JsonException ex)
        {
            return Problem(StatusCodes.Status400BadRequest, T["Isi permintaan bukan JSON yang sah."],
                T["Periksa baris {0}, posisi {1}.", (ex.LineNumber ?? 0) + 1, (ex.BytePositionInLine ?? 0) + 1], null);
        }
        if (bad.Count == 0) return null;
        var message = T["Teks berisi karakter yang tidak dapat disimpan (karakter kontrol seperti NUL, atau separuh pasangan surrogate UTF-16). Hapus karakter itu lalu kirim lagi."];
        return Problem(StatusCodes.Status400BadRequest, T["Permintaan berisi teks yang tidak dapat disimpan."], null,
            bad.ToDictionary(p => p, _ => new[] { message.Value }));
    }

    /// <summary>The decoded text, or null when it cannot be decoded (invalid UTF-8, lone surrogate escape) or stored.</summary>
    private static string? Storable(ref Utf8JsonReader reader)
    {
        try
        {
            var text = reader.GetString();
            return StorableText.IsStorable(text) ? text ?? "" : null;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private sealed record Segment(bool IsArray, string? Name, int Index);

    /// <summary>A value inside an array moves the array's index on; inside an object its name was set already.</summary>
    private static void Advance(List<Segment> path)
    {
        if (path.Count > 0 && path[^1].IsArray) path[^1] = path[^1] with { Index = path[^1].Index + 1 };
    }

    private static string PathOf(List<Segment> path)
    {
        var text = new System.Text.StringBuilder();
        foreach (var s in path)
        {
            if (s.IsArray) text.Append('[').Append(s.Index.ToString(CultureInfo.InvariantCulture)).Append(']');
            else if (s.Name is not null) text.Append(text.Length > 0 ? "." : "").Append(s.Name);
        }
        return text.ToString();
    }

    private static IResult Problem(int status, string title, string? detail, Dictionary<string, string[]>? errors) =>
        errors is null
            ? Results.Problem(statusCode: status, title: title, detail: detail)
            : Results.ValidationProblem(errors, statusCode: status, title: title, detail: detail);
}
