using System.Security.Claims;

namespace CampusKonseling.Navigation;

/// <summary>How a figure on the dashboard reads: plain, asking for attention (waiting), or late.</summary>
public enum NadaAngka { Biasa, Perhatian, Terlambat }

/// <param name="Tautan">App-relative ("~/admin/kasus?Terlambat=true"): the list behind the figure.</param>
public sealed record AngkaDasbor(string Label, int Nilai, string? Tautan = null, NadaAngka Nada = NadaAngka.Biasa);

/// <summary>
/// One card of the staff dashboard (/admin), in the reader's language: figures that each open the list behind them, and
/// lines of text (the next programmes). Counts and administrative labels only: never counseling content.
/// </summary>
public sealed record KartuDasbor(int Urutan, string Judul, IReadOnlyList<AngkaDasbor> Angka, string? Tautan = null, string? TautanTeks = null)
{
    public IReadOnlyList<string> Baris { get; init; } = [];
}

/// <summary>A module's card on the staff dashboard; null when the reader may not see it (or it has nothing to say).</summary>
public interface IDashboardCard
{
    Task<KartuDasbor?> BuildAsync(ClaimsPrincipal user, CancellationToken ct);
}
