using CampusKonseling.Cases.Data;
using CampusKonseling.Cases.Work;
using CampusKonseling.Workflows;

namespace CampusKonseling.Cases.Steps;

/// <summary>"surat": a letter made on the case from the step's template (by its code) since the step became active.</summary>
public sealed class SuratAction(CasesDb db, CaseLetters letters) : IStepAction
{
    public string Jenis => AksiJenis.Surat;

    public async Task<string?> EvidenceAsync(StepActionContext context, CancellationToken ct = default)
    {
        if (context.Aksi.Templat is not { } templat || await CaseOfInstance.FindAsync(db, context.InstanceId, ct) is not { } c) return null;
        var letter = (await letters.OfAsync(c, ct)).LastOrDefault(l => l.Templat == templat && l.DibuatPada >= context.DiaktifkanPada);
        return letter is null ? null : $"surat {letter.Nomor}";
    }
}
