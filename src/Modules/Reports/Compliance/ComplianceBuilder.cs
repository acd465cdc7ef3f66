using CampusKonseling.Modules;
using CampusKonseling.Reports.Periods;
using CampusKonseling.Reports.Tables;
using CampusKonseling.Workflows;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Reports.Compliance;

/// <summary>Where a compliance figure drills to (the activations behind it); null on reports for outside the unit.</summary>
public delegate string? TautanAktivasi(string sopKode, string stepId, ComplianceSelection pilihan);

/// <summary>
/// The SOPs' own Mutu Baku tables filled with reality, from the Sop module's <see cref="ISopCompliance"/>: one table
/// per SOP, a row per step with its output (Luaran) and time standard (Waktu) beside the median, 90th percentile, share within standard, overdue
/// and still-open counts — worst steps first (or in SOP order).
/// </summary>
public sealed class ComplianceBuilder(ShellFeatureServices features, IStringLocalizer<S> T)
{
    public bool Available => features.Contract<ISopCompliance>() is not null;

    public async Task<IReadOnlyList<Tabel>> BuildAsync(Periode p, TimeZoneInfo zone, bool luar, bool urutanSop, TautanAktivasi? tautan, CancellationToken ct)
    {
        if (features.Contract<ISopCompliance>() is not { } compliance) return [];
        var link = luar ? null : tautan;
        var steps = await compliance.StepsAsync(new ComplianceQuery(p.Dari(zone), p.Sampai(zone)), ct);
        var tables = steps.GroupBy(s => s.SopKode).Select(g =>
        {
            var rows = (urutanSop ? g.OrderBy(s => NumberKey(s.No)).ThenBy(s => s.No, StringComparer.Ordinal) : g.AsEnumerable()).Select(s => Row(s, link)).ToList();
            return new Tabel("sop-" + Slug(g.Key), g.First().SopJudul, Columns(), rows);
        }).ToList();
        return luar ? tables.Select(Penyamaran.Terapkan).ToList() : tables;
    }

    private Baris Row(StepCompliance s, TautanAktivasi? link)
    {
        var terlambatSelesai = s.Berbaku - s.DalamBaku;
        return new Baris([
            Sel.Tulisan(s.No), Sel.Tulisan(s.Uraian), Sel.Tulisan(Pelaksanaan(s)), Sel.Tulisan(s.Luaran ?? "–"), Sel.Tulisan(s.Waktu ?? "–"),
            Sel.Angka(s.Selesai, link?.Invoke(s.SopKode, s.StepId, ComplianceSelection.Semua)),
            Format.Durasi(s.Median, s.Selesai), Format.Durasi(s.P90, s.Selesai),
            Format.Persen(s.PersenDalamBaku, s.DalamBaku, terlambatSelesai) with { Tautan = s.DalamBaku > 0 ? link?.Invoke(s.SopKode, s.StepId, ComplianceSelection.DalamBaku) : null },
            Sel.Angka(s.Terlambat, link?.Invoke(s.SopKode, s.StepId, ComplianceSelection.Terlambat)),
            Sel.Angka(s.Terbuka, link?.Invoke(s.SopKode, s.StepId, ComplianceSelection.Terbuka)),
        ]);
    }

    /// <summary>
    /// How the step is done, so a reader knows what its durations measure: by the system (a message step from its activation
    /// to the message's delivery), by the client, and its actions.
    /// </summary>
    public string Pelaksanaan(StepCompliance s)
    {
        var how = s.Otomatis switch
        {
            "pesan" => T["otomatis: sistem, diukur sampai pesan terkirim"].Value,
            "formulir" => T["otomatis: sistem, dikerjakan klien di formulir"].Value,
            "waktu" => T["otomatis: sistem, selesai pada waktunya"].Value,
            _ => s.Klien ? T["klien"].Value : null,
        };
        var parts = (how is null ? s.Aksi : s.Aksi.Prepend(how)).ToList();
        return parts.Count == 0 ? "–" : string.Join(" · ", parts);
    }

    private List<Kolom> Columns() =>
    [
        new(T["No"], JenisKolom.Teks), new(T["Kegiatan"], JenisKolom.Teks), new(T["Pelaksanaan"], JenisKolom.Teks), new(T["Luaran"], JenisKolom.Teks), new(T["Waktu (baku mutu)"], JenisKolom.Teks),
        new(T["Selesai"]), new(T["Median"], JenisKolom.Durasi), new(T["Persentil 90"], JenisKolom.Durasi),
        new(T["% dalam baku"], JenisKolom.Persen), new(T["Terlambat"]), new(T["Masih terbuka"]),
    ];

    private static double NumberKey(string no) => double.TryParse(no, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : double.MaxValue;

    public static string Slug(string kode) => new(kode.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '-').ToArray());
}
