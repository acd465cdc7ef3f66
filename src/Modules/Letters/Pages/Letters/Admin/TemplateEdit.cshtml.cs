using System.Security.Claims;
using CampusKonseling.Letters.Data;
using CampusKonseling.Letters.Generation;
using CampusKonseling.Letters.Numbering;
using CampusKonseling.Letters.Rendering;
using CampusKonseling.Letters.Templates;
using CampusKonseling.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Letters.Pages.Letters.Admin;

/// <summary>One template (or a new one at "baru"): number pattern, text, signature, checked with messages beside the fields and previewed with sample values.</summary>
[RequirePermission(CampusKonseling.Letters.Permissions.ManageLetters)]
public sealed class TemplateEditModel(LettersDb db, TemplateStore store, Letterhead letterhead, TimeProvider clock, IStringLocalizer<S> T) : PageModel
{
    public const string Baru = "baru";

    [BindProperty(SupportsGet = true)] public string Kode { get; set; } = "";
    [BindProperty] public TemplateForm Input { get; set; } = new();
    public bool IsNew => Kode == Baru;
    public string? PreviewHtml { get; private set; }
    public IReadOnlyList<string> Isian { get; private set; } = [];
    [TempData] public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!IsNew)
        {
            var row = await db.Templates.AsNoTracking().FirstOrDefaultAsync(t => t.Kode == Kode, ct);
            if (row is null) return NotFound();
            Input = TemplateForm.From(TemplateStore.ToInput(row));
        }
        else Input = new TemplateForm { Pola = "{seq:000}/{romanMonth}/{year}" };
        await PreviewAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!IsNew && !await db.Templates.AnyAsync(t => t.Kode == Kode, ct)) return NotFound();
        var input = Input.ToInput(IsNew ? Input.Kode?.Trim() ?? "" : Kode);
        foreach (var e in TemplateRules.Validate(input))
            ModelState.AddModelError(TemplateForm.FieldOf(e.Bidang), T[e.Pesan, e.Args]);
        if (IsNew && ModelState.IsValid && await db.Templates.AnyAsync(t => t.Kode == input.Kode, ct))
            ModelState.AddModelError("Input.Kode", T["Kode {0} sudah dipakai templat lain.", input.Kode]);
        if (!ModelState.IsValid)
        {
            await PreviewAsync(ct);
            return Page();
        }
        await store.SaveAsync(input, User.FindFirstValue(ClaimTypes.Email) ?? User.Identity?.Name ?? "", ct);
        Message = T["Templat disimpan."];
        return Redirect(Url.Content($"~/admin/surat/templat/{input.Kode}"));
    }

    /// <summary>Shows the letter as the edited text would make it, without saving.</summary>
    public async Task<IActionResult> OnPostPratinjauAsync(CancellationToken ct)
    {
        if (!IsNew && !await db.Templates.AnyAsync(t => t.Kode == Kode, ct)) return NotFound();
        foreach (var e in TemplateRules.Validate(Input.ToInput(IsNew ? Input.Kode?.Trim() ?? "" : Kode)).Where(e => e.Bidang != "kode"))
            ModelState.AddModelError(TemplateForm.FieldOf(e.Bidang), T[e.Pesan, e.Args]);
        await PreviewAsync(ct);
        return Page();
    }

    private async Task PreviewAsync(CancellationToken ct)
    {
        var input = Input.ToInput(Kode);
        Isian = new[] { input.Perihal, input.Kepada, input.Isi, input.Jabatan, input.Nama, input.Nip, input.Tempat }.SelectMany(Markup.Names).Distinct().ToList();
        if (ModelState.Keys.Any(k => k is "Input.Pola" or "Input.Isi" && ModelState[k]!.Errors.Count > 0)) return;
        var (kop, kota, zone) = await letterhead.GetAsync(ct);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime);
        var template = new LetterTemplate
        {
            Kode = input.Kode, Judul = input.Judul, PolaNomor = input.Pola, Perihal = input.Perihal, Kepada = input.Kepada, Isi = input.Isi,
            TtdJabatan = input.Jabatan, TtdNama = input.Nama, TtdNip = input.Nip, TtdTempat = input.Tempat, DiubahOleh = "",
        };
        var values = Isian.ToDictionary(n => n, n => SampleValues.GetValueOrDefault(n, $"[{n}]"));
        PreviewHtml = HtmlLetter.Render(LetterComposer.Compose(template, kop, kota, NumberPattern.Render(input.Pola, 1, today), 1, today, values),
            ContentSecurityPolicy.For(HttpContext).Nonce);
    }

    private static readonly Dictionary<string, string> SampleValues = new(StringComparer.OrdinalIgnoreCase)
    {
        ["nama"] = "Siti Rahmawati", ["nim"] = "2021150001", ["prodi"] = "Pendidikan Bahasa Inggris", ["kasus"] = "K-2026-0001",
        ["konselor"] = "Dr. Ratih Christiana, M.Pd.", ["tanggal_konseling"] = "12 November 2026",
    };
}

public sealed class TemplateForm
{
    public string? Kode { get; set; }
    public string? Judul { get; set; }
    public string? Pola { get; set; }
    public string? Perihal { get; set; }
    public string? Kepada { get; set; }
    public string? Isi { get; set; }
    public string? Jabatan { get; set; }
    public string? Nama { get; set; }
    public string? Nip { get; set; }
    public string? Tempat { get; set; }
    /// <summary>The role whose holder signs.</summary>
    public string? Peran { get; set; }
    /// <summary>Required placeholders, separated by commas.</summary>
    public string? Wajib { get; set; }

    public TemplateInput ToInput(string kode) => new(kode, Judul ?? "", Pola ?? "", Perihal, Kepada, Isi ?? "", Jabatan ?? "", Nama, Nip, Tempat)
    {
        Wajib = (Wajib ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(w => w.Trim('{', '}')).ToList(),
        Peran = string.IsNullOrWhiteSpace(Peran) ? null : Peran.Trim(),
    };

    public static TemplateForm From(TemplateInput t) => new()
    {
        Kode = t.Kode, Judul = t.Judul, Pola = t.Pola, Perihal = t.Perihal, Kepada = t.Kepada, Isi = t.Isi,
        Jabatan = t.Jabatan, Nama = t.Nama, Nip = t.Nip, Tempat = t.Tempat, Wajib = string.Join(", ", t.Wajib), Peran = t.Peran,
    };

    /// <summary>The form field a rule's mistake belongs to ("pola" → "Input.Pola").</summary>
    public static string FieldOf(string bidang) => "Input." + char.ToUpperInvariant(bidang[0]) + bidang[1..];
}
