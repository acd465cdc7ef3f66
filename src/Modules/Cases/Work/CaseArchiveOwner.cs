using CampusKonseling.Archive;
using CampusKonseling.Cases.Data;
using CampusKonseling.Documents;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Cases.Work;

/// <summary>Destroys a case whose retention has passed: its letters (all versions), then the case with its notes, documents, agreements, dispositions and referrals.</summary>
public sealed class CaseArchiveOwner(CasesDb db, CampusKonseling.Modules.ShellFeatureServices features) : IArchiveSubjectOwner
{
    public string Jenis => "kasus";

    public async Task DestroyAsync(string subjekId, CancellationToken ct = default)
    {
        if (!Guid.TryParse(subjekId, out var id)) return;
        if (features.Contract<ILetterService>() is { } letters) await letters.DestroyOwnerAsync(CaseLetters.Owner, subjekId, ct);
        await db.Cases.Where(c => c.Id == id).ExecuteDeleteAsync(ct);
    }
}
