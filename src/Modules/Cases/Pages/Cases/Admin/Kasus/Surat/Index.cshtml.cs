using CampusKonseling.Cases.Data;
using CampusKonseling.Cases.Work;
using CampusKonseling.Documents;
using CampusKonseling.Security;
using CampusKonseling.Users;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Cases.Pages.Cases.Admin.Kasus.Surat;

/// <summary>
/// The case's letters from the campus's templates: make one (numbered PDF, pre-filled from the case, the student directory and the
/// signer), a new version of the same number, download or print. On a closed case only a new version (a correction) is made.
/// </summary>
[RequirePermission(Permissions.ViewCases)]
public sealed class SuratModel(KasusHeaders headers, CaseLetters letters, CaseArchiving archiving, CampusKonseling.Modules.ShellFeatureServices features,
    CasesDb db, IStringLocalizer<S> localizer) : KasusPage(headers, localizer)
{
    public override string Tab => "surat";
    public IReadOnlyList<(string Kode, string Judul)> Templates { get; private set; } = [];
    public IReadOnlyList<GeneratedLetter> Letters { get; private set; } = [];
    /// <summary>The template being filled in, with its fields pre-filled from the case.</summary>
    [BindProperty(SupportsGet = true)] public string? Templat { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? VersiDari { get; set; }
    public IReadOnlyList<(string Nama, string Nilai)> Fields { get; private set; } = [];
    public bool Filling => Templates.Any(t => t.Kode == Templat);

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadCaseAsync(id, ct)) return false;
        Templates = await letters.TemplatesAsync(ct);
        Letters = await letters.OfAsync(Case, ct);
        if (Filling)
        {
            var student = Case.Nim is { Length: > 0 } nim && features.Contract<IStudentDirectory>() is { } students ? await students.FindAsync(nim, ct) : null;
            Fields = await letters.FieldsAsync(Case, Templat!, student, ct, User, VersiDari);
        }
        return true;
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostSuratAsync(Guid id, [FromForm] Dictionary<string, string>? nilai, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!letters.Available || !Filling)
        {
            Errors["Templat"] = T["Pilih templat surat."];
            return Page();
        }
        var values = Fields.ToDictionary(f => f.Nama, f => (nilai?.GetValueOrDefault(f.Nama) ?? "").Trim());
        var versiDari = VersiDari is { } earlier && Letters.Any(l => l.Id == earlier) ? earlier : (Guid?)null;
        // On an archived case a letter can only be corrected (a new version of the same number).
        if (!Open && versiDari is null) return Closed();
        var (letter, refusal) = await letters.GenerateAsync(Case, Templat!, values, versiDari, ct);
        if (letter is null)
        {
            Errors["Templat"] = refusal!;
            // What was typed stays in the form.
            Fields = Fields.Select(f => (f.Nama, values.GetValueOrDefault(f.Nama, ""))).ToList();
            return Page();
        }
        await archiving.FileLetterAsync(Case, letter, values, ct);
        if (!Open) await archiving.FileAsync(Case, ct);
        return Done(letter.IsianKosong.Count > 0
            ? T["Surat {0} (versi {1}) dibuat; isian kosong: {2}.", letter.Nomor, letter.Versi, string.Join(", ", letter.IsianKosong)]
            : T["Surat {0} (versi {1}) dibuat.", letter.Nomor, letter.Versi]);
    }

    public async Task<IActionResult> OnGetUnduhAsync(Guid id, Guid surat, bool html, CancellationToken ct)
    {
        if (await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct) is not { } row) return NotFound();
        if (await letters.OpenAsync(row, surat, html, ct) is not { } file) return NotFound();
        if (html) ContentSecurityPolicy.For(HttpContext).ForStoredDocument();
        return html ? File(file.Isi, file.Mime) : File(file.Isi, file.Mime, file.NamaBerkas);
    }
}
