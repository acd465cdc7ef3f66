namespace CampusKonseling.Site;

/// <summary>A day the campus does not work (a public holiday or the campus's own); working-time clocks skip it.</summary>
public sealed record HariLibur(DateOnly Tanggal, string? Nama = null);
