using System.Text.Json;
using CampusKonseling.Forms.Data;
using CampusKonseling.Forms.Definitions;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Forms.Intake;

/// <summary>
/// A request's answers for the staff working its case (a letter's prodi, tingkat, status): read against the form version it
/// answered, so only fields that take a plain answer are given. The problem description, consent and attachments never are.
/// </summary>
public sealed class RequestAnswers(FormsDb db) : IRequestAnswers
{
    public async Task<IReadOnlyDictionary<string, string>> OfRequestAsync(string kodePelacakan, CancellationToken ct = default)
    {
        var row = await db.Submissions.AsNoTracking().Where(s => s.KodePelacakan == kodePelacakan)
            .Join(db.Versions.AsNoTracking(), s => s.VersionId, v => v.Id, (s, v) => new { s.Jawaban, v.Json }).FirstOrDefaultAsync(ct);
        if (row is null) return new Dictionary<string, string>();
        var form = FormJson.Deserialize(row.Json);
        var stored = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(row.Jawaban) ?? [];
        var answers = new Dictionary<string, string>();
        foreach (var field in form.Isian.Where(Plain))
        {
            if (!stored.TryGetValue(field.Id, out var value)) continue;
            if (Text(value) is { Length: > 0 } text) answers[field.Id.Replace('-', '_')] = text;
        }
        return answers;
    }

    /// <summary>A stored answer as text: a multiple choice joined with ", ", trimmed.</summary>
    public static string Text(JsonElement value) => (value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() ?? "",
        JsonValueKind.Array => string.Join(", ", value.EnumerateArray().Select(v => v.ToString())),
        _ => value.ToString(),
    }).Trim();

    /// <summary>A field with a plain answer: not consent, attachments or the problem told (kept in the case).</summary>
    public static bool Plain(Isian field) =>
        JenisIsian.TakesAnswer(field.Jenis) && field.Jenis is not (JenisIsian.Persetujuan or JenisIsian.Berkas) && field.Petakan != Petakan.Masalah;
}
