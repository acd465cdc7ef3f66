using CampusKonseling.Cases.Work;
using CampusKonseling.Users;
using CampusKonseling.Workflows;
using Microsoft.AspNetCore.Mvc;

namespace CampusKonseling.Cases.Pages.Cases.Admin;

/// <summary>
/// The case page's "Langkah SOP" cards: each active step with its actions, done from the card (a letter from the named
/// template, an upload of the named kind, the agreement, the referral and its result, the person named), its kelengkapan
/// and its completion. After an action the step completes itself when its work is all done.
/// </summary>
public sealed partial class CaseModel
{
    public IReadOnlyList<SopLangkah> ActiveSteps { get; private set; } = [];
    /// <summary>Per template a step names: its fields pre-filled from the case and the signer, and which are required.</summary>
    public Dictionary<string, (IReadOnlyList<(string Nama, string Nilai)> Fields, IReadOnlyList<string> Wajib)> StepLetters { get; } = [];
    /// <summary>Per assignment a step names: the people it may be given to.</summary>
    public Dictionary<string, IReadOnlyList<UserRef>> Pools { get; } = [];

    /// <summary>The step a card's form works.</summary>
    [BindProperty] public string? Langkah { get; set; }
    [BindProperty] public int Aksi { get; set; }
    [BindProperty] public List<string> Dikonfirmasi { get; set; } = [];
    [BindProperty] public string? Pilihan { get; set; }
    [BindProperty] public string? CatatanLangkah { get; set; }
    [BindProperty] public string? PenggunaId { get; set; }
    [BindProperty] public Guid? Rujukan { get; set; }

    public static string StepKey(string stepId) => "langkah-" + stepId;

    private async Task LoadStepsAsync(CancellationToken ct)
    {
        if (Case.SopInstanceId is not { } instance) return;
        ActiveSteps = await steps.ActiveAsync(instance, User, ct);
        foreach (var aksi in ActiveSteps.Where(s => s.BolehDikerjakan).SelectMany(s => s.Aksi))
        {
            if (aksi.Jenis == AksiJenis.Surat && aksi.Templat is { } t && !StepLetters.ContainsKey(t) && LetterTemplates.Any(x => x.Kode == t))
                StepLetters[t] = (await letters.FieldsAsync(Case, t, Student, ct, User), await letters.RequiredAsync(t, ct));
            if (aksi.Jenis == AksiJenis.Tunjuk && aksi.Penugasan is { } p && !Pools.ContainsKey(p))
                Pools[p] = await PoolAsync(aksi, ct);
        }
    }

    /// <summary>Whom an assignment may name: for the counselor, whoever may counsel (as the Tugaskan form); else holders of the lane's role.</summary>
    private async Task<IReadOnlyList<UserRef>> PoolAsync(SopAksi aksi, CancellationToken ct) =>
        aksi.Penugasan == "konselor" ? await directory.UsersWithPermissionAsync(Permissions.CounselCases, ct)
        : aksi.PenugasanPeran is { } role ? await directory.UsersInRoleAsync(role, ct) : [];

