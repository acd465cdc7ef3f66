using System.Security.Claims;
using CampusKonseling.Archive.Search;
using CampusKonseling.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CampusKonseling.Archive.Pages.Archive.Admin;

/// <summary>The archive search page: query, facets with counts, results by relevance or date, snippets within the reader's rights.</summary>
[RequirePermission(Permissions.SearchArchive)]
public sealed class SearchModel(ArchiveSearch search, IPermissionService permissions) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sop { get; set; }
    [BindProperty(SupportsGet = true)] public int? Tahun { get; set; }
    [BindProperty(SupportsGet = true)] public string? Semester { get; set; }
    [BindProperty(SupportsGet = true)] public string? Bidang { get; set; }
    [BindProperty(SupportsGet = true)] public string? Konselor { get; set; }
    [BindProperty(SupportsGet = true)] public string? JenisKlien { get; set; }
    [BindProperty(SupportsGet = true)] public string? Hasil { get; set; }
    [BindProperty(SupportsGet = true)] public bool Tanggal { get; set; }
    [BindProperty(SupportsGet = true, Name = "halaman")] public int Halaman { get; set; } = 1;
    public const int PageSize = 20;
    public SearchResult Result { get; private set; } = new([], 0, []);
    public int Pages => Math.Max(1, (Result.Total + PageSize - 1) / PageSize);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var reader = new Reader(User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "", await permissions.HasPermissionAsync(User, Permissions.ReadCounselingNotes));
        Halaman = Math.Max(1, Halaman);
        Result = await search.SearchAsync(reader, new SearchRequest(Q, Sop, Tahun, Semester, Bidang, Konselor, JenisKlien, Hasil, Tanggal, Halaman, PageSize), ct);
    }

    public string Link(string? facet = null, string? value = null, int? halaman = null)
    {
        var q = new Dictionary<string, string?>
        {
            ["Q"] = Q, ["Sop"] = Sop, ["Tahun"] = Tahun?.ToString(), ["Semester"] = Semester, ["Bidang"] = Bidang, ["Konselor"] = Konselor,
            ["JenisKlien"] = JenisKlien, ["Hasil"] = Hasil, ["Tanggal"] = Tanggal ? "true" : null, ["halaman"] = (halaman ?? 1).ToString(),
        };
        if (facet is not null) q[facet] = value;
        return Url.Content("~/admin/arsip") + QueryString.Create(q.Where(p => !string.IsNullOrEmpty(p.Value)));
    }

    public static string Label(string column) => column switch
    {
        "sop_judul" => "SOP", "tahun" => "Tahun", "semester" => "Semester", "bidang" => "Bidang masalah", "konselor_nama" => "Konselor", "jenis_klien" => "Jenis klien", _ => "Hasil",
    };

    public static string Param(string column) => column switch
    {
        "sop_judul" => "Sop", "tahun" => "Tahun", "semester" => "Semester", "bidang" => "Bidang", "konselor_nama" => "Konselor", "jenis_klien" => "JenisKlien", _ => "Hasil",
    };
}
