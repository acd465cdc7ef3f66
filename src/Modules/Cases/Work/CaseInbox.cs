using System.Security.Claims;
using CampusKonseling.Cases.Data;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Cases.Work;

public sealed record InboxFilter(string? Sop = null, string? Status = null, bool Terlambat = false, string? Bidang = null, DateOnly? Dari = null, DateOnly? Sampai = null, bool Semua = false, string? Cari = null, string? Langkah = null);

public sealed record InboxRow(Guid Id, string Nomor, string Nama, string? Bidang, string? Saluran, string? SopJudul, string LangkahAktif, DateTimeOffset? JatuhTempo, bool Terlambat, string Status, string? KonselorNama, DateTimeOffset DibukaPada, bool MenungguKlien = false);

public sealed record InboxCounts(int Terbuka, int Terlambat, int Baru, int MenungguKlien);

public sealed record InboxPage(IReadOnlyList<InboxRow> Rows, int Total, IReadOnlyList<(string Sop, int Jumlah, int Terlambat)> PerSop);

/// <summary>
/// The cases a staff user should act on: those whose current step their role performs, that are assigned
/// to them, or whose counselor they are — overdue first, then by due time. A case waiting for its client (a client
/// lane's step) is nobody's task: it shows, after the tasks, to its counselor and to the roles that handed it over. One indexed query on the
/// cases table (roles overlap through a GIN index), paged in the database.
/// </summary>
public sealed class CaseInbox(CasesDb db)
{
    public async Task<InboxPage> QueryAsync(ClaimsPrincipal user, InboxFilter f, int page, int pageSize, CancellationToken ct = default)
    {
        var q = Scope(user, f.Semua);
        if (f.Status is { Length: > 0 } status) q = q.Where(c => c.Status == status);
        else if (!f.Semua) q = q.Where(c => c.Status == CaseStatus.Baru || c.Status == CaseStatus.Berjalan);
        if (f.Terlambat) q = q.Where(c => c.Terlambat);
        if (f.Bidang is { Length: > 0 } bidang) q = q.Where(c => c.Bidang == bidang);
        if (f.Langkah is { Length: > 0 } langkah) q = q.Where(c => EF.Functions.ILike(c.LangkahAktif, $"%{langkah.Trim()}%"));
        if (f.Dari is { } dari) q = q.Where(c => c.DibukaPada >= new DateTimeOffset(dari.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        if (f.Sampai is { } sampai) q = q.Where(c => c.DibukaPada < new DateTimeOffset(sampai.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        if (f.Cari is { Length: > 0 } cari)
        {
            var like = $"%{cari.Trim()}%";
            q = q.Where(c => EF.Functions.ILike(c.Nomor, like) || EF.Functions.ILike(c.Nama, like) || (c.Nim != null && EF.Functions.ILike(c.Nim, like)));
        }
        var perSop = (await q.GroupBy(c => c.SopJudul ?? "-").Select(g => new { Sop = g.Key, Jumlah = g.Count(), Terlambat = g.Count(c => c.Terlambat) })
            .OrderByDescending(g => g.Jumlah).ToListAsync(ct)).Select(g => (g.Sop, g.Jumlah, g.Terlambat)).ToList();
        if (f.Sop is { Length: > 0 } sop) q = q.Where(c => c.SopJudul == sop);
        var total = await q.CountAsync(ct);
        var rows = await q.OrderBy(c => c.MenungguKlien && c.PeranAktif.Length == 0).ThenByDescending(c => c.Terlambat).ThenBy(c => c.JatuhTempo == null).ThenBy(c => c.JatuhTempo).ThenByDescending(c => c.DibukaPada)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(c => new InboxRow(c.Id, c.Nomor, c.Nama, c.Bidang, c.Saluran, c.SopJudul, c.LangkahAktif, c.JatuhTempo, c.Terlambat, c.Status, c.KonselorNama, c.DibukaPada, c.MenungguKlien))
            .ToListAsync(ct);
        return new InboxPage(rows, total, perSop);
    }

    /// <summary>The open cases of the inbox (all open cases with <paramref name="semua"/>): how many, how many overdue, new, waiting for the client.</summary>
    public async Task<InboxCounts> CountAsync(ClaimsPrincipal user, bool semua, CancellationToken ct = default)
    {
        var counts = await Scope(user, semua).Where(c => c.Status == CaseStatus.Baru || c.Status == CaseStatus.Berjalan)
            .GroupBy(_ => 1).Select(g => new InboxCounts(g.Count(), g.Count(c => c.Terlambat), g.Count(c => c.Status == CaseStatus.Baru),
                g.Count(c => c.MenungguKlien && c.PeranAktif.Length == 0))).FirstOrDefaultAsync(ct);
        return counts ?? new InboxCounts(0, 0, 0, 0);
    }

    /// <summary>The cases a user acts on (their role's step, assigned to them, their counselor's, a disposition to their role), or all.</summary>
    private IQueryable<CaseRow> Scope(ClaimsPrincipal user, bool semua)
    {
        var me = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        var roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToArray();
        var q = db.Cases.AsNoTracking();
        return semua ? q : q.Where(c => c.KonselorId == me || c.PenerimaTugas.Contains(me) || c.PeranAktif.Any(p => roles.Contains(p)) || c.PeranMenunggu.Any(p => roles.Contains(p))
            || db.Dispositions.Any(d => d.CaseId == c.Id && d.Status == StatusDisposisi.Menunggu && roles.Contains(d.KepadaPeran)));
    }
}
