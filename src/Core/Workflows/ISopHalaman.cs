namespace CampusKonseling.Workflows;

/// <summary>Where an instance's work is done: its subject's page ("admin/kasus/{id}", relative to the campus), and how it is named.</summary>
public sealed record HalamanKerja(string Judul, string Tautan);

/// <summary>
/// The page of an SOP instance's subject — a case, a programme, a data subject's request, a breach — contributed by the
/// module owning that subject: step notices link there and the SOP's instance page points to it. Null when the instance
/// is not the module's subject (the runtime asks the next one, then falls back to the instance page).
/// </summary>
public interface ISopHalaman
{
    Task<HalamanKerja?> HalamanAsync(Guid instanceId, IReadOnlyDictionary<string, string> konteks, CancellationToken ct = default);
}
