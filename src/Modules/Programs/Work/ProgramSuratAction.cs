using CampusKonseling.Programs.Data;
using CampusKonseling.Workflows;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Programs.Work;

/// <summary>
/// "surat" for a programme's SOP: the step is done by the programme's letter from the step's template (Surat Tugas,
/// Surat Pemberitahuan, Laporan) made since the step became active. An instance that runs no programme is another
/// module's subject (a case's letters): this answers null and the runtime asks the next plugin of the kind.
/// </summary>
public sealed class ProgramSuratAction(ProgramsDb db, ProgramLetters letters) : IStepAction
{
    /// <summary>The instance context key holding the programme's id (written when the programme starts its SOP).</summary>
    public const string Program = "program";

    public string Jenis => AksiJenis.Surat;

    public async Task<string?> EvidenceAsync(StepActionContext context, CancellationToken ct = default)
    {
        if (context.Aksi.Templat is not { } templat || !letters.Available
            || !context.Konteks.TryGetValue(Program, out var text) || !Guid.TryParse(text, out var id)) return null;
        // The programme must be the one this instance runs: a context key alone does not make a subject.
        var row = await db.Programs.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id && p.SopInstanceId == context.InstanceId, ct);
        if (row is null) return null;
        var letter = (await letters.OfAsync(row, ct)).Where(l => l.Templat == templat && l.DibuatPada >= context.DiaktifkanPada)
            .OrderByDescending(l => l.DibuatPada).FirstOrDefault();
        return letter is null ? null : $"{letter.Judul} {letter.Nomor}";
    }
}
