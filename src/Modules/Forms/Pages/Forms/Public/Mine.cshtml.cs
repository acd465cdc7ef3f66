using System.Security.Claims;
using CampusKonseling.Cases;
using CampusKonseling.Forms.Data;
using CampusKonseling.Site;
using CampusKonseling.Workflows;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Forms.Pages.Forms.Public;

/// <summary>
/// "Permohonan saya": the signed-in person's requests (sent while signed in, or with their
/// account's e-mail), newest first, each with its SOP's current step. Never answers or staff notes.
/// The steps waiting for the client (their SOP's client lane) are done here: a plain step is marked done, an agreed
/// meeting confirmed (or another date asked for), a document uploaded. Only requests sent from this account offer
/// them: the client is known by account id, never by an address someone typed.
/// </summary>
[Authorize]
public sealed class MineModel(FormsDb db, ISopLauncher sops, ISopSteps steps, ISiteSettings settings, CampusKonseling.Modules.ShellFeatureServices features,
    IStringLocalizer<S> T) : PageModel
{
    public sealed record Row(string Kode, string Formulir, DateTimeOffset DikirimPada, SopProgress? Progress, IReadOnlyList<ClientAppointment> Jadwal,
        IReadOnlyList<ReleasedNote> Dirilis, Guid? Instance = null, IReadOnlyList<SopLangkah>? Tugas = null, ClientAgreement? Kesepakatan = null);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    /// <summary>A refusal beside the step it concerns, keyed by <see cref="Key"/>.</summary>
    public Dictionary<string, string> Errors { get; } = [];
    /// <summary>What the client typed for a step (the reason for another date), kept when refused.</summary>
    public Dictionary<string, string> Typed { get; } = [];
    [TempData] public string? Pesan { get; set; }

    public static string Key(Guid instance, string step) => $"{instance:N}-{step}";

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    /// <summary>A plain client step: "Sudah saya lakukan" (or, for the client's own choice, the outcome chosen).</summary>
    public async Task<IActionResult> OnPostSelesaiAsync(Guid instance, string step, string? pilihan, CancellationToken ct)
    {
        if (await MineAsync(instance, step, ct) is not { } langkah) return NotFound();
        return await CompleteAsync(langkah, T["Langkah \"{0}\" tercatat selesai.", langkah.Uraian], ct, pilihan);
    }

    /// <summary>The client confirms the agreed meeting; the step's konfirmasiJadwal then has its evidence.</summary>
    public async Task<IActionResult> OnPostKonfirmasiAsync(Guid instance, string step, Guid janji, CancellationToken ct)
    {
        if (await MineAsync(instance, step, ct) is not { } langkah || features.Contract<ICaseClient>() is not { } cases) return NotFound();
        if (await cases.ConfirmAsync(instance, janji, User, ct) is { } refused) return await RefuseAsync(langkah, refused, ct);
        return await CompleteAsync(langkah, T["Jadwal konseling sudah Anda konfirmasi."], ct);
    }

    /// <summary>Another date, with a reason: the counselor is told; the step stays open until a new agreement is confirmed.</summary>
    public async Task<IActionResult> OnPostJadwalLainAsync(Guid instance, string step, Guid janji, string? alasan, CancellationToken ct)
    {
        if (await MineAsync(instance, step, ct) is not { } langkah || features.Contract<ICaseClient>() is not { } cases) return NotFound();
        if (await cases.AskOtherDateAsync(instance, janji, alasan, User, ct) is { } refused)
        {
            Typed[Key(instance, step)] = alasan ?? "";
            return await RefuseAsync(langkah, refused, ct);
        }
        Pesan = T["Permintaan jadwal lain sudah dikirim ke konselor. Anda akan diberi tahu jadwal barunya."];
        return RedirectToPage();
    }

    /// <summary>The document the step names, stored on the case; the step completes when nothing else is missing.</summary>
    public async Task<IActionResult> OnPostUnggahAsync(Guid instance, string step, IFormFile? berkas, CancellationToken ct)
    {
        if (await MineAsync(instance, step, ct) is not { } langkah || features.Contract<ICaseClient>() is not { } cases) return NotFound();
        // The kind comes from the step, never from the post.
        var dokumen = langkah.Aksi.FirstOrDefault(a => a.Jenis == AksiJenis.Unggah && a.Bukti is null)?.Dokumen;
        if (dokumen is null) return await RefuseAsync(langkah, T["Langkah ini tidak meminta dokumen lagi."], ct);
        if (await cases.UploadAsync(instance, dokumen, berkas, User, ct) is { } refused) return await RefuseAsync(langkah, refused, ct);
        return await CompleteAsync(langkah, T["{0} sudah terkirim.", dokumen], ct);
    }

    private async Task<IActionResult> CompleteAsync(SopLangkah langkah, string done, CancellationToken ct, string? pilihan = null)
    {
        if (await steps.CompleteAsync(langkah.InstanceId, langkah.StepId, User, pilihan, ct: ct) is { } refused) return await RefuseAsync(langkah, refused, ct);
        Pesan = done;
        return RedirectToPage();
    }

    private async Task<IActionResult> RefuseAsync(SopLangkah langkah, string reason, CancellationToken ct)
    {
        Errors[Key(langkah.InstanceId, langkah.StepId)] = reason;
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>The step, when it is a client step of a request sent from this account that this user may do now.</summary>
    private async Task<SopLangkah?> MineAsync(Guid instance, string step, CancellationToken ct)
    {
        var me = User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (me is null || !await db.Submissions.AnyAsync(s => s.SopInstanceId == instance && s.PenggunaId == me, ct)) return null;
        return (await steps.ActiveAsync(instance, User, ct)).FirstOrDefault(s => s.StepId == step && s.Klien && s.BolehDikerjakan);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var me = User.FindFirstValue(ClaimTypes.NameIdentifier);
        // Addresses are compared without case: people type "Dewi@Kampus.ac.id" as readily as "dewi@kampus.ac.id".
        var email = User.FindFirstValue(ClaimTypes.Email)?.ToLowerInvariant();
        var found = await db.Submissions.AsNoTracking()
            .Where(s => s.PenggunaId == me || (email != null && s.Email.ToLower() == email))
            .OrderByDescending(s => s.DikirimPada).Take(50)
            .Join(db.Forms.AsNoTracking(), s => s.FormId, f => f.Id, (s, f) => new { s.KodePelacakan, f.Judul, s.DikirimPada, s.SopInstanceId, s.PenggunaId })
            .ToListAsync(ct);
        var rows = new List<Row>();
        var cases = features.Contract<ICaseLookup>();
        var client = features.Contract<ICaseClient>();
        foreach (var s in found)
        {
            var row = new Row(s.KodePelacakan, s.Judul, s.DikirimPada, s.SopInstanceId is { } id ? await sops.ProgressAsync(id, ct) : null,
                cases is null ? [] : await cases.AppointmentsAsync(s.KodePelacakan, ct), cases is null ? [] : await cases.ReleasedAsync(s.KodePelacakan, ct));
            if (s.SopInstanceId is { } instance && s.PenggunaId == me)
            {
                var tugas = (await steps.ActiveAsync(instance, User, ct)).Where(l => l.Klien && l.BolehDikerjakan).ToList();
                var agreement = client is not null && tugas.Any(l => l.Aksi.Any(a => a.Jenis == AksiJenis.KonfirmasiJadwal))
                    ? await client.AgreementAsync(instance, User, ct) : null;
                row = row with { Instance = instance, Tugas = tugas, Kesepakatan = agreement };
            }
            rows.Add(row);
        }
        Rows = rows;
        Zone = TimeZoneInfo.FindSystemTimeZoneById((await settings.GetAsync(ct)).TimeZone);
    }
}
