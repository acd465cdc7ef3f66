using System.Net.Http.Json;
using System.Text.Json;

namespace CampusKonseling.Tests.Infrastructure;

/// <summary>Reads mail back from the SMTP test server (maildev) that ./test.sh starts.</summary>
public static class MailDev
{
    public sealed record Mail(string Subject, string Text, string From = "", string Html = "");

    public static async Task<Mail> WaitForAsync(string to, TimeSpan? within = null, Func<Mail, bool>? where = null)
    {
        var url = Environment.GetEnvironmentVariable("CK_MAILDEV_URL");
        Assert.False(string.IsNullOrEmpty(url), "Run the tests with ./test.sh: it starts the SMTP test server (maildev) and sets CK_MAILDEV_URL.");
        using var http = new HttpClient { BaseAddress = new Uri(url!) };
        // The outbox delivers in rounds across every campus of the suite: on a busy machine a message can take longer than 10 s.
        var until = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            foreach (var mail in (await http.GetFromJsonAsync<JsonElement>("email")).EnumerateArray().Reverse())
            {
                // A message without a To header (another user's raw test mail in a shared maildev) is not ours.
                if (!mail.TryGetProperty("to", out var recipients) || recipients.ValueKind != JsonValueKind.Array
                    || !recipients.EnumerateArray().Any(t => t.TryGetProperty("address", out var a) && a.GetString() == to)) continue;
                var from = mail.TryGetProperty("from", out var f) && f.ValueKind == JsonValueKind.Array ? string.Join(",", f.EnumerateArray().Select(a => a.GetProperty("address").GetString())) : "";
                var html = mail.TryGetProperty("html", out var h) && h.ValueKind == JsonValueKind.String ? h.GetString()! : "";
                var found = new Mail(Text(mail, "subject"), Text(mail, "text"), from, html);
                if (where is null || where(found)) return found;
            }
            if (DateTime.UtcNow > until) throw new TimeoutException($"No e-mail to {to} arrived at {url}.");
            await Task.Delay(200);
        }
    }

    private static string Text(JsonElement mail, string name) =>
        mail.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";
}
