using System.Security.Claims;
using CampusKonseling.Navigation;
using CampusKonseling.Security;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Cases.Work;

/// <summary>
/// The dashboard's case cards: the reader's own inbox (what waits for them, what is late), and for those who open cases
/// and assign counselors, every open case of the unit. Counts only.
/// </summary>
public sealed class InboxCard(CaseInbox inbox, IPermissionService permissions, IStringLocalizer<S> T) : IDashboardCard
{
    public async Task<KartuDasbor?> BuildAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (!await permissions.HasPermissionAsync(user, Permissions.ViewCases)) return null;
        var mine = await inbox.CountAsync(user, semua: false, ct);
        var figures = new List<AngkaDasbor>
        {
            new(T["Menunggu saya"], mine.Terbuka - mine.MenungguKlien, "~/admin/kasus"),
            new(T["Lewat jatuh tempo"], mine.Terlambat, "~/admin/kasus?Terlambat=true", mine.Terlambat > 0 ? NadaAngka.Terlambat : NadaAngka.Biasa),
            new(T["Menunggu tindakan klien"], mine.MenungguKlien, "~/admin/kasus"),
        };
        if (await permissions.HasPermissionAsync(user, Permissions.ManageCases))
        {
            var all = await inbox.CountAsync(user, semua: true, ct);
            figures.Add(new(T["Kasus baru belum ditangani"], all.Baru, "~/admin/kasus?Semua=true&Status=baru", all.Baru > 0 ? NadaAngka.Perhatian : NadaAngka.Biasa));
            figures.Add(new(T["Semua kasus terbuka"], all.Terbuka, "~/admin/kasus?Semua=true"));
            figures.Add(new(T["Semua yang terlambat"], all.Terlambat, "~/admin/kasus?Semua=true&Terlambat=true", all.Terlambat > 0 ? NadaAngka.Terlambat : NadaAngka.Biasa));
        }
        return new KartuDasbor(10, T["Kasus"], figures, "~/admin/kasus", T["Buka kotak masuk"]);
    }
}
