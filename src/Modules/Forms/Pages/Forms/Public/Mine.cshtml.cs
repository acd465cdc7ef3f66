using System.Security.Claims;
using CampusKonseling.Cases;
using CampusKonseling.Forms.Data;
using CampusKonseling.Forms.Mine;
using CampusKonseling.Programs;
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
/// "Permohonan saya", where a signed-in client lands: the steps waiting for them (done here: a plain step marked done, a
/// choice made, an agreed meeting confirmed or another date asked for, a document uploaded), their coming sessions (with a
/// calendar file and the meeting link), each request with its SOP's steps done and under way, what the unit wrote to them,
/// and their programme tickets. Only requests sent from this account offer steps: the client is known by account id.
/// </summary>
[Authorize]
public sealed class MineModel(FormsDb db, PermohonanSaya mine, ISopSteps steps, ISiteSettings settings, CampusKonseling.Modules.ShellFeatureServices features,
    TimeProvider clock, IStringLocalizer<S> T) : PageModel
{
    public IReadOnlyList<Permohonan> Rows { get; private set; } = [];
    public IReadOnlyList<ClientTicket> Tiket { get; private set; } = [];
    public WaktuKlien Waktu { get; private set; } = null!;
    public TimeZoneInfo Zone => Waktu.Zone;
    public string Nama => User.FindFirstValue(ClaimTypes.GivenName) ?? User.Identity?.Name ?? "";
    /// <summary>The campus runs the Privasi feature: the person's rights requests are a click away.</summary>
    public bool Privasi => features.Contract<CampusKonseling.Privasi.IPejabatPdp>() is not null;

    /// <summary>The agreed sessions still to come, soonest first, with the request they belong to.</summary>
    public IReadOnlyList<(Permohonan Row, ClientAppointment Janji)> JadwalMendatang =>
        Rows.SelectMany(r => r.Jadwal.Select(j => (r, j))).Where(x => x.j.Mulai.AddMinutes(x.j.DurasiMenit) > Waktu.Now).OrderBy(x => x.j.Mulai).ToList();

    /// <summary>A refusal beside the step it concerns, keyed by <see cref="Key"/>.</summary>
    public Dictionary<string, string> Errors { get; } = [];
    /// <summary>What the client typed for a step (the reason for another date), kept when refused.</summary>
    public Dictionary<string, string> Typed { get; } = [];
    [TempData] public string? Pesan { get; set; }

    public static string Key(Guid instance, string step) => $"{instance:N}-{step}";

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    /// <summary>An agreed session as a calendar file (.ics), for a request of this person only.</summary>
    public async Task<IActionResult> OnGetKalenderAsync(Guid janji, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Rows.SelectMany(r => r.Jadwal.Select(j => (r, j))).FirstOrDefault(x => x.j.Id == janji && janji != Guid.Empty) is not { r: { } row, j: { } j }) return NotFound();
        var site = await settings.GetAsync(ct);
        var unit = site.UnitName is { Length: > 0 } u ? u : site.CampusName;
        var keterangan = string.Join("\n", new[]
        {
            T["Permohonan {0} · {1}", row.Kode, row.Formulir].Value,
            j.Konselor is { } k ? T["Konselor: {0}", k].Value : null,
            j.Tautan is { } link ? T["Tautan pertemuan: {0}", link].Value : null,
            j.KodeRapat is { } kode ? T["Kode rapat: {0}", kode].Value : null,
            j.Tautan is not null ? T["Kata sandi rapat ada di halaman Permohonan saya."].Value : null,
        }.OfType<string>());
        var ics = Kalender.Ics(new KalenderAcara(j.Id, j.Mulai, j.DurasiMenit, T["Konseling: {0}", unit], j.Tempat, j.Tautan, keterangan), clock.GetUtcNow(), Request.Host.Host);
        return File(ics, "text/calendar; charset=utf-8", $"konseling-{Waktu.Local(j.Mulai):yyyyMMdd-HHmm}.ics");
    }

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

    /// <summary>The person the client chooses where their step lets them (the counselor); the step completes when nothing else is missing.</summary>
    public async Task<IActionResult> OnPostPilihAsync(Guid instance, string step, string? pengguna, CancellationToken ct)
    {
        if (await MineAsync(instance, step, ct) is not { } langkah || features.Contract<ICaseClient>() is not { } cases) return NotFound();
        // The assignment comes from the step, never from the post.
        if (langkah.Aksi.FirstOrDefault(a => a.Jenis == AksiJenis.Tunjuk && a.Bukti is null && a.Penugasan is not null) is not { } aksi)
            return await RefuseAsync(langkah, T["Langkah ini tidak meminta pilihan lagi."], ct);
        if (await cases.ChooseAsync(instance, aksi.Penugasan!, aksi.PenugasanPeran, pengguna, User, ct) is { } refused) return await RefuseAsync(langkah, refused, ct);
        var chosen = (await cases.ChoicesAsync(instance, aksi.Penugasan!, aksi.PenugasanPeran, User, ct)).FirstOrDefault(u => u.Id == pengguna)?.Nama ?? "";
        return await CompleteAsync(langkah, T["Anda memilih {0}.", chosen], ct);
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
        Waktu = new WaktuKlien(CampusKonseling.Site.CampusClock.Zone((await settings.GetAsync(ct)).TimeZone), clock.GetUtcNow(), T);
        Rows = await mine.OfAsync(User, ct);
        Tiket = await mine.TicketsAsync(User, ct);
    }
}
