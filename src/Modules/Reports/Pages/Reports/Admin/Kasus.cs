namespace CampusKonseling.Reports.Pages.Reports.Admin;

/// <summary>Drill-down query values: "~" stands for "not filled" (a case without a bidang, an unassigned case).</summary>
public static class Kasus
{
    public const string Kosong = "~";

    public static string? Encode(string? v) => v is null ? null : v.Length == 0 ? Kosong : v;

    public static string? Decode(string? v) => v is null ? null : v == Kosong ? "" : v;
}
