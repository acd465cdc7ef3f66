namespace CampusKonseling.Cases.Pages.Cases.Admin.Kasus.Catatan;

/// <summary>A note as its form posts it. No tier sent: the reader's default (<see cref="CatatanModel.DefaultTingkat"/>).</summary>
public sealed class CatatanInput
{
    public string? Jenis { get; set; }
    public string? Tingkat { get; set; }
    public string? Isi { get; set; }
}
