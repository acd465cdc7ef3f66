using CampusKonseling.Programs.Data;
using CampusKonseling.Programs.Work;
using CampusKonseling.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Programs.Pages.Programs.Admin;

/// <summary>A new program of one of the campus's kinds; saving it starts its SOP in the same transaction.</summary>
[RequirePermission(Permissions.ManagePrograms)]
public sealed class NewModel(ProgramCatalog catalog, IStringLocalizer<S> T) : PageModel
{
    public const int MaxSesi = 5;
    [BindProperty] public string? JenisKode { get; set; }
    [BindProperty] public string? Judul { get; set; }
    [BindProperty] public string? Tema { get; set; }
    [BindProperty] public string? Narasumber { get; set; }
    [BindProperty] public string? Tempat { get; set; }
    [BindProperty] public string? Tautan { get; set; }
    [BindProperty] public string? Sasaran { get; set; }
    [BindProperty] public string? Kapasitas { get; set; }
    [BindProperty] public DateTime? PendaftaranBuka { get; set; }
    [BindProperty] public DateTime? PendaftaranTutup { get; set; }
    [BindProperty] public List<SessionForm> Sesi { get; set; } = [];
    public IReadOnlyList<ProgramKind> Kinds { get; private set; } = [];
    public Dictionary<string, string> Errors { get; } = [];

    public sealed class SessionForm
    {
        public DateOnly? Tanggal { get; set; }
        public TimeOnly? Mulai { get; set; }
        public TimeOnly? Selesai { get; set; }
        public string? Keterangan { get; set; }
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Kinds = await catalog.KindsAsync(ct);
        if (Kinds.Count == 1) JenisKode = Kinds[0].Kode;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Kinds = await catalog.KindsAsync(ct);
        // A value the browser could not read as a date or number comes back as a model error: say so beside the field.
        foreach (var (key, entry) in ModelState.Where(e => e.Value?.Errors.Count > 0))
            Errors[key] = key.StartsWith("Sesi") ? T["Tanggal atau jam sesi tidak terbaca; gunakan pemilih tanggal dan jam."] : T["Isian ini tidak terbaca; gunakan pemilih tanggal dan jam."];
        int? kapasitas = null;
        if (!string.IsNullOrWhiteSpace(Kapasitas))
        {
            if (int.TryParse(Kapasitas.Trim(), out var k)) kapasitas = k;
            else Errors[nameof(Kapasitas)] = T["Kapasitas harus berupa angka, atau kosong bila tidak dibatasi."];
        }
        if (Errors.Count > 0) return Page();
        var input = new ProgramInput(JenisKode, Judul, Tema, Narasumber, Tempat, Tautan, Sasaran, kapasitas, PendaftaranBuka, PendaftaranTutup,
            Sesi.Take(MaxSesi).Select(s => new SessionInput(s.Tanggal, s.Mulai, s.Selesai, s.Keterangan)).ToList());
        var (id, errors) = await catalog.CreateAsync(input, User.Identity?.Name ?? "-", ct);
        if (id is null)
        {
            foreach (var (k, v) in errors) Errors[k] = v;
            return Page();
        }
        TempData["Message"] = T["Program dibuat; SOP-nya sudah berjalan."].Value;
        return Redirect(Url.Content($"~/admin/program/{id}"));
    }
}
