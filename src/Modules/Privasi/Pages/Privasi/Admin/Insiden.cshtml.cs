using CampusKonseling.Privasi.Data;
using CampusKonseling.Privasi.Insiden;
using CampusKonseling.Security;
using CampusKonseling.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Privasi.Pages.Privasi.Admin;

/// <summary>
/// The breach register: any staff member records a suspected breach here (what happened, when the unit learnt of it, the
/// people it may concern). The DPO (ManagePrivasi) sees every breach; others those they recorded or worked, or whose step is theirs.
/// Open ones first, with the law's notification time (3 x 24 jam from when it became known).
/// </summary>
[RequirePermission("AccessAdmin")]
public sealed class InsidenModel(RegisterInsiden register, AksesPrivasi akses, CampusClock campusClock, IStringLocalizer<S> T) : PageModel
{
    public IReadOnlyList<(InsidenRow Row, string Langkah, bool Giliran)> Rows { get; private set; } = [];
    public CampusTime Waktu { get; private set; } = null!;
    public Dictionary<string, string> Galat { get; private set; } = [];
    [TempData] public string? Pesan { get; set; }
    [BindProperty] public string? Judul { get; set; }
    [BindProperty] public string? Uraian { get; set; }
    [BindProperty] public DateTime? Diketahui { get; set; }
    [BindProperty] public string? Subjek { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // A value the browser could not send as a date and time arrives as null: the register says so beside the field.
        ModelState.Clear();
        var (row, galat) = await register.CatatAsync(User, new CatatanInsiden(Judul, Uraian, Diketahui, Subjek), ct);
        if (row is null)
        {
            Galat = galat;
            await LoadAsync(ct);
            return Page();
        }
        Pesan = T["Insiden {0} tercatat; pelaksana langkah berikutnya sudah diberi tahu.", row.Nomor];
        return Redirect(Url.Content($"~/admin/privasi/insiden/{row.Id}"));
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Waktu = await campusClock.GetAsync(ct);
        var all = await akses.PengawasAsync(User, ct);
        var rows = new List<(InsidenRow, string, bool)>();
        foreach (var r in await register.SemuaAsync(ct))
        {
            // A closed breach has no step: its SOP is not asked again for each row of the register.
            var (langkah, giliran) = r.DitutupPada is null ? await register.LangkahAsync(r, User, ct) : (T["Ditutup"], false);
            if (all || giliran || RegisterInsiden.Terlibat(r, User)) rows.Add((r, langkah, giliran));
        }
        Rows = rows;
    }
}
