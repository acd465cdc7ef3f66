using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using CampusKonseling.Security;
using CampusKonseling.Sop.Definitions;
using CampusKonseling.Sop.Runtime;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Sop.Pages.Sop.Admin;

/// <summary>
/// Edits an SOP as its JSON (the same shape recipes use). Saving a change makes a new version;
/// instances already running stay on theirs. Who changed it, when and why is recorded.
/// </summary>
[RequirePermission(Permissions.ManageSop)]
public sealed class EditModel(SopCatalog catalog, SopPublisher publisher, IStringLocalizer<S> T) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Isi SOP wajib diisi.")]
    public string Json { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Tuliskan alasan perubahan."), StringLength(1000, ErrorMessage = "Paling panjang 1000 karakter.")]
    public string? CatatanPerubahan { get; set; }

    public IReadOnlyList<(string Path, string Reason)> Errors { get; private set; } = [];
    public string? Judul { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        if (id is null)
        {
            Json = Template;
            return Page();
        }
        var found = await catalog.FindAsync(id.Value, null, ct);
        if (found is null) return NotFound();
        Judul = found.Value.Sop.Judul;
        Json = JsonSerializer.Serialize(found.Value.Sop, new JsonSerializerOptions(DefinitionJson.Options) { WriteIndented = true });
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        SopDefinition? sop;
        try
        {
            sop = JsonSerializer.Deserialize<SopDefinition>(Json, DefinitionJson.Options);
        }
        catch (JsonException ex)
        {
            Errors = [(ex.Path ?? "$", T["JSON tidak valid: {0}", ex.Message.Split(" Path:")[0]])];
            return Page();
        }
        if (sop is null) return Page();
        var errors = await publisher.CheckAsync(sop, ct);
        if (id is { } existing && await catalog.FindAsync(existing, null, ct) is { } current && current.Sop.Kode != sop.Kode)
            errors.Add(("kode", T["kode SOP tidak dapat diubah (semula '{0}')", current.Sop.Kode]));
        if (errors.Count > 0)
        {
            Errors = errors;
            return Page();
        }
        var (result, message) = await publisher.PublishAsync(sop, User, CatatanPerubahan, ct);
        TempData["Message"] = message;
        return Redirect(Url.Content($"~/admin/sop/{result.DefinitionId}"));
    }

    private const string Template = """
        {
          "kode": "SOP-BARU-01",
          "judul": "Judul SOP",
          "pelaksana": [ { "id": "staf", "nama": "Staf", "peran": "Admin Web" } ],
          "langkah": [
            { "id": "1", "jenis": "mulai", "uraian": "Menerima permohonan", "pelaksana": ["staf"], "waktu": "15 Menit", "lanjut": "2" },
            { "id": "2", "jenis": "selesai", "uraian": "Mengarsipkan", "pelaksana": ["staf"] }
          ]
        }
        """;
}
