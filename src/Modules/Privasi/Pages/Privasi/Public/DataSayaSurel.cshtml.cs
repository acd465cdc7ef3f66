using CampusKonseling.Audit;
using CampusKonseling.Privasi.Data;
using CampusKonseling.Privasi.Hak;
using CampusKonseling.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Privasi.Pages.Privasi.Public;

/// <summary>
/// "Data pribadi saya" for someone without an account, reached through the link sent to their address: the same requests,
/// answers and copy, for that address only, and only of records that carry no account (an account's records are its own).
/// </summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(PrivasiRateLimit.Policy)]
public sealed class DataSayaSurelModel(PermintaanHak hak, SalinanData salinan, VerifikasiSurel verifikasi, IPejabatPdp pejabat, CampusClock campusClock, IAuditLog audit,
    IStringLocalizer<S> T) : PageModel
{
    public string? Alamat { get; private set; }
    public IReadOnlyList<PermintaanRow> Rows { get; private set; } = [];
    public PejabatPdp? Pejabat { get; private set; }
    public CampusTime Waktu { get; private set; } = null!;
    public bool AdaSop { get; private set; }
    public string? Galat { get; private set; }
    [TempData] public string? Pesan { get; set; }
    [BindProperty] public string? Jenis { get; set; }
    [BindProperty] public string? Uraian { get; set; }

    public async Task OnGetAsync(string token, CancellationToken ct) => await LoadAsync(token, ct);

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken ct)
    {
        if (!await LoadAsync(token, ct)) return Page();
        var (row, refusal) = await hak.AjukanAsync(Pemohon.Surel(Alamat!), Jenis, Uraian, ct);
        if (refusal is not null)
        {
            Galat = refusal;
            return Page();
        }
        Pesan = T["Permintaan {0} diterima. Unit layanan menjawab paling lambat {1}; jawabannya dikirim ke {2}.", row!.Nomor, Waktu.Format(row.JatuhTempo), Alamat!];
        return Redirect(Url.Content($"~/data-pribadi-saya/surel/{token}"));
    }

    public async Task<IActionResult> OnGetUnduhAsync(string token, Guid id, string? format, CancellationToken ct)
    {
        if (!await LoadAsync(token, ct) || await hak.FindAsync(id, ct) is not { PenggunaId: null } row
            || !string.Equals(row.Email, Alamat, StringComparison.OrdinalIgnoreCase)) return NotFound();
        return await Salinan.UnduhAsync(this, row, format, salinan, audit, ct);
    }

    private async Task<bool> LoadAsync(string token, CancellationToken ct)
    {
        // The link is the key to the address's requests: never kept by a shared cache or the browser's history of pages.
        Response.Headers.CacheControl = "no-store";
        Waktu = await campusClock.GetAsync(ct);
        Pejabat = await pejabat.GetAsync(ct);
        Alamat = await verifikasi.AlamatAsync(token, ct);
        if (Alamat is null) return false;
        Rows = await hak.MilikAsync(Pemohon.Surel(Alamat), ct);
        AdaSop = await hak.SopAsync(ct) is not null;
        return true;
    }

    public DaftarPermintaan Daftar(string token) => new(Rows, Waktu, (r, format) => Url.Content($"~/data-pribadi-saya/surel/{token}?handler=Unduh&id={r.Id}&format={format}"));
}
