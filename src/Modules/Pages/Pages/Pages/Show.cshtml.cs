using CampusKonseling.Pages.Content;
using CampusKonseling.Pages.Data;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Pages.Pages;

public sealed class ShowModel(PagesDb db) : PageModel
{
    public CampusPage Item { get; private set; } = null!;
    public HtmlString Html { get; private set; } = HtmlString.Empty;

    /// <summary>Most pages open with their own "# Heading"; the title is shown only when they do not.</summary>
    public bool ShowTitle { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var page = await db.Pages.AsNoTracking().FirstOrDefaultAsync(p => p.Slug == slug, ct);
        if (page is null) return NotFound();
        Item = page;
        Html = new HtmlString(PageRules.ToHtml(page.Body));
        ShowTitle = !page.Body.TrimStart().StartsWith("# ", StringComparison.Ordinal);
        return Page();
    }
}
