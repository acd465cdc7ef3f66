using CampusKonseling.Privasi.Data;
using CampusKonseling.Privasi.Hak;
using CampusKonseling.Security;
using CampusKonseling.Site;
using CampusKonseling.Workflows;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Privasi.Pages.Privasi.Admin;

/// <summary>
/// One request, worked by its SOP's steps: the officer verifies the requester, the counselor gives or withholds counseling
/// notes (with the reason), the officer answers. Staff see what the copy holds by kind and count, never its content: the
/// copy is the requester's to download.
/// </summary>
[RequirePermission("AccessAdmin")]
public sealed class PermintaanDetailModel(PermintaanHak hak, SalinanData salinan, ISopSteps steps, AksesPrivasi akses, CampusClock campusClock,
    IStringLocalizer<S> T) : PageModel
{
    public PermintaanRow Row { get; private set; } = null!;
    public IReadOnlyList<SopLangkah> Aktif { get; private set; } = [];
    public IReadOnlyList<(string Judul, int Jumlah)> Isi { get; private set; } = [];
    public CampusTime Waktu { get; private set; } = null!;
    public Dictionary<string, string> Galat { get; } = [];
    [TempData] public string? Pesan { get; set; }
    [BindProperty] public string? Keputusan { get; set; }
    [BindProperty] public string? Alasan { get; set; }
    [BindProperty] public string? Jawaban { get; set; }

    public string JenisNama(string jenis) => hak.Nama(jenis);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    /// <summary>A step without work of this module (the verification): done as the reader.</summary>
    public async Task<IActionResult> OnPostLangkahAsync(Guid id, string step, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (await steps.CompleteAsync(Row.SopInstanceId!.Value, step, User, ct: ct) is { } refused) return Refuse("langkah", refused);
        Pesan = T["Langkah tercatat selesai."];
        return await NextAsync(id, ct);
    }

    public async Task<IActionResult> OnPostTelaahAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (await hak.TelaahAsync(id, User, Keputusan, Alasan, ct) is { } refused) return Refuse("telaah", refused);
        Pesan = T["Keputusan telaah tercatat."];
        return await NextAsync(id, ct);
    }

    public async Task<IActionResult> OnPostJawabAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (await hak.JawabAsync(id, User, Jawaban, ct) is { } refused) return Refuse("jawab", refused);
        Pesan = T["Jawaban terkirim kepada pemohon."];
        return await NextAsync(id, ct);
    }

    /// <summary>What the answer says by default for the request's kind; the officer edits it.</summary>
    public string SaranJawaban => Row.Jenis switch
    {
        JenisHak.Akses => T["Salinan data pribadi Anda yang disimpan unit layanan tersedia di halaman Data pribadi saya, dalam PDF dan JSON."],
        JenisHak.Perbaikan => T["Data berikut sudah kami perbaiki: (tuliskan data yang diperbaiki, di mana, dan nilainya sekarang)."],
        JenisHak.Penghapusan => T["Data yang tidak wajib disimpan sudah dihapus. Catatan layanan yang masih dalam masa retensi arsip tidak dimusnahkan, tetapi dibatasi pemrosesannya sampai masa retensinya berakhir."],
        JenisHak.Pembatasan => T["Pemrosesan data Anda sudah dibatasi sesuai permintaan."],
        _ => T["Persetujuan Anda sudah ditarik; pemrosesan yang didasarkan padanya dihentikan."],
    };

    private IActionResult Refuse(string key, string refusal)
    {
        Galat[key] = refusal;
        return Page();
    }

    /// <summary>Back to the request while the reader still has a step on it (or oversees them all), else to the list.</summary>
    private async Task<IActionResult> NextAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Redirect(Url.Content($"~/admin/privasi/permintaan/{id}")) : Redirect(Url.Content("~/admin/privasi/permintaan"));

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await hak.FindAsync(id, ct) is not { SopInstanceId: { } instance } row) return false;
        Row = row;
        Aktif = await steps.ActiveAsync(instance, User, ct);
        var all = await akses.PengawasAsync(User, ct);
        if (!all && !Aktif.Any(a => a.BolehDikerjakan)) return false;
        Waktu = await campusClock.GetAsync(ct);
        Isi = (await salinan.HimpunAsync(row, ct)).Bagian.Select(b => (b.Judul, b.Baris.Count)).ToList();
        return true;
    }
}
