using CampusKonseling.Forms.Builder;
using CampusKonseling.Forms.Data;
using CampusKonseling.Forms.Definitions;
using CampusKonseling.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Forms.Pages.Forms.Admin.Builder;

/// <summary>Edits one field of the draft: the inputs its type uses, each mistake beside its input with what was typed kept.</summary>
[RequirePermission(Permissions.ManageForms)]
public sealed class FieldModel(FormDrafts drafts, IStringLocalizer<S> T) : PageModel
{
    [BindProperty] public FieldInput Input { get; set; } = new();
    public FormRow Row { get; private set; } = null!;
    public FormDefinition Form { get; private set; } = null!;
    public Isian Original { get; private set; } = null!;
    [TempData] public string? Message { get; set; }

    /// <summary>Earlier single-choice fields: the only ones a show-if may name.</summary>
    public IEnumerable<Isian> Sources => Form.Isian.TakeWhile(f => f.Id != Original.Id).Where(f => f.Jenis == JenisIsian.Pilihan);

    public async Task<IActionResult> OnGetAsync(string kode, string isian, CancellationToken ct)
    {
        if (await LoadAsync(kode, isian, ct) is { } missing) return missing;
        Input = FieldInput.From(Original);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string kode, string isian, CancellationToken ct)
    {
        if (await LoadAsync(kode, isian, ct) is { } missing) return missing;
        var retyped = Input.Jenis != Original.Jenis;
        if (retyped) Input.FillDefaults();
        var (field, errors) = FieldRules.Build(Input, Form, Original.Id, T);
        foreach (var (input, message) in errors) ModelState.AddModelError($"{nameof(Input)}.{input}", message);
        if (field is null) return Page();
        await drafts.SaveAsync(Row, FormEdits.Replace(Form, Original.Id, field), User, ct);
        if (retyped)
        {
            Message = T["Jenis isian diubah menjadi {0}. Periksa pengaturannya, lalu simpan lagi.", BuilderText.Jenis(field.Jenis, T)];
            return Redirect(Url.Content($"~/admin/formulir/kelola/{kode}/isian/{field.Id}"));
        }
        Message = T["Isian '{0}' disimpan di draf.", field.Label];
        return Redirect(Url.Content($"~/admin/formulir/kelola/{kode}") + $"#isian-{field.Id}");
    }

    private async Task<IActionResult?> LoadAsync(string kode, string isian, CancellationToken ct)
    {
        if (await drafts.FindAsync(kode, ct) is not { } row) return NotFound();
        Row = row;
        Form = await drafts.WorkingCopyAsync(row, ct);
        if (Form.Find(isian) is not { } field)
        {
            TempData["Refused"] = (string)T["Isian '{0}' tidak ada lagi di draf; mungkin baru saja dihapus atau diganti id-nya.", isian];
            return Redirect(Url.Content($"~/admin/formulir/kelola/{kode}"));
        }
        Original = field;
        return null;
    }
}
