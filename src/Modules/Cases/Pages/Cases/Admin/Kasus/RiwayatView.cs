using CampusKonseling.Cases.Work;

namespace CampusKonseling.Cases.Pages.Cases.Admin.Kasus;

/// <summary>Timeline entries as a tab shows them; <paramref name="Rilis"/>: with the counselor's "release to the client" buttons.</summary>
public sealed record RiwayatView(KasusPage Page, IReadOnlyList<TimelineEntry> Entries, bool Rilis);
