using CampusKonseling.Modules;
using CampusKonseling.Privasi.Data;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Privasi.Rekam;

/// <summary>An activity as the record shows it: generated from the configuration, with the DPO's own purpose and note over it.</summary>
public sealed record BarisRekam(KegiatanPemrosesan Kegiatan, string Tujuan, string? Catatan, bool TujuanDiubah);

/// <summary>
/// The record of processing activities (rekaman kegiatan pemrosesan, UU 27/2022 Pasal 31): every form and SOP the campus
/// runs, described by the modules that run them, in the order forms then SOPs; always current, since it is read from the
/// configuration each time.
/// </summary>
public sealed class RekamPemrosesan(ShellFeatureServices features, PrivasiDb db)
{
    /// <summary>The security measures every activity has on this platform (the same for all: they are the platform's).</summary>
    public static readonly IReadOnlyList<string> Pengamanan =
    [
        "Akses menurut peran dan lajur SOP; tidak ada administrator di atas konselor untuk isi konseling",
        "Catatan bertingkat kerahasiaan (administratif, konseling, klinis)",
        "Jejak audit berantai hash atas setiap baca, ubah, unduh dan masuk",
        "Koneksi terenkripsi (HTTPS) dan basis data terpisah per kampus",
        "Retensi dan pemusnahan terjadwal arsip",
    ];

    public async Task<IReadOnlyList<BarisRekam>> BarisAsync(CancellationToken ct)
    {
        var kegiatan = new List<KegiatanPemrosesan>();
        foreach (var source in features.Contracts<IKegiatanPemrosesan>()) kegiatan.AddRange(await source.KegiatanAsync(ct));
        var uraian = await db.Uraian.AsNoTracking().ToDictionaryAsync(u => u.Kunci, ct);
        return kegiatan.OrderBy(k => k.Jenis == "formulir" ? 0 : 1).ThenBy(k => k.Kode, StringComparer.OrdinalIgnoreCase)
            .Select(k => uraian.TryGetValue(k.Kunci, out var u)
                ? new BarisRekam(k, u.Tujuan ?? k.Tujuan, u.Catatan, u.Tujuan is not null)
                : new BarisRekam(k, k.Tujuan, null, false))
            .ToList();
    }

    public Task<PejabatRow?> PejabatAsync(CancellationToken ct) => db.Pejabat.AsNoTracking().FirstOrDefaultAsync(ct);
}
