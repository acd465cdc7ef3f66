using System.Text.RegularExpressions;
using CampusKonseling.Forms.Builder;
using CampusKonseling.Forms.Data;
using CampusKonseling.Forms.Definitions;
using CampusKonseling.Security;
using CampusKonseling.Site;
using CampusKonseling.Workflows;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Forms.Pages.Forms.Admin.Builder;

/// <summary>
/// The form builder. Every operation is an ordinary post that saves the draft and comes back here,
/// so it works on a phone without JavaScript and nothing is lost between steps. Publishing checks
/// the whole draft and shows each problem beside its field.
/// </summary>
[RequirePermission(Permissions.ManageForms)]
public sealed partial class EditModel(FormsDb db, FormDrafts drafts, ISopLauncher sops, CampusClock campusClock, IStringLocalizer<S> T) : PageModel
{
    public sealed class PropertiInput
    {
        public string? Judul { get; set; }
        public string? Deskripsi { get; set; }
        public string? Sop { get; set; }
        public string? Selesai { get; set; }
    }

    public sealed record VersionItem(int Versi, DateTimeOffset Pada, string Oleh, int Permohonan);

    public FormRow Row { get; private set; } = null!;
    public FormDefinition Form { get; private set; } = null!;
    public PropertiInput Properti { get; private set; } = new();
    public IReadOnlyList<SopSummary> Sops { get; private set; } = [];
    public IReadOnlyList<VersionItem> Versions { get; private set; } = [];
    /// <summary>Saved and published times in the campus's zone, with its name.</summary>
    public CampusTime Time { get; private set; } = new(TimeZoneInfo.Utc, DateTimeOffset.UnixEpoch);
    /// <summary>What still stands in the way of publishing: by field id, and for the form as a whole.</summary>
    public ILookup<string, string> Issues { get; private set; } = Array.Empty<string>().ToLookup(x => x);
    public IReadOnlyList<string> FormIssues { get; private set; } = [];
    public bool PublishRefused { get; private set; }
    [TempData] public string? Message { get; set; }
    [TempData] public string? Refused { get; set; }
    [TempData] public string? RefusedIsian { get; set; }

    [GeneratedRegex(@"^isian\[(\d+)\]\.(.+)$")]
    private static partial Regex FieldPath();

    public async Task<IActionResult> OnGetAsync(string kode, CancellationToken ct)
    {
        if (!await LoadAsync(kode, ct)) return NotFound();
        Properti = new PropertiInput { Judul = Form.Judul, Deskripsi = Form.Deskripsi, Sop = Form.Sop, Selesai = Form.Selesai };
        return Page();
    }

    public async Task<IActionResult> OnPostPropertiAsync(string kode, CancellationToken ct)
    {
        if (!await LoadAsync(kode, ct)) return NotFound();
        await TryUpdateModelAsync(Properti, nameof(Properti));
        var judul = Properti.Judul?.Trim();
        if (string.IsNullOrEmpty(judul)) ModelState.AddModelError("Properti.Judul", T["Judul wajib diisi."]);
        else if (judul.Length > 300) ModelState.AddModelError("Properti.Judul", T["Judul paling panjang 300 karakter."]);
        var sop = string.IsNullOrEmpty(Properti.Sop) ? null : Properti.Sop;
        if (sop is not null && sop != Form.Sop && Sops.All(s => s.Kode != sop)) ModelState.AddModelError("Properti.Sop", T["SOP '{0}' tidak ada di kampus ini.", sop]);
        if (Properti.Deskripsi?.Length > 4000) ModelState.AddModelError("Properti.Deskripsi", T["Paling panjang 4000 karakter."]);
        if (Properti.Selesai?.Length > 4000) ModelState.AddModelError("Properti.Selesai", T["Paling panjang 4000 karakter."]);
        if (!ModelState.IsValid) return Page();
        await drafts.SaveAsync(Row, Form with { Judul = judul!, Deskripsi = Blank(Properti.Deskripsi), Sop = sop, Selesai = Blank(Properti.Selesai) }, User, ct);
        Message = T["Keterangan formulir disimpan di draf."];
        return Back();
    }

    public async Task<IActionResult> OnPostTambahAsync(string kode, string? jenis, CancellationToken ct)
    {
        if (!await LoadAsync(kode, ct)) return NotFound();
        if (jenis is null || !JenisIsian.All.Contains(jenis)) return Refuse(T["Pilih jenis isian yang akan ditambahkan."], null);
        if (jenis == JenisIsian.Persetujuan && Form.Isian.Any(f => f.Jenis == JenisIsian.Persetujuan)) return Refuse(T["Formulir hanya boleh memiliki satu persetujuan."], null);
        var (form, id) = FormEdits.Add(Form, jenis);
        await drafts.SaveAsync(Row, form, User, ct);
        Message = T["Isian {0} ditambahkan di akhir formulir. Lengkapi isiannya di bawah.", BuilderText.Jenis(jenis, T)];
        return Redirect(Url.Content($"~/admin/formulir/kelola/{kode}/isian/{id}"));
    }

