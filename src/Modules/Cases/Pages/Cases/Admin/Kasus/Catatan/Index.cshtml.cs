using CampusKonseling.Cases.Data;
using CampusKonseling.Cases.Work;
using CampusKonseling.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Cases.Pages.Cases.Admin.Kasus.Catatan;

/// <summary>
/// The case's notes and log book: write one at its confidentiality tier, release one to the client, and the whole timeline. A
/// counselor's note is confidential unless they choose otherwise: it defaults to the counseling tier for whoever may write it.
/// </summary>
[RequirePermission(Permissions.ViewCases)]
public sealed class CatatanModel(KasusHeaders headers, CaseTimeline timeline, CaseArchiving archiving, IStringLocalizer<S> localizer)
    : KasusPage(headers, localizer)
{
    public override string Tab => "catatan";
    public IReadOnlyList<TimelineEntry> Entries { get; private set; } = [];
    public CatatanInput Input { get; private set; } = new();
    public string? Alasan { get; private set; }

    /// <summary>The kinds a note may be of: on a closed case only a correction.</summary>
    public IReadOnlyList<string> Kinds => Open ? [JenisCatatan.Catatan, JenisCatatan.Sesi, JenisCatatan.BukuLog, JenisCatatan.Laporan] : [JenisCatatan.Koreksi];

    /// <summary>Counseling for those who may write it (the case's counselor), so a session note is never shared with TU by omission.</summary>
    public string DefaultTingkat => CanReadCounseling ? Tingkat.Konseling : Tingkat.Administratif;

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        Entries = await timeline.ReadAsync(User, Case, ct);
        return Page();
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadCaseAsync(id, ct) ? await ShowAsync(ct) : NotFound();

    public async Task<IActionResult> OnPostCatatanAsync(Guid id, CatatanInput input, CancellationToken ct)
    {
        if (!await LoadCaseAsync(id, ct)) return NotFound();
        Input = input;
        // An archived case is read-only: only a correction may be added, and it files a new version of the archive record.
        var jenis = !Open ? JenisCatatan.Koreksi : input.Jenis ?? JenisCatatan.Catatan;
        if (await timeline.WriteAsync(User, Case, jenis, input.Tingkat ?? DefaultTingkat, input.Isi ?? "", ct) is { } refusal)
        {
            Errors[nameof(CatatanInput.Isi)] = refusal;
            return await ShowAsync(ct);
        }
        if (!Open) await archiving.FileAsync(Case, ct);
        return Done(Open ? T["Catatan disimpan."] : T["Koreksi disimpan; arsip kasus diperbarui sebagai versi baru."]);
    }

    public async Task<IActionResult> OnPostRilisAsync(Guid id, long catatan, CancellationToken ct)
    {
        if (!await LoadCaseAsync(id, ct)) return NotFound();
        if (await timeline.ReleaseAsync(User, Case, catatan, ct) is { } refusal)
        {
            Errors[nameof(CatatanInput.Isi)] = refusal;
            return await ShowAsync(ct);
        }
        return Done(T["Catatan dirilis kepada klien; tampil di Permohonan saya."]);
    }

    /// <summary>Break-glass: a reader who may not read the counseling tier opens it for an hour, with a reason; audited, the heads told.</summary>
    public async Task<IActionResult> OnPostDaruratAsync(Guid id, string? alasan, CancellationToken ct)
    {
        if (!await LoadCaseAsync(id, ct)) return NotFound();
        if (!Header.CanBreakGlass) return Forbid();
        Alasan = alasan;
        if (await timeline.BreakGlassAsync(User, Case, alasan ?? "", ct) is { } refusal)
        {
            Errors[nameof(Alasan)] = refusal;
            return await ShowAsync(ct);
        }
        return Done(T["Catatan konseling terbuka untuk Anda selama 1 jam. Tindakan ini tercatat dan kepala unit diberi tahu."]);
    }
}
