using CampusKonseling.Audit;
using CampusKonseling.Privasi.Data;
using CampusKonseling.Privasi.Hak;
using CampusKonseling.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Privasi.Pages.Privasi.Public;

/// <summary>
/// "Data pribadi saya" for someone without an account. The link sent to their address is opened once here: it proves the
/// address into a cookie of this page (<see cref="BuktiSurel"/>) and leaves the address bar. Then the same requests, answers
/// and copy as a signed-in person has, for that address only, and only of records that carry no account.
/// </summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(PrivasiRateLimit.Policy)]
public sealed class DataSayaSurelModel(PermintaanHak hak, SalinanData salinan, VerifikasiSurel verifikasi, BuktiSurel bukti, IPejabatPdp pejabat, CampusClock campusClock,
    IAuditLog audit, IStringLocalizer<S> T) : PageModel
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

    public async Task<IActionResult> OnGetAsync(string? token, CancellationToken ct)
    {
        if (token is not null)
        {
            if (await verifikasi.BuktiAsync(token, ct) is not { } proven)
            {
                await LoadAsync(ct);
                Alamat = null;
                return Page();
            }
            bukti.Simpan(HttpContext, proven.Email, proven.Sampai);
            return Redirect(Url.Content("~/data-pribadi-saya/surel"));
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return Page();
        var (row, refusal) = await hak.AjukanAsync(Pemohon.Surel(Alamat!), Jenis, Uraian, ct);
        if (refusal is not null)
        {
            Galat = refusal;
            return Page();
        }
        Pesan = T["Permintaan {0} diterima. Unit layanan menjawab paling lambat {1}; jawabannya dikirim ke {2}.", row!.Nomor, Waktu.Format(row.JatuhTempo), Alamat!];
        return Redirect(Url.Content("~/data-pribadi-saya/surel"));
    }

    public async Task<IActionResult> OnGetUnduhAsync(Guid id, string? format, CancellationToken ct)
    {
        if (!await LoadAsync(ct) || await hak.FindAsync(id, ct) is not { PenggunaId: null } row
            || !string.Equals(row.Email, Alamat, StringComparison.OrdinalIgnoreCase)) return NotFound();
        return await Salinan.UnduhAsync(this, row, format, salinan, audit, ct);
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        // The proven address opens a person's requests: never kept by a shared cache.
        Response.Headers.CacheControl = "no-store";
        Waktu = await campusClock.GetAsync(ct);
        Pejabat = await pejabat.GetAsync(ct);
        Alamat = bukti.Baca(HttpContext);
        if (Alamat is null) return false;
        Rows = await hak.MilikAsync(Pemohon.Surel(Alamat), ct);
        AdaSop = await hak.SopAsync(ct) is not null;
        return true;
    }

    public DaftarPermintaan Daftar => new(Rows, Waktu, (r, format) => Url.Content($"~/data-pribadi-saya/surel?handler=Unduh&id={r.Id}&format={format}"));
}
