using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using CampusKonseling.Site;

namespace CampusKonseling.Notifications.Channels;

/// <summary>The HTML alternative of an e-mail: the campus's logo, name and colour above the plain text, links clickable.</summary>
public static partial class Letterhead
{
    public static string Html(CampusSettings campus, string? logoUrl, string text, string lang)
    {
        var enc = HtmlEncoder.Default;
        var sb = new StringBuilder();
        sb.Append($"<!doctype html><html lang=\"{lang}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\"></head>");
        sb.Append("<body style=\"margin:0;background:#f5f7fa;font-family:Arial,Helvetica,sans-serif;color:#1f2933\">");
        sb.Append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" style=\"max-width:600px;margin:0 auto;background:#fff\">");
        sb.Append($"<tr><td style=\"background:{enc.Encode(campus.PrimaryColor)};color:#fff;padding:16px\">");
        if (logoUrl is not null) sb.Append($"<img src=\"{enc.Encode(logoUrl)}\" alt=\"{enc.Encode(campus.CampusName)}\" height=\"48\" style=\"vertical-align:middle;margin-right:12px\">");
        sb.Append($"<strong style=\"font-size:18px\">{enc.Encode(campus.CampusName)}</strong>");
        if (campus.UnitName is { Length: > 0 } unit) sb.Append($"<br><span style=\"font-size:14px\">{enc.Encode(unit)}</span>");
        sb.Append("</td></tr><tr><td style=\"padding:16px;font-size:15px;line-height:1.5\">");
        // Line by line: the encoder writes a newline as "&#xA;", which the link pattern would swallow into the address before it.
        sb.Append(string.Join("<br>", text.Split('\n').Select(line => Url().Replace(enc.Encode(line.TrimEnd('\r')), m => $"<a href=\"{m.Value}\">{m.Value}</a>"))));
        sb.Append("</td></tr></table></body></html>");
        return sb.ToString();
    }

    [GeneratedRegex(@"https?://[^\s<>""]+")]
    private static partial Regex Url();
}