    public async Task<IActionResult> OnPostSelesaikanAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Case.SopInstanceId is not { } instance || ActiveSteps.FirstOrDefault(s => s.StepId == Langkah) is not { } step) return StepGone();
        if (await steps.CompleteAsync(instance, step.StepId, User, Pilihan, Dikonfirmasi, CatatanLangkah, ct) is { } refusal)
        {
            Errors[StepKey(step.StepId)] = refusal;
            return Page();
        }
        return Done(T["Langkah {0} selesai.", step.Label]);
    }

    public async Task<IActionResult> OnPostLangkahSuratAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (StepAction(AksiJenis.Surat) is not ({ } step, { Templat: { } templat }) || !StepLetters.TryGetValue(templat, out var letter)) return StepRefused();
        var values = letter.Fields.ToDictionary(f => f.Nama, f => (Nilai.GetValueOrDefault(f.Nama) ?? "").Trim());
        var (made, refusal) = await letters.GenerateAsync(Case, templat, values, null, ct);
        if (made is null)
        {
            Errors[StepKey(step.StepId)] = refusal!;
            StepLetters[templat] = (values.Select(v => (v.Key, v.Value)).ToList(), letter.Wajib);
            return Page();
        }
        await archiving.FileLetterAsync(Case, made, values, ct);
        return await StepDoneAsync(T["Surat {0} dibuat.", made.Nomor], ct);
    }

    [RequestSizeLimit(11 * 1024 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = 11 * 1024 * 1024)]
    public async Task<IActionResult> OnPostLangkahDokumenAsync(Guid id, Microsoft.AspNetCore.Http.IFormFile? berkas, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        // The kind comes from the step's action, never from what the browser sent: that is how the step recognises it.
        if (StepAction(AksiJenis.Unggah) is not ({ } step, { Dokumen: { } jenis })) return StepRefused();
        var errors = await documents.AddAsync(User, Case, jenis, TingkatDokumen, berkas, ct, jenis);
        if (errors.Count > 0) return StepErrors(step, errors);
        return await StepDoneAsync(T["Dokumen \"{0}\" disimpan.", jenis], ct);
    }

    public async Task<IActionResult> OnPostLangkahJanjiAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (StepAction(AksiJenis.Jadwal) is not ({ } step, _)) return StepRefused();
        var current = Agreements.FirstOrDefault(a => a.Status == Data.StatusJanji.Terjadwal)?.Id;
        var errors = await appointments.AgreeAsync(User, Case, new AgreementInput(Tanggal, Jam, DurasiMenit, Tempat, Tautan, KodeRapat, SandiRapat), current, Alasan, ct);
        if (errors.Count > 0) return StepErrors(step, errors);
        return await StepDoneAsync(T["Kesepakatan jadwal disimpan; klien dan konselor diberi tahu."], ct);
    }

    public async Task<IActionResult> OnPostLangkahRujukAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (StepAction(AksiJenis.Rujukan) is not ({ } step, _)) return StepRefused();
        var errors = await referrals.ReferAsync(User, Case, new ReferralInput(Kepada, JenisRujukan, Kontak, Layanan), ct);
        if (errors.Count > 0) return StepErrors(step, errors);
        return await StepDoneAsync(T["Rujukan ke {0} dicatat.", Kepada!.Trim()], ct);
    }

    public async Task<IActionResult> OnPostLangkahHasilAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (StepAction(AksiJenis.HasilRujukan) is not ({ } step, _)) return StepRefused();
        if (await referrals.RecordResultAsync(User, Case, Rujukan ?? Guid.Empty, Hasil, ct) is { } refusal)
        {
            Errors[StepKey(step.StepId)] = refusal;
            return Page();
        }
        return await StepDoneAsync(T["Hasil layanan eksternal dicatat sebagai catatan konseling."], ct);
    }

    public async Task<IActionResult> OnPostLangkahTunjukAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (StepAction(AksiJenis.Tunjuk) is not ({ } step, { Penugasan: { } nama } aksi)) return StepRefused();
        if (Pools.GetValueOrDefault(nama)?.FirstOrDefault(u => u.Id == PenggunaId) is not { } person)
        {
            Errors[StepKey(step.StepId)] = T["Pilih orang dari daftar."];
            return Page();
        }
        // The counselor is the case's own assignment (who reads its counseling tier); it tells the instance itself.
        if (nama == "konselor") await timeline.AssignAsync(User, Case, person, ct);
        else
        {
            await steps.UpdateAsync(Case.SopInstanceId!.Value, new Dictionary<string, string?>
            {
                [CaseTimeline.Penugasan(nama)] = person.Id, [CaseTimeline.Penugasan(nama) + ".nama"] = person.Nama,
            }, ct);
            await timeline.NameAsync(User, Case, nama, person, aksi.Bukti is { } before && before != person.Nama ? before : null, ct);
        }
        return await StepDoneAsync(T["{0} ditunjuk sebagai {1}.", person.Nama, nama], ct);
    }

    /// <summary>The active step named by the form that this reader may do now, with its action of that kind; else the reason beside its card.</summary>
    private (SopLangkah? Step, SopAksi? Aksi) StepAction(string jenis)
    {
        if (!Open) return (null, null);
        var step = ActiveSteps.FirstOrDefault(s => s.StepId == Langkah);
        if (step is null || !step.BolehDikerjakan) return (null, null);
        var aksi = step.Aksi.FirstOrDefault(a => a.Index == Aksi && a.Jenis == jenis) ?? step.Aksi.FirstOrDefault(a => a.Jenis == jenis);
        return aksi is null ? (null, null) : (step, aksi);
    }

    private IActionResult StepRefused()
    {
        if (!Open) return Closed();
        if (ActiveSteps.FirstOrDefault(s => s.StepId == Langkah) is { } step)
            Errors[StepKey(step.StepId)] = step.BolehDikerjakan
                ? T["Langkah {0} tidak meminta tindakan ini.", step.Label]
                : T["Langkah {0} dikerjakan oleh {1}, bukan Anda.", step.Label, string.Join(", ", step.Pelaksana)];
        else return StepGone();
        return Page();
    }

    private IActionResult StepGone()
    {
        Errors["Langkah"] = T["Langkah itu sudah tidak aktif; lihat langkah sekarang di bawah."];
        return Page();
    }

    private IActionResult StepErrors(SopLangkah step, Dictionary<string, string> errors)
    {
        Errors[StepKey(step.StepId)] = string.Join(" ", errors.Values.Distinct());
        return Page();
    }

    /// <summary>The action is done; each step whose work is now all done completes itself, and the message says so.</summary>
    private async Task<IActionResult> StepDoneAsync(string message, CancellationToken ct)
    {
        var done = Case.SopInstanceId is { } instance ? await steps.CompleteDoneAsync(instance, User, ct) : [];
        return Done(done.Count == 0 ? message : message + " " + T["Langkah {0} selesai.", string.Join(", ", done)]);
    }
}
