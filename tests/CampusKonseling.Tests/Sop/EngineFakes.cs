using System.Collections.Concurrent;
using CampusKonseling.Site;
using CampusKonseling.Sop.Definitions;
using CampusKonseling.Sop.Engine;
using CampusKonseling.Sop.Waktu;

namespace CampusKonseling.Tests.Sop;

/// <summary>A clock the test moves by hand.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;
    public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();
    public void Advance(TimeSpan by) => Now += by;
}

/// <summary>Instances in memory, stored as copies so a test sees only what the engine saved.</summary>
public sealed class MemoryStore(params SopVersion[] versions) : ISopStore
{
    private readonly ConcurrentDictionary<Guid, SopInstance> _instances = new();
    public int Saves;

    public Task<SopVersion?> VersionAsync(Guid versionId, CancellationToken ct) => Task.FromResult(versions.FirstOrDefault(v => v.Id == versionId));
    public Task<SopInstance?> InstanceAsync(Guid instanceId, CancellationToken ct) => Task.FromResult(_instances.TryGetValue(instanceId, out var i) ? Copy(i) : null);

    public Task AddAsync(SopInstance instance, CancellationToken ct)
    {
        _instances[instance.Id] = Copy(instance);
        return Task.CompletedTask;
    }

    public async Task SaveAsync(SopInstance instance, IReadOnlyList<StepEvent> appended, CancellationToken ct)
    {
        await Task.Yield(); // let a racing caller run, as a database round trip would
        var stored = _instances[instance.Id];
        if (appended.Any(e => stored.Riwayat.Any(s => s.Seq == e.Seq))) throw new InvalidOperationException("duplicate seq: double transition");
        _instances[instance.Id] = Copy(instance);
        Interlocked.Increment(ref Saves);
    }

    private static SopInstance Copy(SopInstance i)
    {
        var copy = new SopInstance
        {
            Id = i.Id, VersionId = i.VersionId, Kode = i.Kode, Versi = i.Versi, Subjek = i.Subjek, Status = i.Status,
            DimulaiPada = i.DimulaiPada, SelesaiPada = i.SelesaiPada, DimulaiOleh = i.DimulaiOleh, Konteks = new(i.Konteks),
        };
        copy.Aktif.AddRange(i.Aktif.Select(a => new ActiveStep
        {
            ActivationId = a.ActivationId, StepId = a.StepId, DiaktifkanPada = a.DiaktifkanPada, JatuhTempo = a.JatuhTempo,
            PengingatPada = a.PengingatPada, PenerimaTugas = a.PenerimaTugas, Diingatkan = a.Diingatkan, Terlambat = a.Terlambat,
        }));
        copy.Riwayat.AddRange(i.Riwayat);
        return copy;
    }
}

/// <summary>One lock per instance, as the database's row lock gives.</summary>
public sealed class MemoryLocks : IInstanceLocks
{
    private readonly ConcurrentDictionary<Guid, SemaphoreSlim> _locks = new();

    public async Task<IInstanceLock> AcquireAsync(Guid instanceId, CancellationToken ct)
    {
        var gate = _locks.GetOrAdd(instanceId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        return new Handle(gate);
    }

    private sealed class Handle(SemaphoreSlim gate) : IInstanceLock
    {
        public Task CommitAsync(CancellationToken ct) => Task.CompletedTask;
        public ValueTask DisposeAsync()
        {
            gate.Release();
            return ValueTask.CompletedTask;
        }
    }
}

public static class Campus
{
    /// <summary>Monday to Friday, 08:00–16:00, Asia/Jakarta (UTC+7).</summary>
    public static readonly CampusSettings Settings = new() { CampusName = "Uji", TimeZone = "Asia/Jakarta" };
    public static readonly WorkingCalendar Calendar = new(Settings);

    /// <summary>A Jakarta wall-clock time.</summary>
    public static DateTimeOffset Wib(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, TimeSpan.FromHours(7));

    public static Actor User(string id, params string[] roles) => new(id, id, roles.ToHashSet());
}
