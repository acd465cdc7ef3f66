namespace CampusKonseling.Forms;

/// <summary>
/// A request's form answers as the staff working its case may use them (a letter's prodi, tingkat, status): by field id
/// ('-' written '_'), a multiple choice joined with ", ". Never the problem description (kept only in the case,
/// encrypted), consent or attachments.
/// </summary>
public interface IRequestAnswers
{
    Task<IReadOnlyDictionary<string, string>> OfRequestAsync(string kodePelacakan, CancellationToken ct = default);
}
