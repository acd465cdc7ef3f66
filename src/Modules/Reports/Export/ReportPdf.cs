using CampusKonseling.Documents;
using CampusKonseling.Modules;
using CampusKonseling.Reports.Dashboard;
using CampusKonseling.Reports.Periods;
using CampusKonseling.Site;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Reports.Export;

/// <summary>
/// The monthly or semester report as a PDF for the Rektor: the campus's kop surat (from Letters through
/// <see cref="ICampusLetterhead"/>, else the campus name), the period, the headline figures and every table,
/// with the same cells as the page (suppressed ones included), then place, date and the unit head's signature space.
/// </summary>
public sealed class ReportPdf(ShellFeatureServices features, ISiteSettings site, TimeProvider clock, IStringLocalizer<S> T)
{
    public async Task<byte[]> RenderAsync(Laporan r, CancellationToken ct)
    {
        PdfSetup.Ensure();
        var campus = await site.GetAsync(ct);
        var kop = features.Contract<ICampusLetterhead>() is { } letterhead
            ? await letterhead.GetAsync(ct)
            : new KopSuratKampus(null, campus.CampusName, campus.UnitName, null, null, null, null, campus.TimeZone);
        var zone = CampusKonseling.Site.CampusClock.Zone(campus.TimeZone);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime);
        var texts = new[] { kop.Instansi, kop.Kampus, kop.Unit, kop.Alamat, kop.Kontak, kop.Kota, r.Periode.Label }
            .Concat(r.Utama.SelectMany(a => new[] { a.Label, a.Sel.Teks }))
            .Concat(r.Tabel.SelectMany(t => new[] { t.Judul, t.Keterangan }.Concat(t.Kolom.Select(k => k.Judul))
                .Concat(t.Baris.Concat(t.Total is { } total ? [total] : []).SelectMany(b => b.Sel.Select(c => c.Teks)))));
        using var doc = new PdfReportDocument(kop, T["Laporan Layanan Konseling"], PdfReportDocument.FitsWinAnsi(texts));
        doc.Title(T["Laporan Layanan Konseling"].Value.ToUpperInvariant(), T["Periode: {0}", r.Periode.Label]);
        if (r.Luar) doc.Note(T["Untuk luar unit: jumlah 1–4 ditampilkan sebagai \"<5\"; angka yang dapat dipakai untuk menghitungnya kembali ditandai \"*\"."]);
        doc.Figures(r.Utama.Select(a => (a.Label, a.Sel.Teks)).ToList());
        foreach (var t in r.Tabel) doc.Table(t);
        doc.Signature($"{kop.Kota ?? kop.Kampus}, {Periode.Tanggal(today)}", T["Kepala Unit"], kop.Unit ?? kop.Kampus);
        return doc.Save(T["Halaman {0} dari {1}"]);
    }
}
