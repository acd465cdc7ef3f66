using System.Data.Common;
using CampusKonseling.Data;
using CampusKonseling.Sop.Data;
using CampusKonseling.Sop.Engine;
using CampusKonseling.Workflows;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Sop.Runtime;

public sealed class SopLauncher(SopDb db, TenantDbConnection connection, ISopStore store, SopRuntime runtime) : ISopLauncher
{
    public async Task<SopEntry?> DescribeAsync(string sopKode, CancellationToken ct = default)
    {
        var version = await CurrentAsync(sopKode, ct);
        if (version is null) return null;
        var first = version.Definition.Mulai;
        return new SopEntry(version.Definition.Judul, first.Uraian, first.Waktu);
    }

    public async Task<IReadOnlyList<SopSummary>> ListAsync(CancellationToken ct = default) =>
        (await db.CurrentSopsAsync(store, null, ct)).Select(c => new SopSummary(c.Kode, c.Judul, c.Definition?.RetensiHari, c.Definition?.Unit)
        {
            Masuk = c.Definition?.Langkah.SelectMany(l => l.Masuk).Distinct(StringComparer.OrdinalIgnoreCase).ToList() ?? [],
        }).ToList();

    public async Task<SopProgress?> ProgressAsync(Guid instanceId, CancellationToken ct = default)
    {
        if (await store.InstanceAsync(instanceId, ct) is not { } instance) return null;
        var definition = (await store.VersionAsync(instance.VersionId, ct))!.Definition;
        var hasClient = instance.Konteks.ContainsKey(Definitions.Konteks.Klien);
        return new SopProgress(definition.Judul, instance.Status == InstanceStatus.Selesai, instance.Status == InstanceStatus.Dibatalkan,
            instance.Aktif.Select(a => definition.Find(a.StepId) is { } step
                ? new SopProgressStep(step.Uraian, a.JatuhTempo, step.Kelengkapan, step.Label, step.Waktu,
                    step.Pelaksana.Any(p => definition.Lane(p)!.Klien) && hasClient)
                {
                    // The lanes by the names the SOP gives them; a client's own lane is "you", not a name.
                    Oleh = step.Pelaksana.Select(definition.Lane).Where(l => l is { Klien: false }).Select(l => l!.Nama).ToList(),
                    Terlambat = a.Terlambat,
                }
                : new SopProgressStep(a.StepId, a.JatuhTempo)).ToList(), instance.SelesaiPada)
        {
            DimulaiPada = instance.DimulaiPada,
            // Only what the SOP says of each step and when: never the notes, outputs or names recorded with it.
            Riwayat = instance.Riwayat
                .Where(e => e.Jenis is StepEventKind.Diselesaikan or StepEventKind.Dilewati && e.StepId is not null && definition.Find(e.StepId) is not null)
                .Select(e => new SopProgressDone(definition.Find(e.StepId!)!.Uraian, e.Pada, e.Jenis == StepEventKind.Dilewati)).ToList(),
        };
    }

    public async Task<SopLaunch> StartAsync(string sopKode, string subjek, IReadOnlyDictionary<string, string> konteks, DbTransaction transaction, CancellationToken ct = default, string? masuk = null)
    {
        await connection.EnlistAsync(db, transaction, ct);
        var version = await CurrentAsync(sopKode, ct) ?? throw new InvalidOperationException($"SOP '{sopKode}' tidak ada di kampus ini.");
        var result = await (await runtime.EngineAsync(ct)).StartAsync(version, Actor.System, subjek, konteks, ct, masuk);
        var first = version.Definition.Pintu(masuk);
        return new SopLaunch(result.Instance!.Id, new SopEntry(version.Definition.Judul, first.Uraian, first.Waktu),
            result.Activated.FirstOrDefault()?.JatuhTempo, token => runtime.AfterStartAsync(version.Definition, result, token));
    }

    private async Task<SopVersion?> CurrentAsync(string kode, CancellationToken ct)
    {
        var id = await db.Definitions.AsNoTracking().Where(d => d.Kode == kode)
            .Join(db.Versions, d => new { d.Id, V = d.VersiAktif }, v => new { Id = v.DefinitionId, V = v.Versi }, (d, v) => (Guid?)v.Id)
            .FirstOrDefaultAsync(ct);
        return id is null ? null : await store.VersionAsync(id.Value, ct);
    }
}
