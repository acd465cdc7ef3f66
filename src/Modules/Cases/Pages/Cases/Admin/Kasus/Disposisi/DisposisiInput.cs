using CampusKonseling.Cases.Work;

namespace CampusKonseling.Cases.Pages.Cases.Admin.Kasus.Disposisi;

/// <summary>A disposition as its form posts it: the SOP step that gives it (the receiver follows from it), the instruction, the deadline.</summary>
public sealed class DisposisiInput
{
    public string? LangkahDisposisi { get; set; }
    public string? Instruksi { get; set; }
    public DateOnly? BatasWaktu { get; set; }

    public DispositionInput ToDisposition() => new(Instruksi, BatasWaktu);
}
