using System.Text.Encodings.Web;
using System.Text.Json;
using CampusKonseling.Modules;
using CampusKonseling.Privasi.Data;
using CampusKonseling.Site;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Privasi.Hak;

/// <summary>The copy an access request gives: what each module holds about the person, with the review that decided the notes.</summary>
public sealed record Salinan(string Kampus, string Nomor, string Email, string DibuatPada, bool CatatanDisertakan, string? AlasanDitahan, IReadOnlyList<BagianData> Bagian);

/// <summary>
/// Collects the copy from every module's <see cref="IDataSubjek"/> (forms, cases, programmes…) and this module's own register,
/// by the requester's account and proven e-mail address; counseling notes only when the counselor's review gave them.
/// </summary>
public sealed class SalinanData(ShellFeatureServices features, PrivasiDb db, ISiteSettings site, CampusClock campusClock, Microsoft.Extensions.Localization.IStringLocalizer<S> T)
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task<Salinan> HimpunAsync(PermintaanRow row, CancellationToken ct)
    {
        var subjek = new SubjekData(row.PenggunaId, row.Email);
        var opsi = new HimpunOpsi(row.Telaah == Telaah.Disertakan, row.TelaahOlehId, row.TelaahPada);
        var bagian = new List<BagianData>();
        foreach (var source in features.Contracts<IDataSubjek>()) bagian.AddRange(await source.HimpunAsync(subjek, opsi, ct));
        var time = await campusClock.GetAsync(ct);
        var id = row.PenggunaId ?? "-";
        var own = await db.Permintaan.AsNoTracking().Where(p => p.PenggunaId == id || p.Email.ToLower() == row.Email.ToLower())
            .OrderBy(p => p.DiajukanPada).ToListAsync(ct);
        bagian.Add(new BagianData("permintaan-hak", T["Permintaan hak subjek data"], own.Where(p => subjek.Is(p.PenggunaId, p.Email)).Select(p => (IReadOnlyDictionary<string, string?>)new Dictionary<string, string?>
        {
            ["Nomor"] = p.Nomor, ["Jenis"] = p.Jenis, ["Diajukan"] = time.Format(p.DiajukanPada), ["Uraian"] = p.Uraian,
            ["Jatuh tempo jawaban"] = time.Format(p.JatuhTempo), ["Dijawab"] = time.Format(p.DijawabPada),
        }).ToList()));
        var campus = await site.GetAsync(ct);
        return new Salinan(campus.CampusName, row.Nomor, row.Email, time.Format(time.Now), opsi.CatatanKonseling,
            row.Telaah == Telaah.Ditahan ? row.TelaahAlasan : null, bagian.Where(b => b.Baris.Count > 0).ToList());
    }

    /// <summary>Machine-readable (UU 27/2022 Pasal 13: a format that can be read by a system), UTF-8 JSON.</summary>
    public static byte[] Json(Salinan s) => JsonSerializer.SerializeToUtf8Bytes(new
    {
        kampus = s.Kampus, permintaan = s.Nomor, subjek = s.Email, dibuat = s.DibuatPada,
        catatanKonseling = s.CatatanDisertakan ? "disertakan" : "ditahan", alasanDitahan = s.AlasanDitahan,
        data = s.Bagian.ToDictionary(b => b.Kode, b => new { judul = b.Judul, baris = b.Baris }),
    }, Options);
}
