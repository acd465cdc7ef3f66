using System.Text.RegularExpressions;
using Markdig;

namespace CampusKonseling.Pages.Content;

public static partial class PageRules
{
    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();

    public static bool IsSlug(string slug) => slug.Length is >= 2 and <= 60 && SlugPattern().IsMatch(slug);

    // Raw HTML is switched off, but the advanced extensions still pass javascript: links and generic attributes
    // ({onclick=…}): the HTML goes through the allow-list sanitizer on every render, pages stored earlier included.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().UseAdvancedExtensions().Build();

    public static string ToHtml(string markdown) => PageSanitizer.Sanitize(Markdown.ToHtml(markdown, Pipeline));
}
