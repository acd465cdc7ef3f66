using CampusKonseling.Cases.Data;

namespace CampusKonseling.Cases.Pages.Cases.Admin;

/// <summary>
/// A case's state as its badges show it, on the inbox and the case page alike: its status, and whether its step is overdue or waits
/// for the client. Each badge has a colour, an icon and its word, so the colour is never the only sign.
/// </summary>
public sealed record StatusKasus(string Status, bool Terlambat, bool MenungguKlien)
{
    public static StatusKasus Of(CaseRow c) => new(c.Status, c.Terlambat && c.Status is CaseStatus.Baru or CaseStatus.Berjalan, c.MenungguKlien);

    public string Ikon => Status switch
    {
        CaseStatus.Baru => "baru",
        CaseStatus.Berjalan => "berjalan",
        CaseStatus.Selesai => "centang",
        _ => "tutup",
    };
}
