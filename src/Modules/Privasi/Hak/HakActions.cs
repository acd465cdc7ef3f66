using CampusKonseling.Privasi.Data;
using CampusKonseling.Workflows;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Privasi.Hak;

/// <summary>"telaah": the counselor recorded the review of the request whose SOP the step is in, since the step became active.</summary>
public sealed class TelaahAction(PrivasiDb db) : IStepAction
{
    public string Jenis => AksiJenis.Telaah;

    public async Task<string?> EvidenceAsync(StepActionContext context, CancellationToken ct = default) =>
        await db.Permintaan.AsNoTracking().FirstOrDefaultAsync(p => p.SopInstanceId == context.InstanceId && p.TelaahPada >= context.DiaktifkanPada, ct) is { } p
            ? $"catatan konseling {p.Telaah} oleh {p.TelaahOleh}"
            : null;
}

/// <summary>"jawab": the unit wrote its answer to the request, since the step became active.</summary>
public sealed class JawabAction(PrivasiDb db) : IStepAction
{
    public string Jenis => AksiJenis.Jawab;

    public async Task<string?> EvidenceAsync(StepActionContext context, CancellationToken ct = default) =>
        await db.Permintaan.AsNoTracking().FirstOrDefaultAsync(p => p.SopInstanceId == context.InstanceId && p.DijawabPada >= context.DiaktifkanPada, ct) is { } p
            ? $"jawaban {p.Nomor} oleh {p.DijawabOleh}"
            : null;
}
