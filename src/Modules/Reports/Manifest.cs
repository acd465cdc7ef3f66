using CampusKonseling.Modules;

namespace CampusKonseling.Reports;

public sealed class Manifest : IModuleManifest
{
    public string Id => "Reports";
    public LocalizedText Name => new("Laporan", "Reports");
    public string Category => "Layanan";
    // Cases, Sop and Programs are read through optional Core contracts: each section shows when its module is enabled.
    public IReadOnlyList<string> Dependencies => ["Site"];

    public IReadOnlyList<FeatureManifest> Features =>
    [
        FeatureManifest.Of<Startup>("Reports",
            new("Laporan dan dasbor", "Reports and dashboards"),
            new("Dasbor pimpinan: kasus per periode, SOP, bidang, saluran, jenis klien dan prodi, waktu tunggu, beban konselor, program; kepatuhan baku mutu SOP; ekspor CSV/XLSX dan laporan PDF berkop.",
                "Leaders' dashboard: cases per period, SOP, area, channel, client type and study programme, waiting time, caseloads, programs; SOP baku-mutu compliance; CSV/XLSX exports and a PDF report with the letterhead.")),
    ];
}
