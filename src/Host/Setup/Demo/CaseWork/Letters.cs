using CampusKonseling.Cases.Data;
using CampusKonseling.Cases.Work;
using CampusKonseling.Host.Setup.Demo.Texts;
using CampusKonseling.Users;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Host.Setup.Demo.CaseWork;

/// <summary>A step's letter made on the case from its template, pre-filled as the case page pre-fills it, the blanks typed in, and filed in the archive.</summary>
public static class Letters
{
    /// <summary>The campus's report letter for a case (a template whose code starts with "laporan"), when it has one.</summary>
    public static async Task ReportAsync(Stage stage, Guid caseId, Member signer, DateTimeOffset at, Random rng, CancellationToken ct)
    {
        var templates = await stage.ReadAsync(sp => sp.GetRequiredService<CaseLetters>().TemplatesAsync(ct));
        if (templates.Select(t => t.Kode).Where(k => k.StartsWith("laporan", StringComparison.Ordinal)).Order(StringComparer.Ordinal).FirstOrDefault() is { } kode)
            await MakeAsync(stage, caseId, kode, signer, at, rng, new Dictionary<string, string> { ["penandatangan"] = signer.Nama }, ct);
    }

    public static Task<string?> MakeAsync(Stage stage, Guid caseId, string templat, Member signer, DateTimeOffset at, Random rng,
        IReadOnlyDictionary<string, string> people, CancellationToken ct, IReadOnlyDictionary<string, string>? given = null) =>
        stage.RunAsync(at, signer.Principal, async sp =>
        {
            var c = await sp.GetRequiredService<CasesDb>().Cases.FirstAsync(x => x.Id == caseId, ct);
            var letters = sp.GetRequiredService<CaseLetters>();
            if (!letters.Available || (await letters.TemplatesAsync(ct)).All(t => t.Kode != templat)) return null;
            var student = c.Nim is { Length: > 0 } nim && sp.GetService<CampusKonseling.Modules.ShellFeatureServices>()?.Contract<IStudentDirectory>() is { } directory
                ? await directory.FindAsync(nim, ct) : null;
            var values = (await letters.FieldsAsync(c, templat, student, ct, signer.Principal)).ToDictionary(f => f.Nama, f => f.Nilai);
            foreach (var (k, v) in given ?? new Dictionary<string, string>()) if (values.ContainsKey(k)) values[k] = v;
            LetterValues.Fill(values, stage.Campus.Local(at), rng, people);
            var (letter, refusal) = await letters.GenerateAsync(c, templat, values, null, ct);
            if (letter is null) throw new InvalidOperationException($"Demo letter {templat}: {refusal}");
            await sp.GetRequiredService<CaseArchiving>().FileLetterAsync(c, letter, values, ct);
            return letter.Nomor;
        }, ct);
}
