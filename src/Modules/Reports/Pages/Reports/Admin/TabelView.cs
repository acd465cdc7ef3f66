using CampusKonseling.Reports.Tables;

namespace CampusKonseling.Reports.Pages.Reports.Admin;

/// <summary>A table on a page: its sort links (null: not sortable) and its export links.</summary>
public sealed record TabelView(Tabel Tabel, Func<int, string>? SortLink, string? Csv, string? Xlsx, (int Kolom, bool Turun)? Urut = null);
