using CampusKonseling.Privasi.Data;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Privasi.Rekam;

/// <summary>What notices elsewhere read of the campus's data protection: its officer, and the purposes the officer wrote.</summary>
public sealed class PejabatPdpSource(PrivasiDb db) : IPejabatPdp, IUraianPemrosesan
{
    public async Task<PejabatPdp?> GetAsync(CancellationToken ct) =>
        await db.Pejabat.AsNoTracking().Select(p => new PejabatPdp(p.Nama, p.Jabatan, p.Email, p.Telepon)).FirstOrDefaultAsync(ct);

    public async Task<string?> TujuanAsync(string kunci, CancellationToken ct) =>
        await db.Uraian.AsNoTracking().Where(u => u.Kunci == kunci).Select(u => u.Tujuan).FirstOrDefaultAsync(ct);
}
