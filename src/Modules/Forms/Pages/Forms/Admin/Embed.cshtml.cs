using CampusKonseling.Forms.Data;
using CampusKonseling.Security;
using CampusKonseling.Site;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Forms.Pages.Forms.Admin;

/// <summary>The snippet that puts a form on the campus's existing website: an iframe that grows with the form.</summary>
[RequirePermission(Permissions.ManageForms)]
public sealed class EmbedModel(FormsDb db, ISiteSettings site) : PageModel
{
    public sealed record Item(string Kode, string Judul, string Snippet);

    public IReadOnlyList<Item> Items { get; private set; } = [];
    public IReadOnlyList<string> Origins { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Origins = (await site.GetAsync(ct)).AsalSematan;
        var origin = $"{Request.Scheme}://{Request.Host}";
        var forms = await db.Forms.AsNoTracking().OrderBy(f => f.Judul).Select(f => new { f.Kode, f.Judul }).ToListAsync(ct);
        Items = forms.Select(f => new Item(f.Kode, f.Judul, Snippet(origin, $"{origin}{Request.PathBase}/formulir/{f.Kode}/sematan", f.Kode, f.Judul))).ToList();
    }

    /// <summary>
    /// An iframe plus a listener that takes its height from the form (only from the platform's origin),
    /// and scrolls it into view after sending, so the tracking code is not below the fold.
    /// </summary>
    public static string Snippet(string origin, string url, string kode, string judul) =>
        $$"""
        <iframe src="{{url}}" title="{{System.Net.WebUtility.HtmlEncode(judul)}}" data-campuskonseling="{{kode}}" style="width:100%;height:640px;border:0" loading="lazy"></iframe>
        <script>
        window.addEventListener("message", function (e) {
          if (e.origin !== "{{origin}}" || !e.data || e.data.type !== "campuskonseling:tinggi") return;
          document.querySelectorAll('iframe[data-campuskonseling="' + e.data.formulir + '"]').forEach(function (f) {
            f.style.height = e.data.tinggi + "px";
            if (e.data.gulir) f.scrollIntoView({ behavior: "smooth", block: "start" });
          });
        });
        </script>
        """;
}
