using System.Net.Http.Headers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace CampusKonseling.Notifications.Channels;

/// <summary>
/// Sends SMS or WhatsApp text through the campus's provider, described as data: URL, method, headers
/// and a body template with {telepon} and {pesan}. Values are escaped to suit where they land (URL,
/// JSON or form body), so a message with quotes or ampersands cannot break the request.
/// </summary>
public sealed class TextGateway(ChannelSettingsStore store)
{
    private static readonly HttpClient Http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) }) { Timeout = TimeSpan.FromSeconds(20) };

    public async Task SendAsync(ChannelSettings settings, string telepon, string pesan, CancellationToken ct)
    {
        if (!settings.GatewayReady) throw new GatewayException("Gateway SMS/WhatsApp kampus belum diatur atau sedang dinonaktifkan.");
        var values = new Dictionary<string, string> { ["telepon"] = PhoneNumbers.International(telepon), ["pesan"] = pesan };
        var url = TemplateText.Render(settings.GatewayUrl!, values.ToDictionary(v => v.Key, v => Uri.EscapeDataString(v.Value)));
        var method = new HttpMethod(settings.GatewayMethod);
        using var request = new HttpRequestMessage(method, url);
        if (method != HttpMethod.Get && !string.IsNullOrEmpty(settings.GatewayBody))
        {
            var body = TemplateText.Render(settings.GatewayBody, values.ToDictionary(v => v.Key, v => Escape(v.Value, settings.GatewayContentType)));
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(settings.GatewayContentType);
        }
        foreach (var (name, value) in store.Headers(settings))
            if (!request.Headers.TryAddWithoutValidation(name, value)) request.Content?.Headers.TryAddWithoutValidation(name, value);
        using var response = await Http.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
        {
            var text = await response.Content.ReadAsStringAsync(ct);
            throw new GatewayException($"Gateway menjawab {(int)response.StatusCode} {response.ReasonPhrase}: {(text.Length > 200 ? text[..200] : text)}");
        }
    }

    private static string Escape(string value, string contentType) =>
        contentType.Contains("json", StringComparison.OrdinalIgnoreCase) ? JsonEncodedText.Encode(value, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString()
        : contentType.Contains("x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) ? Uri.EscapeDataString(value)
        : value;
}

public sealed class GatewayException(string message) : Exception(message);
