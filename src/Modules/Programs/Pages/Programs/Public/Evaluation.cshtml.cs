using CampusKonseling.Programs.Data;
using CampusKonseling.Programs.Work;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace CampusKonseling.Programs.Pages.Programs.Public;

/// <summary>The participant's evaluation through the link e-mailed after the program: four ratings 1–5 and a comment.</summary>
[EnableRateLimiting(ProgramRateLimit.Policy)]
public sealed class EvaluationModel(ProgramsDb db, ProgramCatalog catalog, Evaluations evaluations) : PageModel
{
    public static readonly (string Name, string Label)[] Aspects =
        [("Materi", "Materi"), ("Narasumber", "Narasumber"), ("Penyelenggaraan", "Penyelenggaraan (tempat, waktu, panitia)"), ("Keseluruhan", "Secara keseluruhan")];
    public ParticipantRow Participant { get; private set; } = null!;
    public ProgramRow Program { get; private set; } = null!;
    [BindProperty] public Dictionary<string, int?> Nilai { get; set; } = [];
    [BindProperty] public string? Komentar { get; set; }
    public Dictionary<string, string> Errors { get; } = [];
    public bool Done { get; private set; }

    private async Task<bool> LoadAsync(string token, CancellationToken ct)
    {
        if (await Tickets.FindAsync(db, token, ct) is not { } p || await catalog.FindAsync(p.ProgramId, ct) is not { } program) return false;
        (Participant, Program) = (p, program);
        return true;
    }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct) => await LoadAsync(token, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken ct)
    {
        if (!await LoadAsync(token, ct)) return NotFound();
        var input = new EvaluationInput(Nilai.GetValueOrDefault("Materi"), Nilai.GetValueOrDefault("Narasumber"), Nilai.GetValueOrDefault("Penyelenggaraan"), Nilai.GetValueOrDefault("Keseluruhan"), Komentar);
        foreach (var (k, v) in await evaluations.SubmitAsync(Participant, input, ct)) Errors[k] = v;
        Done = Errors.Count == 0;
        return Page();
    }
}
