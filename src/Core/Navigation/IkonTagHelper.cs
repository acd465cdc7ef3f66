using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace CampusKonseling.Navigation;

/// <summary>
/// <c>&lt;ikon nama="jadwal" /&gt;</c>: an icon from the admin theme's SVG sprite (one cached file, no icon font, no CDN), drawn in
/// the text colour beside the words it illustrates. It is decoration: hidden from screen readers, so the text beside it must say it all.
/// </summary>
[HtmlTargetElement("ikon", Attributes = "nama", TagStructure = TagStructure.WithoutEndTag)]
public sealed class IkonTagHelper : TagHelper
{
    /// <summary>Served by the admin theme, which every campus has.</summary>
    public const string Sprite = "/_theme/admin/ikon.svg";

    [ViewContext, HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public string Nama { get; set; } = "";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "svg";
        output.TagMode = TagMode.StartTagAndEndTag;
        var extra = output.Attributes.TryGetAttribute("class", out var c) ? " " + c.Value : "";
        output.Attributes.SetAttribute("class", "ikon" + extra);
        output.Attributes.SetAttribute("aria-hidden", "true");
        output.Attributes.SetAttribute("focusable", "false");
        var href = ViewContext.HttpContext.Request.PathBase + Sprite + "#" + Nama;
        output.Content.SetHtmlContent($"<use href=\"{HtmlEncoder.Default.Encode(href)}\"></use>");
    }
}
