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
public sealed partial class ImporModel(SopPublisher publisher, SopCatalog catalog, IUserDirectory directory, ShellFeatureServices features, IStringLocalizer<S> T) : PageModel
{
    public const int MaxBytes = 4 * 1024 * 1024;
    /// <summary>The SOP code column's length (SopDb).</summary>
    public const int MaxKode = 150;
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
    /// <summary>The code of the SOP in force this draft becomes the next version of; empty: a new SOP with <see cref="Kode"/>.</summary>
    [BindProperty] public string? Tujuan { get; set; }
    [BindProperty] public string? Kode { get; set; }

    public IReadOnlyList<SopDraft> Drafts { get; private set; } = [];
    public string? Pesan { get; private set; }
    /// <summary>Validation errors of the draft being published, by step id (null key: the SOP or a lane).</summary>
    public IReadOnlyList<(string? StepId, string Path, string Reason)> Errors { get; private set; } = [];
    public IReadOnlyList<string> Roles { get; private set; } = [];
    public IReadOnlyList<(string Kode, string Judul)> Templates { get; private set; } = [];
    /// <summary>The campus's SOPs in force, which a draft may revise.</summary>
    public IReadOnlyList<(Data.DefinitionRow Definition, SopDefinition Sop)> InForce { get; private set; } = [];
    /// <summary>Per draft (by index): the SOP in force it revises, proposed on reading or chosen on publishing.</summary>
    public Dictionary<int, string> TujuanDraf { get; } = [];

    /// <summary>The draft as it would be published against its proposed SOP in force: what that keeps, and the steps with their work.</summary>
    public (SopDefinition Sop, Dipertahankan Kept, int Versi)? Pratinjau(int d)
    {
        if (!TujuanDraf.TryGetValue(d, out var kode) || InForce.FirstOrDefault(x => x.Sop.Kode == kode) is not { Sop: not null } target) return null;
        var (sop, kept) = SopRevisi.Lanjutkan(Drafts[d].Definisi, target.Sop);
        return (sop, kept, target.Definition.VersiAktif);
    }

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
        // A document of an SOP the campus runs is read as its next revision: its lanes bound as they are now.
        Drafts = Drafts.Select((draft, d) =>
        {
            if (SopRevisi.Cocok(draft.Definisi, InForce.Select(x => x.Sop)) is not { } target) return draft;
            TujuanDraf[d] = target.Kode;
            return draft with { Definisi = SopRevisi.IkatLajur(draft.Definisi, target) };
        }).ToList();
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
        var bound = DraftBinding.Apply(draft, Lajur, Luaran, Langkah);
        var sop = bound;
        var early = new List<(string Path, string Reason)>();
        if (!string.IsNullOrWhiteSpace(Tujuan))
        {
            if (InForce.FirstOrDefault(x => x.Sop.Kode == Tujuan) is { Sop: not null } target) sop = DraftBinding.PilihLuaran(SopRevisi.Lanjutkan(bound, target.Sop).Sop, Luaran);
            else early.Add(("kode", T["SOP '{0}' tidak ada lagi di kampus ini; pilih SOP lain atau \"SOP baru\".", Tujuan]));
        }
        else if (string.IsNullOrWhiteSpace(Kode)) early.Add(("kode", T["Isi Nomor SOP (kode) untuk SOP baru."]));
        else if (Kode.Trim().Length > MaxKode) early.Add(("kode", T["Nomor SOP paling panjang {0} karakter.", MaxKode]));
        else
        {
            sop = sop with { Kode = Kode.Trim() };
            if (InForce.FirstOrDefault(x => string.Equals(x.Sop.Kode, sop.Kode, StringComparison.OrdinalIgnoreCase)) is { Sop: not null } taken)
                early.Add(("kode", T["Kode '{0}' sudah dipakai SOP \"{1}\"; pilih \"versi baru dari\" SOP itu, atau kode lain.", taken.Sop.Kode, taken.Sop.Judul]));
        }
        if (sop.Judul.Length > 300) early.Add(("judul", T["Nama SOP paling panjang {0} karakter; perbaiki di dokumen lalu baca ulang.", 300]));
        var errors = early.Concat(await publisher.CheckAsync(sop, ct)).ToList();
        for (var i = 0; i < sop.Pelaksana.Count; i++)
            if (!sop.Pelaksana[i].Klien && sop.Pelaksana[i].Peran is null && sop.Pelaksana[i].Penugasan is null)
                errors.Add(($"pelaksana[{i}]", T["lajur '{0}' belum diikat ke peran, klien, atau orang yang ditugaskan", sop.Pelaksana[i].Nama]));
        if (string.IsNullOrWhiteSpace(CatatanPerubahan)) errors.Add(("catatanPerubahan", T["Tuliskan alasan perubahan."]));
        if (errors.Count > 0)
        {
            Errors = errors.Select(e => (StepOf(sop, e.Path), e.Path, e.Reason)).ToList();
            // Shown again as read (its code too: the typed one stays in its field), with the bindings made but not merged
            // with the SOP in force: a different target chosen next time merges from that one alone.
            Drafts = [new SopDraft(bound, temuan, [])];
            if (!string.IsNullOrWhiteSpace(Tujuan)) TujuanDraf[0] = Tujuan;
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
        InForce = await catalog.InForceAsync(ct);
    }

    private static string? StepOf(SopDefinition sop, string path) =>
        StepIndex().Match(path) is { Success: true } m && int.Parse(m.Groups[1].Value) is var i && i < sop.Langkah.Count ? sop.Langkah[i].Id : null;

    [GeneratedRegex(@"^langkah\[(\d+)\]")]
    private static partial Regex StepIndex();
}
