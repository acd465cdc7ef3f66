using CampusKonseling.Cases.Pages.Cases.Admin.Kasus.Jadwal;
using CampusKonseling.Cases.Pages.Cases.Admin.Kasus.Rujukan;
using CampusKonseling.Workflows;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace CampusKonseling.Cases.Pages.Cases.Admin.Kasus.Ringkasan;

/// <summary>
/// The step cards' forms: each active step's actions done where the step is shown, and its completion. After an action the
/// step completes itself when its work is all done; a refusal is shown on the step's card with what was typed.
/// </summary>
public sealed partial class RingkasanModel
{
    /// <summary>What the step form posted (shown again beside a refusal).</summary>
    public LangkahInput Step { get; private set; } = new();
    public JanjiInput Janji { get; private set; } = new();
    public RujukInput Rujuk { get; private set; } = new();

    public static string StepKey(string stepId) => "langkah-" + stepId;

    public async Task<IActionResult> OnPostSelesaikanAsync(Guid id, LangkahInput step, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Step = step;
        if (Case.SopInstanceId is null || Steps.Steps.FirstOrDefault(s => s.StepId == step.Langkah) is not { } active) return await StepGoneAsync(ct);
        if (await work.CompleteAsync(Case, active, User, step, ct) is { } refusal) return await RefusedAsync(active, refusal, ct);
        return Done(T["Langkah {0} selesai.", active.Label]);
    }

    public async Task<IActionResult> OnPostLangkahSuratAsync(Guid id, LangkahInput step, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Step = step;
        if (StepAction(AksiJenis.Surat) is not ({ } active, { Templat: { } templat }) || !Steps.Letters.TryGetValue(templat, out var form)) return await StepRefusedAsync(ct);
        var (nomor, refusal) = await work.LetterAsync(Case, templat, form, step.Nilai, ct);
        if (refusal is not null) return await RefusedAsync(active, refusal, ct);
        return await StepDoneAsync(T["Surat {0} dibuat.", nomor!], ct);
    }

    [RequestSizeLimit(11 * 1024 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = 11 * 1024 * 1024)]
    public async Task<IActionResult> OnPostLangkahDokumenAsync(Guid id, LangkahInput step, IFormFile? berkas, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Step = step;
        if (StepAction(AksiJenis.Unggah) is not ({ } active, { Dokumen: { } jenis })) return await StepRefusedAsync(ct);
        var errors = await work.UploadAsync(User, Case, jenis, step.TingkatDokumen, berkas, ct);
        if (errors.Count > 0) return await RefusedAsync(active, errors, ct);
        return await StepDoneAsync(T["Dokumen \"{0}\" disimpan.", jenis], ct);
    }

    public async Task<IActionResult> OnPostLangkahJanjiAsync(Guid id, LangkahInput step, JanjiInput input, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        (Step, Janji) = (step, input);
        if (StepAction(AksiJenis.Jadwal) is not ({ } active, _)) return await StepRefusedAsync(ct);
        var errors = await work.AgreeAsync(User, Case, Steps, input, ct);
        if (errors.Count > 0) return await RefusedAsync(active, errors, ct);
        return await StepDoneAsync(T["Kesepakatan jadwal disimpan; klien dan konselor diberi tahu."], ct);
    }

    public async Task<IActionResult> OnPostLangkahRujukAsync(Guid id, LangkahInput step, RujukInput input, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        (Step, Rujuk) = (step, input);
        if (StepAction(AksiJenis.Rujukan) is not ({ } active, _)) return await StepRefusedAsync(ct);
        var errors = await work.ReferAsync(User, Case, input, ct);
        if (errors.Count > 0) return await RefusedAsync(active, errors, ct);
        return await StepDoneAsync(T["Rujukan ke {0} dicatat.", input.Kepada!.Trim()], ct);
    }

    public async Task<IActionResult> OnPostLangkahHasilAsync(Guid id, LangkahInput step, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Step = step;
        if (StepAction(AksiJenis.HasilRujukan) is not ({ } active, _)) return await StepRefusedAsync(ct);
        if (await work.ResultAsync(User, Case, step.Rujukan, step.Hasil, ct) is { } refusal) return await RefusedAsync(active, refusal, ct);
        return await StepDoneAsync(T["Hasil layanan eksternal dicatat sebagai catatan konseling."], ct);
    }

    public async Task<IActionResult> OnPostLangkahTunjukAsync(Guid id, LangkahInput step, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Step = step;
        if (StepAction(AksiJenis.Tunjuk) is not ({ } active, { Penugasan: { } nama } aksi)) return await StepRefusedAsync(ct);
        if (Steps.Pools.GetValueOrDefault(nama)?.FirstOrDefault(u => u.Id == step.PenggunaId) is not { } person)
            return await RefusedAsync(active, T["Pilih orang dari daftar."], ct);
        await work.NameAsync(User, Case, aksi, person, ct);
        return await StepDoneAsync(T["{0} ditunjuk sebagai {1}.", person.Nama, nama], ct);
    }

    /// <summary>The active step named by the form that this reader may do now, with its action of that kind.</summary>
    private (SopLangkah? Step, SopAksi? Aksi) StepAction(string jenis)
    {
        if (!Open) return (null, null);
        var step = Steps.Steps.FirstOrDefault(s => s.StepId == Step.Langkah);
        if (step is null || !step.BolehDikerjakan) return (null, null);
        var aksi = step.Aksi.FirstOrDefault(a => a.Index == Step.Aksi && a.Jenis == jenis) ?? step.Aksi.FirstOrDefault(a => a.Jenis == jenis);
        return aksi is null ? (null, null) : (step, aksi);
    }

    /// <summary>Why the form's step may not take this action: the case is closed, the step is someone else's, or it asks for other work.</summary>
    private async Task<IActionResult> StepRefusedAsync(CancellationToken ct)
    {
        if (!Open) return await ClosedAsync(ct);
        if (Steps.Steps.FirstOrDefault(s => s.StepId == Step.Langkah) is not { } step) return await StepGoneAsync(ct);
        return await RefusedAsync(step, step.BolehDikerjakan
            ? T["Langkah {0} tidak meminta tindakan ini.", step.Label]
            : T["Langkah {0} dikerjakan oleh {1}, bukan Anda.", step.Label, string.Join(", ", step.Pelaksana)], ct);
    }

    private async Task<IActionResult> ClosedAsync(CancellationToken ct)
    {
        Closed();
        return await ShowAsync(ct);
    }

    private async Task<IActionResult> StepGoneAsync(CancellationToken ct)
    {
        Errors["Langkah"] = T["Langkah itu sudah tidak aktif; lihat langkah sekarang di bawah."];
        return await ShowAsync(ct);
    }

    private Task<IActionResult> RefusedAsync(SopLangkah step, Dictionary<string, string> errors, CancellationToken ct) =>
        RefusedAsync(step, string.Join(" ", errors.Values.Distinct()), ct);

    private async Task<IActionResult> RefusedAsync(SopLangkah step, string refusal, CancellationToken ct)
    {
        Errors[StepKey(step.StepId)] = refusal;
        return await ShowAsync(ct);
    }

    /// <summary>The action is done; each step whose work is now all done completes itself, and the message says so.</summary>
    private async Task<IActionResult> StepDoneAsync(string message, CancellationToken ct)
    {
        var done = await work.CompleteDoneAsync(Case, User, ct);
        return Done(done.Count == 0 ? message : message + " " + T["Langkah {0} selesai.", string.Join(", ", done)]);
    }
}
