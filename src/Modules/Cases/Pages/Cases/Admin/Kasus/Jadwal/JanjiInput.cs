using CampusKonseling.Cases.Work;

namespace CampusKonseling.Cases.Pages.Cases.Admin.Kasus.Jadwal;

/// <summary>A scheduling agreement as its form posts it (the Jadwal tab and a step's jadwal action).</summary>
public sealed class JanjiInput
{
    public DateOnly? Tanggal { get; set; }
    public TimeOnly? Jam { get; set; }
    public int DurasiMenit { get; set; } = 60;
    public string? Tempat { get; set; }
    public string? Tautan { get; set; }
    public string? KodeRapat { get; set; }
    public string? SandiRapat { get; set; }
    /// <summary>Why the agreement is moved (required when it replaces one).</summary>
    public string? Alasan { get; set; }
    /// <summary>The agreement this one replaces.</summary>
    public Guid? Mengganti { get; set; }

    public AgreementInput ToAgreement() => new(Tanggal, Jam, DurasiMenit, Tempat, Tautan, KodeRapat, SandiRapat);
}
