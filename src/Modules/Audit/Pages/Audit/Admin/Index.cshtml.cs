using System.ComponentModel.DataAnnotations;
using CampusKonseling.Audit.Chain;
using CampusKonseling.Audit.Data;
using CampusKonseling.Security;
using CampusKonseling.Site;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Audit.Pages.Audit.Admin;

/// <summary>The campus's audit trail, newest first, with filters and the chain check.</summary>
[RequirePermission(Permissions.ViewAudit)]
public sealed class IndexModel(AuditDb db, ChainVerifier verifier, CampusClock campusClock, IStringLocalizer<S> T) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public string? Jenis { get; set; }
    [BindProperty(SupportsGet = true), Display(Name = "Pengguna")] public string? Pengguna { get; set; }
    [BindProperty(SupportsGet = true), Display(Name = "Jenis subjek")] public string? SubjekJenis { get; set; }
    [BindProperty(SupportsGet = true), Display(Name = "ID subjek")] public string? SubjekId { get; set; }
    [BindProperty(SupportsGet = true), Display(Name = "Dari tanggal")] public DateOnly? Dari { get; set; }
    [BindProperty(SupportsGet = true), Display(Name = "Sampai tanggal")] public DateOnly? Sampai { get; set; }
    [BindProperty(SupportsGet = true)] public long? Sebelum { get; set; }

    public EntryList Entries { get; private set; } = new([], TimeZoneInfo.Utc);
    public string? Next { get; private set; }
    public ChainReport? Report { get; private set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostPeriksaAsync(CancellationToken ct)
    {
        Report = await verifier.VerifyAsync(ct);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var zone = (await campusClock.GetAsync(ct)).Zone;
        if (Dari is not null && Sampai is not null && Sampai < Dari)
            ModelState.AddModelError(nameof(Sampai), T["Tanggal akhir tidak boleh sebelum tanggal awal."]);
        if (!ModelState.IsValid)
        {
            Entries = new([], zone);
            return;
        }
        var items = await Filter(db.Entries.AsNoTracking(), zone).OrderByDescending(e => e.Urutan).Take(PageSize + 1).ToListAsync(ct);
        if (items.Count > PageSize)
        {
            items.RemoveAt(PageSize);
            Next = Url.Content("~/admin/audit") + Query(items[^1].Urutan);
        }
        Entries = new(items, zone);
    }

    private IQueryable<AuditEntry> Filter(IQueryable<AuditEntry> q, TimeZoneInfo zone)
    {
        if (!string.IsNullOrWhiteSpace(Jenis)) q = q.Where(e => e.Jenis == Jenis);
        if (!string.IsNullOrWhiteSpace(Pengguna))
        {
            var id = Pengguna.Trim();
            var like = "%" + id.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            q = q.Where(e => e.PenggunaId == id || EF.Functions.ILike(e.PenggunaNama, like) || EF.Functions.ILike(e.PenggunaEmail!, like));
        }
        if (!string.IsNullOrWhiteSpace(SubjekJenis)) q = q.Where(e => e.SubjekJenis == SubjekJenis.Trim());
        if (!string.IsNullOrWhiteSpace(SubjekId)) q = q.Where(e => e.SubjekId == SubjekId.Trim());
        if (Dari is { } from)
        {
            var start = Start(from, zone);
            q = q.Where(e => e.Waktu >= start);
        }
        if (Sampai is { } to)
        {
            var end = Start(to.AddDays(1), zone);
            q = q.Where(e => e.Waktu < end);
        }
        if (Sebelum is { } before) q = q.Where(e => e.Urutan < before);
        return q;
    }

    /// <summary>Midnight of a campus day, as an instant.</summary>
    private static DateTimeOffset Start(DateOnly day, TimeZoneInfo zone) =>
        new(TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue), zone), TimeSpan.Zero);

    private QueryString Query(long before) => QueryString.Create(new Dictionary<string, string?>
    {
        ["jenis"] = Jenis, ["pengguna"] = Pengguna, ["subjekJenis"] = SubjekJenis, ["subjekId"] = SubjekId,
        ["dari"] = Dari?.ToString("yyyy-MM-dd"), ["sampai"] = Sampai?.ToString("yyyy-MM-dd"), ["sebelum"] = before.ToString(),
    }.Where(p => !string.IsNullOrWhiteSpace(p.Value)));

    public string Verdict(ChainReport r) => r switch
    {
        { Intact: true, Checked: 0 } => T["Jejak audit masih kosong."],
        { Intact: true } => T["Jejak audit utuh: {0} entri diperiksa dan seluruh rantai hash cocok.", r.Checked],
        { Break: ChainBreak.ContentChanged } => T["Jejak audit RUSAK pada entri nomor {0}: isinya diubah setelah dicatat (hash tidak cocok).", r.BrokenAt!],
        { Break: ChainBreak.LinkBroken } => T["Jejak audit RUSAK pada entri nomor {0}: tautan ke entri sebelumnya putus.", r.BrokenAt!],
        _ => T["Jejak audit RUSAK: entri nomor {0} hilang (dihapus).", r.BrokenAt!],
    };
}
