using CampusKonseling.Letters.Data;
using CampusKonseling.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Letters.Pages.Letters.Admin;

/// <summary>
/// The letters made so far: number, template, owner, version, when and by whom. Only what identifies a letter;
/// its content is opened from the case it belongs to, where the reader's rights are checked.
/// </summary>
[RequirePermission(CampusKonseling.Letters.Permissions.ManageLetters)]
public sealed class IndexModel(LettersDb db, CampusKonseling.Site.CampusClock campusClock) : PageModel
{
    public const int PageSize = 50;

    public sealed record Row(Guid Id, string Nomor, string Judul, string TemplatKode, string PemilikJenis, string PemilikId, int Versi, DateTimeOffset DibuatPada, string DibuatOleh, string Hash);

    [BindProperty(SupportsGet = true, Name = "templat")] public string? Templat { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int Halaman { get; set; } = 1;
    public IReadOnlyList<Row> Items { get; private set; } = [];
    public IReadOnlyList<(string Kode, string Judul)> Templates { get; private set; } = [];
    public bool HasMore { get; private set; }
    public CampusKonseling.Site.CampusTime Time { get; private set; } = new(TimeZoneInfo.Utc, DateTimeOffset.UnixEpoch);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Halaman = Math.Max(1, Halaman);
        Time = await campusClock.GetAsync(ct);
        Templates = (await db.Templates.AsNoTracking().OrderBy(t => t.Judul).Select(t => new { t.Kode, t.Judul }).ToListAsync(ct)).Select(t => (t.Kode, t.Judul)).ToList();
        var query = db.Letters.AsNoTracking();
        if (!string.IsNullOrEmpty(Templat)) query = query.Where(l => l.TemplatKode == Templat);
        var rows = await query.OrderByDescending(l => l.DibuatPada).ThenByDescending(l => l.Versi)
            .Skip((Halaman - 1) * PageSize).Take(PageSize + 1)
            .Select(l => new Row(l.Id, l.Nomor, l.Judul, l.TemplatKode, l.PemilikJenis, l.PemilikId, l.Versi, l.DibuatPada, l.DibuatOleh, l.Hash))
            .ToListAsync(ct);
        HasMore = rows.Count > PageSize;
        Items = rows.Take(PageSize).ToList();
    }
}
