using CampusKonseling.Privasi.Data;
using CampusKonseling.Workflows;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Privasi.Insiden;

/// <summary>"nilai": the breach whose SOP the step is in was assessed since the step became active.</summary>
public sealed class NilaiAction(PrivasiDb db) : IStepAction
{
    public string Jenis => AksiJenis.Nilai;

    public async Task<string?> EvidenceAsync(StepActionContext context, CancellationToken ct = default) =>
        await db.Insiden.AsNoTracking().FirstOrDefaultAsync(i => i.SopInstanceId == context.InstanceId && i.DinilaiPada >= context.DiaktifkanPada, ct) is { } i
            ? $"penilaian {i.Nomor}: {(i.Terbukti == true ? "terbukti" : "tidak terbukti")} oleh {i.DinilaiOleh}"
            : null;
}

/// <summary>"beritahu": the people concerned were e-mailed and the authority's letter recorded as sent, since the step became active.</summary>
public sealed class BeritahuAction(PrivasiDb db) : IStepAction
{
    public string Jenis => AksiJenis.Beritahu;

    public async Task<string?> EvidenceAsync(StepActionContext context, CancellationToken ct = default) =>
        await db.Insiden.AsNoTracking().FirstOrDefaultAsync(i => i.SopInstanceId == context.InstanceId && i.SubjekDiberitahuPada >= context.DiaktifkanPada
            && i.LembagaDiberitahuPada != null, ct) is { } i
            ? $"{i.SubjekDiberitahu} subjek data dan lembaga diberi tahu"
            : null;
}

/// <summary>"tutup": the breach was closed with its handling and measures written, since the step became active.</summary>
public sealed class TutupAction(PrivasiDb db) : IStepAction
{
    public string Jenis => AksiJenis.Tutup;

    public async Task<string?> EvidenceAsync(StepActionContext context, CancellationToken ct = default) =>
        await db.Insiden.AsNoTracking().FirstOrDefaultAsync(i => i.SopInstanceId == context.InstanceId && i.DitutupPada >= context.DiaktifkanPada, ct) is { } i
            ? $"{i.Nomor} ditutup oleh {i.DitutupOleh}"
            : null;
}

/// <summary>
/// "surat" for a breach's SOP: the letter of the step's template made on the breach since the step became active. An instance
/// that runs no breach is another module's subject: this answers null and the runtime asks the next plugin of the kind.
/// </summary>
public sealed class InsidenSuratAction(PrivasiDb db, KerjaInsiden kerja) : IStepAction
{
    public string Jenis => AksiJenis.Surat;

    public async Task<string?> EvidenceAsync(StepActionContext context, CancellationToken ct = default)
    {
        if (context.Aksi.Templat is not { } templat) return null;
        var row = await db.Insiden.AsNoTracking().FirstOrDefaultAsync(i => i.SopInstanceId == context.InstanceId, ct);
        if (row is null) return null;
        var letter = (await kerja.SuratAsync(row, ct)).LastOrDefault(l => l.Templat == templat && l.DibuatPada >= context.DiaktifkanPada);
        return letter is null ? null : $"surat {letter.Nomor}";
    }
}