    public Task<IActionResult> OnPostNaikAsync(string kode, string isian, CancellationToken ct) => MoveAsync(kode, isian, up: true, ct);
    public Task<IActionResult> OnPostTurunAsync(string kode, string isian, CancellationToken ct) => MoveAsync(kode, isian, up: false, ct);

    private async Task<IActionResult> MoveAsync(string kode, string isian, bool up, CancellationToken ct)
    {
        if (!await LoadAsync(kode, ct)) return NotFound();
        var (form, refused) = FormEdits.Move(Form, isian, up, T);
        if (refused is not null) return Refuse(refused, isian);
        await drafts.SaveAsync(Row, form, User, ct);
        return Back(isian);
    }

    public async Task<IActionResult> OnPostHapusAsync(string kode, string isian, CancellationToken ct)
    {
        if (!await LoadAsync(kode, ct)) return NotFound();
        if (Form.Find(isian) is not { } field) return Back();
        var (form, refused) = FormEdits.Remove(Form, isian, T);
        if (refused is not null) return Refuse(refused, isian);
        await drafts.SaveAsync(Row, form, User, ct);
        Message = T["Isian '{0}' dihapus dari draf.", field.Label];
        return Back();
    }

    public async Task<IActionResult> OnPostTerbitkanAsync(string kode, CancellationToken ct)
    {
        if (!await LoadAsync(kode, ct)) return NotFound();
        Properti = new PropertiInput { Judul = Form.Judul, Deskripsi = Form.Deskripsi, Sop = Form.Sop, Selesai = Form.Selesai };
        if (Issues.Count > 0 || FormIssues.Count > 0)
        {
            PublishRefused = true;
            return Page();
        }
        try
        {
            var (versi, created) = await drafts.PublishAsync(Row, Form, User, ct);
            Message = created ? T["Versi {0} diterbitkan. Permohonan baru memakai versi ini.", versi].Value : T["Tidak ada perubahan; versi {0} tetap berlaku. Draf dibuang.", versi].Value;
        }
        catch (DbUpdateException)
        {
            return Refuse(T["Formulir ini baru saja diterbitkan dari tempat lain. Periksa riwayat versi, lalu coba lagi."], null);
        }
        return Back();
    }

    /// <summary>An earlier version becomes the draft again, to be published as the next version (history is never rewritten).</summary>
    public async Task<IActionResult> OnPostPulihkanAsync(string kode, int versi, CancellationToken ct)
    {
        if (!await LoadAsync(kode, ct)) return NotFound();
        var json = await db.Versions.AsNoTracking().Where(v => v.FormId == Row.Id && v.Versi == versi).Select(v => v.Json).FirstOrDefaultAsync(ct);
        if (json is null) return NotFound();
        await drafts.SaveAsync(Row, FormJson.Deserialize(json), User, ct);
        Message = T["Versi {0} dimuat sebagai draf. Periksa, lalu terbitkan untuk memakainya lagi.", versi];
        return Back();
    }

    public async Task<IActionResult> OnPostBuangAsync(string kode, CancellationToken ct)
    {
        if (!await LoadAsync(kode, ct)) return NotFound();
        if (Row.VersiAktif == 0) return Refuse(T["Formulir ini belum pernah diterbitkan, jadi drafnya tidak dapat dibuang."], null);
        await drafts.DiscardAsync(Row, ct);
        Message = T["Draf dibuang; formulir kembali ke versi {0}.", Row.VersiAktif];
        return Back();
    }

    private async Task<bool> LoadAsync(string kode, CancellationToken ct)
    {
        if (await drafts.FindAsync(kode, ct) is not { } row) return false;
        Row = row;
        Form = await drafts.WorkingCopyAsync(row, ct);
        // The SOPs of requests and breaches (feature Privasi) are started by their own pages, not by a form.
        Sops = (await sops.ListAsync(ct)).Where(s => !CampusKonseling.Privasi.SopPrivasi.Is(s.Masuk)).ToList();
        Time = await campusClock.GetAsync(ct);
        Versions = await db.Versions.AsNoTracking().Where(v => v.FormId == row.Id).OrderByDescending(v => v.Versi)
            .Select(v => new VersionItem(v.Versi, v.DibuatPada, v.DibuatOleh, db.Submissions.Count(s => s.VersionId == v.Id))).ToListAsync(ct);
        var byField = new List<(string Id, string Reason)>();
        var general = new List<string>();
        foreach (var (path, reason) in FormValidator.Validate(Form))
        {
            var m = FieldPath().Match(path);
            if (m.Success && int.TryParse(m.Groups[1].Value, out var i) && i < Form.Isian.Count)
                byField.Add((Form.Isian[i].Id, $"{BuilderText.Property(m.Groups[2].Value, T)}: {reason}"));
            else general.Add(path == "isian" ? reason : $"{BuilderText.Property(path, T)}: {reason}");
        }
        Issues = byField.ToLookup(x => x.Id, x => x.Reason);
        FormIssues = general;
        return true;
    }

    private IActionResult Refuse(string message, string? isian)
    {
        Refused = message;
        RefusedIsian = isian;
        return Back(isian);
    }

    private IActionResult Back(string? isian = null) =>
        Redirect(Url.Content($"~/admin/formulir/kelola/{Row.Kode}") + (isian is null ? "" : $"#isian-{isian}"));

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
