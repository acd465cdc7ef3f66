using CampusKonseling.Cases.Data;
using CampusKonseling.Workflows;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Cases.Steps;

/// <summary>A case's SOP instance is worked on the case page.</summary>
public sealed class CaseHalaman(CasesDb db, IStringLocalizer<S> T) : ISopHalaman
{
    public async Task<HalamanKerja?> HalamanAsync(Guid instanceId, IReadOnlyDictionary<string, string> konteks, CancellationToken ct = default) =>
        await CaseOfInstance.FindAsync(db, instanceId, ct) is { } c ? new HalamanKerja(T["kasus nomor {0}", c.Nomor], $"admin/kasus/{c.Id}") : null;
}
