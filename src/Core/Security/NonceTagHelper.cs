using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace CampusKonseling.Security;

/// <summary>
/// Every &lt;script&gt; and &lt;style&gt; written in the platform's own Razor views gets the response's nonce, so the
/// Content-Security-Policy lets them run and nothing else. Markup that reaches a page as data (Markdown, stored HTML)
/// never passes through a tag helper, so it never gets the nonce.
/// </summary>
[HtmlTargetElement("script")]
[HtmlTargetElement("style")]
public sealed class NonceTagHelper : TagHelper
{
    [ViewContext, HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    // After MVC's own script tag helper, which may rewrite src.
    public override int Order => 1000;

    public override void Process(TagHelperContext context, TagHelperOutput output) =>
        output.Attributes.SetAttribute("nonce", ContentSecurityPolicy.For(ViewContext.HttpContext).Nonce);
}
