using System.Text.Json;
using System.Text.RegularExpressions;
using CampusKonseling.Documents;
using CampusKonseling.Modules;
using CampusKonseling.Security;
using CampusKonseling.Sop.Definitions;
using CampusKonseling.Sop.Dokumen;
using CampusKonseling.Sop.Runtime;
using CampusKonseling.Users;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Sop.Pages.Sop.Admin;

/// <summary>
/// A campus brings its SOP document (DOCX, or text pasted from a PDF) and gets a draft per SOP in it, shown row by row
/// beside what the document says, with what could not be read marked. The admin binds the lanes to roles (or the client,
/// or an assignee) and the outputs to letter templates or uploads, and publishes it as a new SOP version; nothing runs
/// before. The draft travels in the form, so nothing is stored until it is published.
/// </summary>
[RequirePermission(Permissions.ManageSop)]
[RequestSizeLimit(MaxBytes + 64 * 1024)]
public sealed partial class ImporModel(SopPublisher publisher, IUserDirectory directory, ShellFeatureServices features, IStringLocalizer<S> T) : PageModel
{
    public const int MaxBytes = 4 * 1024 * 1024;
    private static readonly JsonSerializerOptions Json = new(DefinitionJson.Options) { WriteIndented = false };

    [BindProperty] public IFormFile? Berkas { get; set; }
    [BindProperty] public string? Teks { get; set; }
    [BindProperty] public string? NamaBerkas { get; set; }

    // One draft's publish form.
    [BindProperty] public string? DraftJson { get; set; }
    [BindProperty] public string? TemuanJson { get; set; }
    [BindProperty] public List<LaneBinding> Lajur { get; set; } = [];
    [BindProperty] public List<OutputBinding> Luaran { get; set; } = [];
    [BindProperty] public List<StepBinding> Langkah { get; set; } = [];
    [BindProperty] public string? CatatanPerubahan { get; set; }

    public IReadOnlyList<SopDraft> Drafts { get; private set; } = [];
    public string? Pesan { get; private set; }
    /// <summary>Validation errors of the draft being published, by step id (null key: the SOP or a lane).</summary>
    public IReadOnlyList<(string? StepId, string Path, string Reason)> Errors { get; private set; } = [];
    public IReadOnlyList<string> Roles { get; private set; } = [];
    public IReadOnlyList<(string Kode, string Judul)> Templates { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await ChoicesAsync(ct);

    public async Task<IActionResult> OnPostBacaAsync(CancellationToken ct)
    {
        await ChoicesAsync(ct);
        if (Berkas is { Length: > 0 } file)
        {
            if (file.Length > MaxBytes) return Problem(T["Berkas terlalu besar (paling besar 4 MB)."]);
            NamaBerkas = Path.GetFileName(file.FileName);
            await using var stream = file.OpenReadStream();
            Drafts = Read(() => SopDocumentReader.Read(stream, NamaBerkas));
        }
        else if (!string.IsNullOrWhiteSpace(Teks))
        {
            NamaBerkas = T["teks yang ditempel"];
            Drafts = Read(() => SopDocumentReader.ReadText(Teks));
        }
        else return Problem(T["Pilih berkas DOCX dokumen SOP, atau tempel teksnya."]);
        if (Drafts.Count == 0) Pesan = T["Tidak ada SOP yang terbaca di dokumen ini: tidak ditemukan tabel bagan alir (No | Kegiatan | Pelaksana | Mutu Baku) maupun langkah bernomor."];
        return Page();
    }

    public async Task<IActionResult> OnPostTerbitkanAsync(CancellationToken ct)
    {
        await ChoicesAsync(ct);
        SopDefinition? draft;
        IReadOnlyList<Temuan> temuan;
        try
        {
            draft = JsonSerializer.Deserialize<SopDefinition>(DraftJson ?? "", Json);
            temuan = JsonSerializer.Deserialize<List<Temuan>>(TemuanJson ?? "[]", Json) ?? [];
        }
        catch (JsonException)
        {
            return Problem(T["Draf tidak dapat dibaca lagi; unggah dokumennya sekali lagi."]);
        }
        if (draft is null) return Problem(T["Draf tidak dapat dibaca lagi; unggah dokumennya sekali lagi."]);
        var sop = DraftBinding.Apply(draft, Lajur, Luaran, Langkah);
        var errors = await publisher.CheckAsync(sop, ct);
        for (var i = 0; i < sop.Pelaksana.Count; i++)
            if (!sop.Pelaksana[i].Klien && sop.Pelaksana[i].Peran is null && sop.Pelaksana[i].Penugasan is null)
                errors.Add(($"pelaksana[{i}]", T["lajur '{0}' belum diikat ke peran, klien, atau orang yang ditugaskan", sop.Pelaksana[i].Nama]));
        if (string.IsNullOrWhiteSpace(CatatanPerubahan)) errors.Add(("catatanPerubahan", T["Tuliskan alasan perubahan."]));
        if (errors.Count > 0)
        {
            Errors = errors.Select(e => (StepOf(sop, e.Path), e.Path, e.Reason)).ToList();
            Drafts = [new SopDraft(sop, temuan, [])];
            return Page();
        }
        var (result, message) = await publisher.PublishAsync(sop, User, $"{CatatanPerubahan!.Trim()} ({T["diimpor dari {0}", NamaBerkas ?? "-"]})", ct);
        TempData["Message"] = message;
        return Redirect(Url.Content($"~/admin/sop/{result.DefinitionId}"));
    }

    public static string Serialize<TValue>(TValue value) => JsonSerializer.Serialize(value, Json);

    /// <summary>Whether a lane of the draft already names a role, the client or an assignment (from the document or a binding).</summary>
    public static string? BoundTo(Pelaksana p) => p.Klien ? "klien" : p.Peran;

    private IReadOnlyList<SopDraft> Read(Func<IReadOnlyList<SopDraft>> read)
    {
        try
        {
            return read();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The reader promises drafts with findings for bad documents; anything it missed is still the document's fault.
            Pesan = T["Dokumen ini tidak dapat dibaca. Simpan ulang sebagai DOCX dari Word/LibreOffice, atau tempel teksnya."];
            return [];
        }
    }

    private IActionResult Problem(string message)
    {
        Pesan = message;
        return Page();
    }

    private async Task ChoicesAsync(CancellationToken ct)
    {
        Roles = await directory.RoleNamesAsync(ct);
        Templates = features.Contract<ILetterService>() is { } letters ? await letters.TemplatesAsync(ct) : [];
    }

    private static string? StepOf(SopDefinition sop, string path) =>
        StepIndex().Match(path) is { Success: true } m && int.Parse(m.Groups[1].Value) is var i && i < sop.Langkah.Count ? sop.Langkah[i].Id : null;

    [GeneratedRegex(@"^langkah\[(\d+)\]")]
    private static partial Regex StepIndex();
}
