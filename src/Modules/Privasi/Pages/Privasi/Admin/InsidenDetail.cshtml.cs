using CampusKonseling.Documents;
using CampusKonseling.Privasi.Data;
using CampusKonseling.Privasi.Insiden;
using CampusKonseling.Security;
using CampusKonseling.Site;
using CampusKonseling.Workflows;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Privasi.Pages.Privasi.Admin;

/// <summary>
/// One breach, worked by its SOP's steps: the unit head with the DPO assesses it, makes the two letters from the campus's
/// templates, notifies the people concerned (e-mail) and records the authority's letter, closes it. Its history says who
/// knew what, when. Open to the DPO, to whoever recorded or worked it, and to the people whose step it is.
/// </summary>
[RequirePermission("AccessAdmin")]
public sealed class InsidenDetailModel(RegisterInsiden register, KerjaInsiden kerja, ISopSteps steps, AksesPrivasi akses, CampusClock campusClock,
    IStringLocalizer<S> T) : PageModel
{
    public InsidenRow Row { get; private set; } = null!;
    public IReadOnlyList<SopLangkah> Aktif { get; private set; } = [];
    public IReadOnlyList<PeristiwaRow> Riwayat { get; private set; } = [];
    public IReadOnlyList<GeneratedLetter> Surat { get; private set; } = [];
    public CampusTime Waktu { get; private set; } = null!;
    public Dictionary<string, string> Galat { get; private set; } = [];
    [TempData] public string? Pesan { get; set; }
    [BindProperty] public string? Terbukti { get; set; }
    [BindProperty] public string? DataTerungkap { get; set; }
    [BindProperty] public string? CaraTerungkap { get; set; }
    [BindProperty] public int? JumlahSubjek { get; set; }
    [BindProperty] public bool Spesifik { get; set; }
    [BindProperty] public string? Risiko { get; set; }
    [BindProperty] public string? Penanganan { get; set; }
    [BindProperty] public string? Subjek { get; set; }
    [BindProperty] public DateTime? LembagaPada { get; set; }
    [BindProperty] public string? LembagaMelalui { get; set; }
    [BindProperty] public string? Penutupan { get; set; }
    /// <summary>Which form the errors belong to (nilai, surat, beritahu, tutup, langkah).</summary>
    public string? Bagian { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostNilaiAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        ModelState.Clear();
        var galat = await kerja.NilaiAsync(Row, User, new PenilaianInsiden(Terbukti, DataTerungkap, CaraTerungkap, JumlahSubjek, Spesifik, Risiko, Penanganan), ct);
        return await DoneAsync(id, "nilai", galat, T["Penilaian tercatat."], ct);
    }

    public async Task<IActionResult> OnPostSuratAsync(Guid id, string? templat, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var refused = await kerja.BuatSuratAsync(Row, User, templat, ct);
        return await DoneAsync(id, "surat", refused is null ? [] : new() { [""] = refused }, T["Surat dibuat."], ct);
    }

    public async Task<IActionResult> OnPostBeritahuAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        ModelState.Clear();
        var galat = await kerja.BeritahuAsync(Row, User, new PemberitahuanInsiden(Subjek, LembagaPada, LembagaMelalui), ct);
        return await DoneAsync(id, "beritahu", galat, T["Pemberitahuan terkirim kepada subjek data dan tercatat untuk lembaga."], ct);
    }

    public async Task<IActionResult> OnPostTutupAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var galat = await kerja.TutupAsync(Row, User, Penutupan, ct);
        return await DoneAsync(id, "tutup", galat, T["Insiden ditutup."], ct);
    }

    /// <summary>A step without work of this module (a decision nobody's assessment took): done as the reader.</summary>
    public async Task<IActionResult> OnPostLangkahAsync(Guid id, string step, string? pilihan, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var refused = await steps.CompleteAsync(Row.SopInstanceId!.Value, step, User, pilihan, ct: ct);
        return await DoneAsync(id, "langkah", refused is null ? [] : new() { [""] = refused }, T["Langkah tercatat selesai."], ct);
    }

    public async Task<IActionResult> OnGetUnduhAsync(Guid id, Guid surat, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || !Surat.Any(s => s.Id == surat) || kerja.Letters is not { } letters) return NotFound();
        return await letters.OpenAsync(surat, false, ct) is { } file ? File(file.Isi, file.Mime, file.NamaBerkas) : NotFound();
    }

    private async Task<IActionResult> DoneAsync(Guid id, string bagian, Dictionary<string, string> galat, string pesan, CancellationToken ct)
    {
        if (galat.Count > 0)
        {
            (Galat, Bagian) = (galat, bagian);
            await LoadAsync(id, ct);
            return Page();
        }
        Pesan = pesan;
        return await LoadAsync(id, ct) ? Redirect(Url.Content($"~/admin/privasi/insiden/{id}")) : Redirect(Url.Content("~/admin/privasi/insiden"));
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await register.FindAsync(id, ct) is not { SopInstanceId: { } instance } row) return false;
        Row = row;
        Aktif = await steps.ActiveAsync(instance, User, ct);
        if (!Aktif.Any(a => a.BolehDikerjakan) && !RegisterInsiden.Terlibat(row, User)
            && !await akses.PengawasAsync(User, ct)) return false;
        Waktu = await campusClock.GetAsync(ct);
        Riwayat = await register.RiwayatAsync(id, ct);
        Surat = await kerja.SuratAsync(row, ct);
        return true;
    }

    /// <summary>The subject addresses the notification form starts from: what was typed, else what the register holds.</summary>
    public string SubjekAwal => Subjek ?? string.Join("\n", Row.SubjekEmail);

    public string TemplatNama(string templat) => templat == KerjaInsiden.TemplatSubjek ? T["kepada subjek data"] : templat == KerjaInsiden.TemplatLembaga ? T["kepada lembaga"] : templat;
}
