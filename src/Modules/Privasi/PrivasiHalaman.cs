using CampusKonseling.Privasi.Data;
using CampusKonseling.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Privasi;

/// <summary>A data subject's request and a breach are worked on their own pages, not the SOP's instance page.</summary>
public sealed class PrivasiHalaman(PrivasiDb db, IStringLocalizer<S> T) : ISopHalaman
{
    public async Task<HalamanKerja?> HalamanAsync(Guid instanceId, IReadOnlyDictionary<string, string> konteks, CancellationToken ct = default)
    {
        if (await db.Permintaan.AsNoTracking().FirstOrDefaultAsync(p => p.SopInstanceId == instanceId, ct) is { } p)
            return new HalamanKerja(T["permintaan nomor {0}", p.Nomor], $"admin/privasi/permintaan/{p.Id}");
        if (await db.Insiden.AsNoTracking().FirstOrDefaultAsync(i => i.SopInstanceId == instanceId, ct) is { } i)
            return new HalamanKerja(T["insiden nomor {0}", i.Nomor], $"admin/privasi/insiden/{i.Id}");
        return null;
    }
}
