using CampusKonseling.Cases.Work;

namespace CampusKonseling.Cases.Pages.Cases.Admin.Kasus.Rujukan;

/// <summary>A referral to an external party as its form posts it (the Rujukan tab and a step's rujukan action).</summary>
public sealed class RujukInput
{
    public string? Kepada { get; set; }
    public string? JenisRujukan { get; set; }
    public string? Kontak { get; set; }
    public string? Layanan { get; set; }

    public ReferralInput ToReferral() => new(Kepada, JenisRujukan, Kontak, Layanan);
}
