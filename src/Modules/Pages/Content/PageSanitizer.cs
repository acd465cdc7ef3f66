using AngleSharp.Dom;
using Ganss.Xss;

namespace CampusKonseling.Pages.Content;

/// <summary>
/// What a campus page's HTML may hold: the elements Markdown makes and nothing that runs. Markdig's generic
/// attributes ({onclick=…}) and link syntax (javascript:) would otherwise pass, and every campus on the same origin
/// would run them. Applied on every render, so pages stored before it existed come out safe too.
/// </summary>
public static class PageSanitizer
{
    /// <summary>Ids the author gives (or Markdig derives from headings) get this prefix, so they never name the platform's own elements.</summary>
    public const string IdPrefix = "md-";

    private static readonly HtmlSanitizer Sanitizer = Create();

    public static string Sanitize(string html) => Sanitizer.Sanitize(html);

    private static HtmlSanitizer Create()
    {
        var sanitizer = new HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "h1", "h2", "h3", "h4", "h5", "h6", "p", "br", "hr", "ul", "ol", "li", "dl", "dt", "dd",
                "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption",
                "pre", "code", "blockquote", "em", "strong", "del", "ins", "mark", "sub", "sup", "abbr", "a", "img",
                "figure", "figcaption", "input", // Markdig's task lists: disabled checkboxes, see below
            },
            AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "href", "src", "alt", "title", "id", "colspan", "rowspan", "start", "type", "checked", "disabled",
            },
            AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto" },
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "src" },
            AllowedCssProperties = new HashSet<string>(),
            AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
        });
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is not IElement element) return;
            if (element.LocalName == "input" && element.GetAttribute("type") != "checkbox") { element.Remove(); return; }
            if (element.LocalName == "input") element.SetAttribute("disabled", "");
            if (element.Id is { Length: > 0 } id && !id.StartsWith(IdPrefix, StringComparison.Ordinal)) element.Id = IdPrefix + id;
            if (element.LocalName == "a" && element.GetAttribute("href") is { } href)
            {
                if (href.StartsWith('#') && href.Length > 1) element.SetAttribute("href", "#" + IdPrefix + href[1..]);
                // A page may link out, but the other site gets no handle on this window and no credit for the link.
                else if (Uri.TryCreate(href, UriKind.Absolute, out var u) && u.Scheme is "http" or "https") element.SetAttribute("rel", "nofollow noopener noreferrer");
            }
        };
        return sanitizer;
    }
}
