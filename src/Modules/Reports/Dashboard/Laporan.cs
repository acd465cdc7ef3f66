using CampusKonseling.Reports.Periods;
using CampusKonseling.Reports.Tables;

namespace CampusKonseling.Reports.Dashboard;

/// <summary>A headline figure: its label and the cell it comes from (a total of one of the tables).</summary>
public sealed record Angka(string Label, Sel Sel);

/// <summary>The dashboard's content for one period: what the page, the exports and the PDF show.</summary>
/// <param name="Luar">For outside the unit: small counts suppressed, no drill-down.</param>
public sealed record Laporan(Periode Periode, bool Luar, IReadOnlyList<Angka> Utama, IReadOnlyList<Tabel> Tabel)
{
    public Tabel? this[string kode] => Tabel.FirstOrDefault(t => t.Kode == kode);
}
