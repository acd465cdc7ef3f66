using System.Security.Claims;
using CampusKonseling.Archive.Search;
using CampusKonseling.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CampusKonseling.Archive.Pages.Archive.Admin;

/// <summary>The archive search page: query, facets with counts, results by relevance or date, snippets within the reader's rights.</summary>
[RequirePermission(Permissions.SearchArchive)]
public sealed class SearchModel(ArchiveSearch search, IPermissionService permissions, CampusKonseling.Archive.Data.ArchiveDb db, TimeProvider clock, Microsoft.Extensions.Localization.IStringLocalizer<S> T) : PageModel
{
    public IReadOnlyList<CampusKonseling.Archive.Data.SavedSearch> Saved { get; private set; } = [];
    public bool CanExport { get; private set; }
    [BindProperty] public string? NamaPencarian { get; set; }
    [BindProperty] public string? Kueri { get; set; }
    public string? SaveError { get; private set; }
    [TempData] public string? Message { get; set; }
    private string Me => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sop { get; set; }
    [BindProperty(SupportsGet = true)] public int? Tahun { get; set; }
    [BindProperty(SupportsGet = true)] public string? Semester { get; set; }
    [BindProperty(SupportsGet = true)] public string? Bidang { get; set; }
    [BindProperty(SupportsGet = true)] public string? Konselor { get; set; }
    [BindProperty(SupportsGet = true)] public string? JenisKlien { get; set; }
    [BindProperty(SupportsGet = true)] public string? Hasil { get; set; }
    [BindProperty(SupportsGet = true)] public string? Unit { get; set; }
    [BindProperty(SupportsGet = true)] public bool Tanggal { get; set; }
    [BindProperty(SupportsGet = true, Name = "halaman")] public int Halaman { get; set; } = 1;
    public const int PageSize = 20;
    public SearchResult Result { get; private set; } = new([], 0, []);
    /// <summary>Pages of results; a broad query ranked by relevance has only its candidates to page through.</summary>
    public int Pages => Math.Max(1, Math.Min((Result.Total + PageSize - 1) / PageSize,
        Result.Perkiraan && !Tanggal && !string.IsNullOrWhiteSpace(Q) ? ArchiveSearch.Candidates / PageSize : int.MaxValue));

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    private async Task LoadAsync(CancellationToken ct)
    {
        Saved = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(db.SavedSearches.Where(s => s.UserId == Me).OrderBy(s => s.Nama), ct);
        CanExport = await permissions.HasPermissionAsync(User, Permissions.ExportArchive);
        var reader = new Reader(User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "", await permissions.HasPermissionAsync(User, Permissions.ReadCounselingNotes));
        Halaman = Math.Max(1, Halaman);
        Result = await search.SearchAsync(reader, new SearchRequest(Q, Sop, Tahun, Semester, Bidang, Konselor, JenisKlien, Hasil, Tanggal, Halaman, PageSize, Unit), ct);
    }

    public async Task<IActionResult> OnPostSimpanAsync(CancellationToken ct)
    {
        var nama = (NamaPencarian ?? "").Trim();
        var kueri = (Kueri ?? "").Trim();
        if (nama.Length is 0 or > 100) SaveError = T["Beri nama pencarian (paling panjang 100 karakter)."];
        else if (kueri.Length > 2000 || !kueri.StartsWith('?') && kueri.Length > 0) SaveError = T["Pencarian tidak dapat disimpan."];
        if (SaveError is not null)
        {
            await LoadAsync(ct);
            return Page();
        }
        db.SavedSearches.Add(new CampusKonseling.Archive.Data.SavedSearch { UserId = Me, Nama = nama, Kueri = kueri, DibuatPada = clock.GetUtcNow() });
        await db.SaveChangesAsync(ct);
        Message = T["Pencarian \"{0}\" disimpan.", nama];
        return Redirect(Url.Content("~/admin/arsip") + kueri);
    }

    public async Task<IActionResult> OnPostHapusAsync(long id, CancellationToken ct)
    {
        await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ExecuteDeleteAsync(db.SavedSearches.Where(s => s.Id == id && s.UserId == Me), ct);
        return Redirect(Url.Content("~/admin/arsip"));
    }

    /// <summary>The result list as CSV for roles allowed to export: metadata only, and matches on staff text only (never counseling text).</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        if (!await permissions.HasPermissionAsync(User, Permissions.ExportArchive)) return Forbid();
        var staffOnly = new Reader(Me, false, HanyaTeksStaf: true);
        var rows = new List<SearchHit>();
        for (var page = 1; rows.Count < 10_000; page++)
        {
            // Newest first: a list to keep, and not limited to a broad query's ranked candidates.
            var result = await search.SearchAsync(staffOnly, new SearchRequest(Q, Sop, Tahun, Semester, Bidang, Konselor, JenisKlien, Hasil, true, page, 100, Unit), ct);
            rows.AddRange(result.Hits);
            if (result.Hits.Count < 100) break;
        }
        await using var text = new StringWriter();
        await using (var csv = new CsvHelper.CsvWriter(text, System.Globalization.CultureInfo.GetCultureInfo("id-ID")))
        {
            foreach (var h in new[] { "jenis", "judul", "nomor", "sop", "nama", "ditutup" }) csv.WriteField(h);
            await csv.NextRecordAsync();
            foreach (var h in rows)
            {
                csv.WriteField(h.Jenis); csv.WriteField(h.Judul); csv.WriteField(h.Nomor); csv.WriteField(h.SopJudul); csv.WriteField(h.Nama);
                csv.WriteField(h.Ditutup?.ToString("yyyy-MM-dd"));
                await csv.NextRecordAsync();
            }
        }
        return File(System.Text.Encoding.UTF8.GetPreamble().Concat(System.Text.Encoding.UTF8.GetBytes(text.ToString())).ToArray(), "text/csv; charset=utf-8", "arsip.csv");
    }

    public string Link(string? facet = null, string? value = null, int? halaman = null)
    {
        var q = new Dictionary<string, string?>
        {
            ["Q"] = Q, ["Sop"] = Sop, ["Tahun"] = Tahun?.ToString(), ["Semester"] = Semester, ["Bidang"] = Bidang, ["Konselor"] = Konselor,
            ["JenisKlien"] = JenisKlien, ["Hasil"] = Hasil, ["Unit"] = Unit, ["Tanggal"] = Tanggal ? "true" : null, ["halaman"] = (halaman ?? 1).ToString(),
        };
        if (facet is not null) q[facet] = value;
        return Url.Content("~/admin/arsip") + QueryString.Create(q.Where(p => !string.IsNullOrEmpty(p.Value)));
    }

    public static string Label(string column) => column switch
    {
        "sop_judul" => "SOP", "unit" => "Unit", "tahun" => "Tahun", "semester" => "Semester", "bidang" => "Bidang masalah", "konselor_nama" => "Konselor", "jenis_klien" => "Jenis klien", _ => "Hasil",
    };

    public static string Param(string column) => column switch
    {
        "sop_judul" => "Sop", "unit" => "Unit", "tahun" => "Tahun", "semester" => "Semester", "bidang" => "Bidang", "konselor_nama" => "Konselor", "jenis_klien" => "JenisKlien", _ => "Hasil",
    };
}
