using System.Text.Json;
using CampusKonseling.Shell;
using CampusKonseling.Sop.Data;
using CampusKonseling.Sop.Definitions;
using CampusKonseling.Sop.Engine;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Sop.Runtime;

/// <summary>The engine's store on the campus database. Versions are immutable, so they are cached per campus.</summary>
public sealed class DbSopStore(SopDb db, CurrentShell current) : ISopStore
{
    public async Task<SopVersion?> VersionAsync(Guid versionId, CancellationToken ct)
    {
        var key = $"sop:version:{versionId}";
        if (current.Shell.Cache.TryGetValue(key, out var cached)) return (SopVersion)cached;
        var row = await db.Versions.AsNoTracking().FirstOrDefaultAsync(v => v.Id == versionId, ct);
        if (row is null) return null;
        var version = new SopVersion(row.Id, row.Versi, DefinitionJson.Deserialize(row.Json));
        current.Shell.Cache[key] = version;
        return version;
    }

    public async Task<SopInstance?> InstanceAsync(Guid instanceId, CancellationToken ct)
    {
        var row = await db.Instances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == instanceId, ct);
        if (row is null) return null;
        var active = await db.ActiveSteps.AsNoTracking().Where(a => a.InstanceId == instanceId).OrderBy(a => a.DiaktifkanPada).ToListAsync(ct);
        var events = await db.Events.AsNoTracking().Where(e => e.InstanceId == instanceId).OrderBy(e => e.Seq).ToListAsync(ct);
        var instance = new SopInstance
        {
            Id = row.Id, VersionId = row.VersionId, Kode = row.Kode, Versi = row.Versi, Subjek = row.Subjek, Status = row.Status,
            DimulaiPada = row.DimulaiPada, SelesaiPada = row.SelesaiPada, DimulaiOleh = row.DimulaiOleh,
            Konteks = JsonSerializer.Deserialize<Dictionary<string, string>>(row.Konteks) ?? [],
        };
        instance.Aktif.AddRange(active.Select(a => new ActiveStep
        {
            ActivationId = a.ActivationId, StepId = a.StepId, DiaktifkanPada = a.DiaktifkanPada, JatuhTempo = a.JatuhTempo,
            PengingatPada = a.PengingatPada, PenerimaTugas = a.PenerimaTugas, Diingatkan = a.Diingatkan, Terlambat = a.Terlambat,
        }));
        instance.Riwayat.AddRange(events.Select(ToEvent));
        return instance;
    }

    public async Task AddAsync(SopInstance instance, CancellationToken ct)
    {
        var version = (await VersionAsync(instance.VersionId, ct))!;
        var definitionId = await db.Versions.Where(v => v.Id == instance.VersionId).Select(v => v.DefinitionId).FirstAsync(ct);
        var row = new InstanceRow
        {
            Id = instance.Id, VersionId = instance.VersionId, DefinitionId = definitionId, Kode = instance.Kode, Versi = instance.Versi,
            Subjek = instance.Subjek, DimulaiPada = instance.DimulaiPada, DimulaiOleh = instance.DimulaiOleh,
            Konteks = JsonSerializer.Serialize(instance.Konteks),
        };
        Summarize(row, instance, version.Definition);
        db.Instances.Add(row);
        await WriteAsync(instance, instance.Riwayat, ct);
    }

    public async Task SaveAsync(SopInstance instance, IReadOnlyList<StepEvent> appended, CancellationToken ct)
    {
        var version = (await VersionAsync(instance.VersionId, ct))!;
        var row = await db.Instances.FirstAsync(i => i.Id == instance.Id, ct);
        row.Status = instance.Status;
        row.SelesaiPada = instance.SelesaiPada;
        // UpdateAsync changes the context (a programme's dates, an assignment): later due times and routing read it back.
        row.Konteks = JsonSerializer.Serialize(instance.Konteks);
        Summarize(row, instance, version.Definition);
        await db.ActiveSteps.Where(a => a.InstanceId == instance.Id).ExecuteDeleteAsync(ct);
        await WriteAsync(instance, appended, ct);
    }

    private async Task WriteAsync(SopInstance instance, IEnumerable<StepEvent> events, CancellationToken ct)
    {
        db.ActiveSteps.AddRange(instance.Aktif.Select(a => new ActiveStepRow
        {
            ActivationId = a.ActivationId, InstanceId = instance.Id, StepId = a.StepId, DiaktifkanPada = a.DiaktifkanPada, JatuhTempo = a.JatuhTempo,
            PengingatPada = a.PengingatPada, PenerimaTugas = a.PenerimaTugas, Diingatkan = a.Diingatkan, Terlambat = a.Terlambat,
        }));
        db.Events.AddRange(events.Select(e => new EventRow
        {
            InstanceId = instance.Id, Seq = e.Seq, Jenis = e.Jenis, StepId = e.StepId, ActivationId = e.ActivationId, Pada = e.Pada,
            OlehId = e.OlehId, OlehNama = e.OlehNama, Pilihan = e.Pilihan, Catatan = e.Catatan, JatuhTempo = e.JatuhTempo,
            Masukan = JsonSerializer.Serialize(e.Masukan), Keluaran = JsonSerializer.Serialize(e.Keluaran),
        }));
        var list = events as IReadOnlyList<StepEvent> ?? events.ToList();
        db.Activations.AddRange(list.Where(e => e.Jenis == StepEventKind.Diaktifkan && e.ActivationId is not null).Select(e => new ActivationRow
        {
            ActivationId = e.ActivationId!.Value, InstanceId = instance.Id, Kode = instance.Kode, StepId = e.StepId!, DiaktifkanPada = e.Pada, JatuhTempo = e.JatuhTempo,
        }));
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        // Ends after the inserts, in history order: the end step's own completion before the instance closes the rest.
        foreach (var e in list)
        {
            if (e.Jenis is StepEventKind.Diselesaikan or StepEventKind.Dilewati && e.ActivationId is { } id)
            {
                var akhir = e.Jenis.ToString();
                await db.Activations.Where(a => a.ActivationId == id)
                    .ExecuteUpdateAsync(u => u.SetProperty(a => a.BerakhirPada, e.Pada).SetProperty(a => a.Akhir, akhir), ct);
            }
            else if (e.Jenis == StepEventKind.InstansSelesai)
                await db.Activations.Where(a => a.InstanceId == instance.Id && a.BerakhirPada == null)
                    .ExecuteUpdateAsync(u => u.SetProperty(a => a.BerakhirPada, e.Pada).SetProperty(a => a.Akhir, "Ditutup"), ct);
        }
    }

    private static void Summarize(InstanceRow row, SopInstance instance, SopDefinition definition)
    {
        var labels = string.Join(", ", instance.Aktif.Select(a => definition.Find(a.StepId)?.Label ?? a.StepId));
        row.LangkahAktif = labels.Length > 300 ? labels[..300] : labels;
        row.JatuhTempo = instance.Aktif.Where(a => a.JatuhTempo is not null).Select(a => a.JatuhTempo).Min();
        row.Terlambat = instance.Aktif.Any(a => a.Terlambat);
    }

    public static StepEvent ToEvent(EventRow e) => new()
    {
        Seq = e.Seq, Jenis = e.Jenis, StepId = e.StepId, ActivationId = e.ActivationId, Pada = e.Pada, OlehId = e.OlehId, OlehNama = e.OlehNama,
        Pilihan = e.Pilihan, Catatan = e.Catatan, JatuhTempo = e.JatuhTempo,
        Masukan = JsonSerializer.Deserialize<Dictionary<string, string>>(e.Masukan) ?? [],
        Keluaran = JsonSerializer.Deserialize<Dictionary<string, string>>(e.Keluaran) ?? [],
    };
}
