using System.Security.Claims;
using CampusKonseling.Cases.Data;
using CampusKonseling.Cases.Work;
using CampusKonseling.Users;
using CampusKonseling.Workflows;
using Microsoft.AspNetCore.Http;

namespace CampusKonseling.Cases.Pages.Cases.Admin.Kasus.Ringkasan;

/// <summary>A letter a step asks for: its fields pre-filled from the case and the signer, and which of them are required.</summary>
public sealed record LetterForm(string Judul, IReadOnlyList<(string Nama, string Nilai)> Fields, IReadOnlyList<string> Wajib);

/// <summary>The case's active steps as the reader works them, with what their action forms need.</summary>
public sealed record LangkahView(
    IReadOnlyList<SopLangkah> Steps,
    IReadOnlyDictionary<string, LetterForm> Letters,
    IReadOnlyDictionary<string, IReadOnlyList<UserRef>> Pools,
    /// <summary>The agreement in force (the next session), shown beside the steps and replaced by a step's new agreement.</summary>
    Appointment? CurrentAgreement,
    IReadOnlyList<ExternalReferral> WaitingReferrals)
{
    public static readonly LangkahView None = new([], new Dictionary<string, LetterForm>(), new Dictionary<string, IReadOnlyList<UserRef>>(), null, []);
}

