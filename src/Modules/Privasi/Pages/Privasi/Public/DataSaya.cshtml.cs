using System.Security.Claims;
using CampusKonseling.Audit;
using CampusKonseling.Privasi.Data;
using CampusKonseling.Privasi.Hak;
using CampusKonseling.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Privasi.Pages.Privasi.Public;

/// <summary>
/// "Data pribadi saya": a signed-in person asks for access to their data, its correction or erasure, a restriction, or
/// withdraws a consent; sees each request with its 3 x 24 jam answer time, the answer, and downloads the copy (JSON and PDF)
/// once the unit answered an access request. Only their own requests, by account. Someone without an account (a public
/// form's sender) asks for a link to their e-mail address and continues on <see cref="DataSayaSurelModel"/>.
/// </summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(PrivasiRateLimit.Policy)]
public sealed class DataSayaModel(PermintaanHak hak, SalinanData salinan, VerifikasiSurel verifikasi, IPejabatPdp pejabat, CampusClock campusClock, IAuditLog audit,
    IStringLocalizer<S> T) : PageModel
{
    public IReadOnlyList<PermintaanRow> Rows { get; private set; } = [];
    public PejabatPdp? Pejabat { get; private set; }
    public CampusTime Waktu { get; private set; } = null!;
    public bool AdaSop { get; private set; }
    public string? Galat { get; private set; }
    public string? GalatSurel { get; private set; }
    public bool Masuk => User.Identity?.IsAuthenticated == true;
    [TempData] public string? Pesan { get; set; }
    [BindProperty] public string? Jenis { get; set; }
    [BindProperty] public string? Uraian { get; set; }
    [BindProperty] public string? Email { get; set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!Masuk) return Challenge();
        var (row, refusal) = await hak.AjukanAsync(Pemohon.Dari(User), Jenis, Uraian, ct);
        if (refusal is not null)
        {
            Galat = refusal;
            await LoadAsync(ct);
            return Page();
        }
        Pesan = T["Permintaan {0} diterima. Unit layanan menjawab paling lambat {1}.", row!.Nomor, (await campusClock.GetAsync(ct)).Format(row.JatuhTempo)];
        return RedirectToPage();
    }

    /// <summary>Without an account: a link to the address, which proves it (the same answer whether or not the unit holds data of it).</summary>
    public async Task<IActionResult> OnPostTautanAsync(CancellationToken ct)
    {
        if (await verifikasi.KirimAsync(Email, ct) is { } refusal)
        {
            GalatSurel = refusal;
            await LoadAsync(ct);
            return Page();
        }
        Pesan = T["Tautan dikirim ke {0}. Buka e-mail itu untuk melanjutkan; tautan berlaku 7 hari.", Email!.Trim()];
        return RedirectToPage();
    }

    /// <summary>The copy of an answered access request of this person, as JSON or PDF.</summary>
    public async Task<IActionResult> OnGetUnduhAsync(Guid id, string? format, CancellationToken ct)
    {
        if (!Masuk || await hak.FindAsync(id, ct) is not { } row || row.PenggunaId != User.FindFirstValue(ClaimTypes.NameIdentifier)) return NotFound();
        return await Salinan.UnduhAsync(this, row, format, salinan, audit, ct);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        if (Pemohon.Dari(User) is { } me) Rows = await hak.MilikAsync(me, ct);
        Pejabat = await pejabat.GetAsync(ct);
        Waktu = await campusClock.GetAsync(ct);
        AdaSop = await hak.SopAsync(ct) is not null;
    }

    public DaftarPermintaan Daftar => new(Rows, Waktu, (r, format) => Url.Content($"~/data-pribadi-saya?handler=Unduh&id={r.Id}&format={format}"));
}
