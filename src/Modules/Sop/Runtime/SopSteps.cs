using System.Security.Claims;
using CampusKonseling.Sop.Definitions;
using CampusKonseling.Sop.Engine;
using CampusKonseling.Workflows;

namespace CampusKonseling.Sop.Runtime;

/// <summary>The steps of an instance for the modules whose pages work them (a case page, the client's own page).</summary>
public sealed class SopSteps(ISopStore store, SopRuntime runtime) : ISopSteps
{
    public async Task<IReadOnlyList<SopLangkah>> ActiveAsync(Guid instanceId, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (await store.InstanceAsync(instanceId, ct) is not { } instance) return [];
        var definition = (await store.VersionAsync(instance.VersionId, ct))!.Definition;
        var me = SopRuntime.ActorOf(user);
        var list = new List<SopLangkah>();
        foreach (var active in instance.Aktif)
        {
            if (definition.Find(active.StepId) is not { } step) continue;
            var actions = await runtime.ActionsAsync(definition, instance, step, active, ct);
            var items = step.Kelengkapan.Select(k => new SopKelengkapan(k, SopEngine.Produced(definition, instance, k))).ToList();
            list.Add(new SopLangkah(instance.Id, definition.Judul, step.Id, step.Label, step.Uraian, step.Waktu, step.Output,
                step.Jenis == JenisLangkah.Keputusan, step.Pilihan.Select(p => p.Nama).ToList(), step.Opsional,
                step.Pelaksana.Any(p => definition.Lane(p)!.Klien), step.Otomatis is not null,
                step.Otomatis is not (Pemicu.Pesan or Pemicu.Waktu) && SopEngine.MayPerform(definition, step, active, me, instance.Konteks),
                active.DiaktifkanPada, active.JatuhTempo, active.Terlambat, step.Pelaksana.Select(p => definition.Lane(p)!.Nama).ToList(), actions, items));
        }
        return list;
    }

    public async Task<string?> CompleteAsync(Guid instanceId, string stepId, ClaimsPrincipal user, string? pilihan = null,
        IReadOnlyCollection<string>? dikonfirmasi = null, string? catatan = null, CancellationToken ct = default)
    {
        var masukan = (dikonfirmasi ?? []).Distinct().ToDictionary(k => k, _ => "ada");
        var result = await runtime.CompleteAsync(instanceId, new CompleteStep(stepId, pilihan, masukan, Catatan: catatan), SopRuntime.ActorOf(user), ct);
        return result.Error;
    }

    public async Task UpdateAsync(Guid instanceId, IReadOnlyDictionary<string, string?> konteks, CancellationToken ct = default) =>
        await runtime.UpdateAsync(instanceId, konteks, Actor.System, ct);

    public async Task<bool> SignalAsync(Guid instanceId, string stepId, CancellationToken ct = default) =>
        (await runtime.CompleteAsync(instanceId, new CompleteStep(stepId, Catatan: "Selesai otomatis"), Actor.System, ct)).Succeeded;

    public async Task<IReadOnlyList<string>> CompleteDoneAsync(Guid instanceId, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var done = new List<string>();
        foreach (var step in await ActiveAsync(instanceId, user, ct))
        {
            if (!step.BolehDikerjakan || step.Keputusan || step.Aksi.Count == 0) continue;
            if (step.Aksi.Any(a => !a.Opsional && a.Bukti is null) || step.Kelengkapan.Any(k => k.Dipenuhi is null)) continue;
            if (await CompleteAsync(instanceId, step.StepId, user, ct: ct) is null) done.Add(step.Label);
        }
        return done;
    }
}
