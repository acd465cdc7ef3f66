using System.Security.Claims;
using CampusKonseling.Audit;
using CampusKonseling.Privasi.Data;
using CampusKonseling.Privasi.Hak;
using CampusKonseling.Site;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Privasi.Pages.Privasi.Public;

/// <summary>
/// "Data pribadi saya": a signed-in person asks for access to their data, its correction or erasure, a restriction, or
/// withdraws a consent; sees each request with its 3 x 24 jam answer time, the answer, and downloads the copy (JSON and PDF)
/// once the unit answered an access request. Only their own requests, by account.
/// </summary>
[Authorize]
public sealed class DataSayaModel(PermintaanHak hak, SalinanData salinan, IPejabatPdp pejabat, CampusClock campusClock, IAuditLog audit, IStringLocalizer<S> T) : PageModel
{
    public IReadOnlyList<PermintaanRow> Rows { get; private set; } = [];
    public PejabatPdp? Pejabat { get; private set; }
    public CampusTime Waktu { get; private set; } = null!;
    public bool AdaSop { get; private set; }
    public string? Galat { get; private set; }
    [TempData] public string? Pesan { get; set; }
    [BindProperty] public string? Jenis { get; set; }
    [BindProperty] public string? Uraian { get; set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (row, refusal) = await hak.AjukanAsync(User, Jenis, Uraian, ct);
        if (refusal is not null)
        {
            Galat = refusal;
            await LoadAsync(ct);
            return Page();
        }
        Pesan = T["Permintaan {0} diterima. Unit layanan menjawab paling lambat {1}.", row!.Nomor, (await campusClock.GetAsync(ct)).Format(row.JatuhTempo)];
        return RedirectToPage();
    }

    /// <summary>The copy of an answered access request of this person, as JSON or PDF.</summary>
    public async Task<IActionResult> OnGetUnduhAsync(Guid id, string? format, CancellationToken ct)
    {
        if (await hak.FindAsync(id, ct) is not { } row || row.PenggunaId != User.FindFirstValue(ClaimTypes.NameIdentifier)
            || row.Jenis != JenisHak.Akses || row.DijawabPada is null) return NotFound();
        var copy = await salinan.HimpunAsync(row, ct);
        await audit.RecordAsync(new AuditEvent(AuditKinds.Unduh, "privasi-permintaan", row.Id.ToString(), $"Salinan data pribadi {row.Nomor} diunduh oleh subjek data"), ct);
        return format == "pdf"
            ? File(SalinanPdf.Render(copy), "application/pdf", $"data-pribadi-{row.Nomor}.pdf")
            : File(SalinanData.Json(copy), "application/json; charset=utf-8", $"data-pribadi-{row.Nomor}.json");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Rows = await hak.MilikAsync(User, ct);
        Pejabat = await pejabat.GetAsync(ct);
        Waktu = await campusClock.GetAsync(ct);
        AdaSop = await hak.SopAsync(ct) is not null;
    }

    public string Status(PermintaanRow r) =>
        r.DijawabPada is not null ? T["Dijawab"] : r.TelaahPada is not null ? T["Ditelaah, menunggu jawaban"] : T["Diproses"];
}
