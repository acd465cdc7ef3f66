using CampusKonseling.Privasi.Data;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Privasi.Rekam;

public sealed class PejabatPdpSource(PrivasiDb db) : IPejabatPdp
{
    public async Task<PejabatPdp?> GetAsync(CancellationToken ct) =>
        await db.Pejabat.AsNoTracking().Select(p => new PejabatPdp(p.Nama, p.Jabatan, p.Email, p.Telepon)).FirstOrDefaultAsync(ct);
}
