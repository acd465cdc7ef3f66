using CampusKonseling.Cases.Data;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Cases.Statistics;

/// <summary>The cases behind a report figure, with the same conditions as <see cref="CaseStatistics"/>; administrative fields only.</summary>
public static class CaseDrillDown
{
    public static async Task<HalamanKasus> QueryAsync(CasesDb db, FilterKasus f, int page, int pageSize, CancellationToken ct)
    {
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, 500);
        var q = Narrow(Measure(db.Cases.AsNoTracking(), f), f);
        var total = await q.CountAsync(ct);
        var rows = await Project(q.OrderByDescending(c => c.DibukaPada).ThenBy(c => c.Nomor).Skip((page - 1) * pageSize).Take(pageSize)).ToListAsync(ct);
        return new HalamanKasus(rows, total);
    }

    private static IQueryable<CaseRow> Measure(IQueryable<CaseRow> q, FilterKasus f)
    {
        var (dari, sampai) = (f.Dari.ToUniversalTime(), f.Sampai.ToUniversalTime());
        return f.Ukuran switch
        {
            Ukuran.Dibuka => q.Where(c => c.DibukaPada >= dari && c.DibukaPada < sampai),
            Ukuran.Ditutup => q.Where(c => c.DitutupPada >= dari && c.DitutupPada < sampai),
            Ukuran.TerbukaKini => q.Where(c => c.Status == CaseStatus.Baru || c.Status == CaseStatus.Berjalan),
            Ukuran.Terlambat => q.Where(c => (c.Status == CaseStatus.Baru || c.Status == CaseStatus.Berjalan) && c.Terlambat),
            Ukuran.Dihubungi => q.Where(c => c.DibukaPada >= dari && c.DibukaPada < sampai && c.KontakPertamaPada != null),
            _ => q.Where(c => c.DibukaPada >= dari && c.DibukaPada < sampai && c.KontakPertamaPada == null),
        };
    }

    private static IQueryable<CaseRow> Narrow(IQueryable<CaseRow> q, FilterKasus f)
    {
        if (f.KonselorId is { } k) q = k.Length == 0 ? q.Where(c => c.KonselorId == null) : q.Where(c => c.KonselorId == k);
        if (f.Dimensi is not { } d || f.Nilai is not { } v) return q;
        var none = v.Length == 0;
        return d switch
        {
            Dimensi.Sop => none ? q.Where(c => c.SopKode == null) : q.Where(c => c.SopKode == v),
            Dimensi.Bidang => none ? q.Where(c => c.Bidang == null) : q.Where(c => c.Bidang == v),
            Dimensi.Saluran => none ? q.Where(c => c.Saluran == null) : q.Where(c => c.Saluran == v),
            Dimensi.JenisKlien => none ? q.Where(c => c.JenisKlien == null) : q.Where(c => c.JenisKlien == v),
            _ => none ? q.Where(c => c.Prodi == null) : q.Where(c => c.Prodi == v),
        };
    }

    public static IQueryable<BarisKasus> Project(IQueryable<CaseRow> q) =>
        q.Select(c => new BarisKasus(c.Id, c.Nomor, c.SopJudul, c.LangkahAktif, c.Status, c.DibukaPada, c.KontakPertamaPada, c.DitutupPada, c.JatuhTempo, c.Terlambat, c.KonselorNama, c.SopInstanceId));
}
