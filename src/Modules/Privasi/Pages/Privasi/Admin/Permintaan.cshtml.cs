using CampusKonseling.Privasi.Data;
using CampusKonseling.Privasi.Hak;
using CampusKonseling.Security;
using CampusKonseling.Site;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CampusKonseling.Privasi.Pages.Privasi.Admin;

/// <summary>
/// Data subjects' requests for the staff who answer them: the DPO (ManagePrivasi) sees all; the unit's staff see those whose
/// current step is theirs (verification, the counselor's review, the answer). Open ones first, with the law's due time.
/// </summary>
[RequirePermission("AccessAdmin")]
public sealed class PermintaanModel(PermintaanHak hak, AksesPrivasi akses, CampusClock campusClock, Microsoft.Extensions.Localization.IStringLocalizer<S> T) : PageModel
{
    public IReadOnlyList<(PermintaanRow Row, string Langkah, bool Giliran)> Rows { get; private set; } = [];
    public CampusTime Waktu { get; private set; } = null!;
    [Microsoft.AspNetCore.Mvc.TempData] public string? Pesan { get; set; }

    public string JenisNama(string jenis) => hak.Nama(jenis);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Waktu = await campusClock.GetAsync(ct);
        var all = await akses.PengawasAsync(User, ct);
        var rows = new List<(PermintaanRow, string, bool)>();
        foreach (var r in await hak.SemuaAsync(ct))
        {
            if (!all && r.DijawabPada is not null) continue;
            var (langkah, giliran) = r.DijawabPada is null ? await hak.LangkahAsync(r, User, ct) : (T["Selesai"], false);
            if (all || giliran) rows.Add((r, langkah, giliran));
        }
        Rows = rows;
    }
}