/// <summary>
/// The work of a step's actions done from its card: a letter from the named template, an upload of the named kind, the agreement,
/// the referral and its result, the person named. Each uses the activity's own service (the same the tabs use), so a step's
/// action and the tab's free form record the same thing.
/// </summary>
public sealed class LangkahKerja(ISopSteps steps, CaseLetters letters, CaseDocuments documents, Appointments appointments, Referrals referrals,
    CaseTimeline timeline, CaseArchiving archiving, IUserDirectory directory, CampusKonseling.Modules.ShellFeatureServices features)
{
    public async Task<LangkahView> LoadAsync(ClaimsPrincipal user, CaseRow c, CancellationToken ct)
    {
        if (c.SopInstanceId is not { } instance) return LangkahView.None;
        var active = await steps.ActiveAsync(instance, user, ct);
        var forms = new Dictionary<string, LetterForm>();
        var pools = new Dictionary<string, IReadOnlyList<UserRef>>();
        var actions = active.Where(s => s.BolehDikerjakan).SelectMany(s => s.Aksi).ToList();
        if (actions.Any(a => a.Jenis == AksiJenis.Surat))
        {
            var templates = await letters.TemplatesAsync(ct);
            var student = await StudentAsync(c, ct);
            foreach (var t in actions.Where(a => a.Jenis == AksiJenis.Surat).Select(a => a.Templat).OfType<string>().Distinct())
                if (templates.FirstOrDefault(x => x.Kode == t) is { Kode: not null } template)
                    forms[t] = new LetterForm(template.Judul, await letters.FieldsAsync(c, t, student, ct, user), await letters.RequiredAsync(t, ct));
        }
        foreach (var aksi in actions.Where(a => a.Jenis == AksiJenis.Tunjuk && a.Penugasan is not null).DistinctBy(a => a.Penugasan))
            pools[aksi.Penugasan!] = await PoolAsync(aksi, ct);
        var current = await appointments.CurrentAsync(c.Id, ct);
        var waiting = actions.Any(a => a.Jenis == AksiJenis.HasilRujukan)
            ? (await referrals.OfAsync(c.Id, ct)).Where(r => r.HasilDiterimaPada is null).ToList() : [];
        return new LangkahView(active, forms, pools, current, waiting);
    }

    private async Task<StudentRecord?> StudentAsync(CaseRow c, CancellationToken ct) =>
        c.Nim is { Length: > 0 } nim && features.Contract<IStudentDirectory>() is { } students ? await students.FindAsync(nim, ct) : null;

    /// <summary>Whom an assignment may name: for the counselor, whoever may counsel (as the Tugaskan form); else holders of the lane's role.</summary>
    private async Task<IReadOnlyList<UserRef>> PoolAsync(SopAksi aksi, CancellationToken ct) =>
        aksi.Penugasan == "konselor" ? await directory.UsersWithPermissionAsync(Permissions.CounselCases, ct)
        : aksi.PenugasanPeran is { } role ? await directory.UsersInRoleAsync(role, ct) : [];

    /// <summary>Makes the step's letter and files it in the archive; its number, or the refusal.</summary>
    public async Task<(string? Nomor, string? Refusal)> LetterAsync(CaseRow c, string templat, LetterForm form, IReadOnlyDictionary<string, string> typed, CancellationToken ct)
    {
        var values = form.Fields.ToDictionary(f => f.Nama, f => (typed.GetValueOrDefault(f.Nama) ?? "").Trim());
        var (made, refusal) = await letters.GenerateAsync(c, templat, values, null, ct);
        if (made is null) return (null, refusal);
        await archiving.FileLetterAsync(c, made, values, ct);
        return (made.Nomor, null);
    }

    /// <summary>Stores the step's document; the kind is the step's, never what the browser sent.</summary>
    public Task<Dictionary<string, string>> UploadAsync(ClaimsPrincipal user, CaseRow c, string jenis, string? tingkat, IFormFile? berkas, CancellationToken ct) =>
        documents.AddAsync(user, c, jenis, tingkat, berkas, ct, jenis);

    /// <summary>The agreement; a step's agreement replaces the one scheduled, if any.</summary>
    public Task<Dictionary<string, string>> AgreeAsync(ClaimsPrincipal user, CaseRow c, LangkahView view, Jadwal.JanjiInput input, CancellationToken ct) =>
        appointments.AgreeAsync(user, c, input.ToAgreement(), view.CurrentAgreement?.Id, input.Alasan, ct);

    public Task<Dictionary<string, string>> ReferAsync(ClaimsPrincipal user, CaseRow c, Rujukan.RujukInput input, CancellationToken ct) =>
        referrals.ReferAsync(user, c, input.ToReferral(), ct);

    public Task<string?> ResultAsync(ClaimsPrincipal user, CaseRow c, Guid? rujukan, string? hasil, CancellationToken ct) =>
        referrals.RecordResultAsync(user, c, rujukan ?? Guid.Empty, hasil, ct);

    /// <summary>Names the person: the counselor is the case's own assignment (who reads its counseling tier); anyone else is the instance's.</summary>
    public async Task NameAsync(ClaimsPrincipal user, CaseRow c, SopAksi aksi, UserRef person, CancellationToken ct)
    {
        var nama = aksi.Penugasan!;
        if (nama == "konselor")
        {
            await timeline.AssignAsync(user, c, person, ct);
            return;
        }
        await steps.UpdateAsync(c.SopInstanceId!.Value, new Dictionary<string, string?>
        {
            [CaseTimeline.Penugasan(nama)] = person.Id, [CaseTimeline.Penugasan(nama) + ".nama"] = person.Nama,
        }, ct);
        await timeline.NameAsync(user, c, nama, person, aksi.Bukti is { } before && before != person.Nama ? before : null, ct);
    }

    public Task<string?> CompleteAsync(CaseRow c, SopLangkah step, ClaimsPrincipal user, LangkahInput input, CancellationToken ct) =>
        steps.CompleteAsync(c.SopInstanceId!.Value, step.StepId, user, input.Pilihan, input.Dikonfirmasi, input.CatatanLangkah, ct);

    /// <summary>Each step whose work is now all done completes itself; their labels.</summary>
    public async Task<IReadOnlyList<string>> CompleteDoneAsync(CaseRow c, ClaimsPrincipal user, CancellationToken ct) =>
        c.SopInstanceId is { } instance ? await steps.CompleteDoneAsync(instance, user, ct) : [];
}
