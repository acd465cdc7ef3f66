using CampusKonseling.Forms.Intake;
using CampusKonseling.Site;
using CampusKonseling.Workflows;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CampusKonseling.Forms.Pages.Forms.Public;

/// <summary>After sending: the tracking code and what happens next, in words. Nothing personal is shown.</summary>
public abstract class DonePageModel(FormCatalog catalog, ISopLauncher sops) : PageModel
{
    public FormVersion Form { get; private set; } = null!;
    public SopEntry? Next { get; private set; }
    [BindProperty(SupportsGet = true, Name = "kode")] public string? KodePelacakan { get; set; }
    public virtual bool Embedded => false;

    public async Task<IActionResult> OnGetAsync(string formulir, CancellationToken ct)
    {
        var form = await catalog.CurrentAsync(formulir, ct);
        if (form is null || string.IsNullOrWhiteSpace(KodePelacakan)) return NotFound();
        Form = form;
        Next = form.Form.Sop is { } sop ? await sops.DescribeAsync(sop, ct) : null;
        return Page();
    }
}

public sealed class DoneModel(FormCatalog catalog, ISopLauncher sops) : DonePageModel(catalog, sops);

/// <summary>The same, inside the campus website's iframe.</summary>
public sealed class EmbedDoneModel(FormCatalog catalog, ISopLauncher sops, ISiteSettings site) : DonePageModel(catalog, sops)
{
    public override bool Embedded => true;

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        await EmbedPolicy.ApplyAsync(HttpContext, site);
        await next();
    }
}
