using CampusKonseling.Cases;
using CampusKonseling.Cases.Data;
using CampusKonseling.Cases.Intake;
using CampusKonseling.Data;
using CampusKonseling.Forms.Intake;
using CampusKonseling.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Primitives;

namespace CampusKonseling.Host.Setup.Demo.CaseWork;

/// <summary>A case as it was opened: through the campus's form, at the desk (a walk-in or a call), or by a dosen PA's referral.</summary>
public sealed record Opened(Guid CaseId, Guid InstanceId);

public static class Opening
{
    /// <summary>The client sends the public form (signed in when they are one of the demo's sign-ins), as the form page posts it.</summary>
    public static Task<Opened?> FormAsync(Stage stage, CaseSop sop, CaseBrief brief, string problem, Random rng, CancellationToken ct) =>
        stage.RunAsync(brief.Mulai, brief.Client.Akun?.Principal, async sp =>
        {
            var form = sop.Form!;
            var values = FormAnswers.For(form.Form, brief.Client, problem, brief.Bidang, brief.Mulai, stage.Campus, rng);
            var answers = Answers.Read(form.Form, name => values.TryGetValue(name[Answers.FieldPrefix.Length..], out var v) ? new StringValues(v) : StringValues.Empty,
                sp.GetRequiredService<IStringLocalizer<CampusKonseling.Forms.S>>());
            if (!answers.IsValid) throw new InvalidOperationException($"Demo form {form.Form.Kode}: {string.Join("; ", answers.Errors.Select(e => $"{e.Key}: {e.Value}"))}");
            var accepted = await sp.GetRequiredService<SubmissionService>().SubmitAsync(form, answers, Guid.NewGuid(), ct, brief.Client.Akun?.Id);
            return await FindAsync(sp, c => c.KodePelacakan == accepted.KodePelacakan, ct);
        }, ct);

    /// <summary>Staff record a client who came to the desk or phoned, as the "Kasus baru" page does: the case and its SOP in one transaction.</summary>
    public static Task<Opened?> DeskAsync(Stage stage, CaseSop sop, CaseBrief brief, Member opener, string problem, CancellationToken ct) =>
        stage.RunAsync(brief.Mulai, opener.Principal, async sp =>
        {
            var cara = brief.Masuk == "telepon" ? "Telepon" : "Datang langsung";
            var connection = sp.GetRequiredService<TenantDbConnection>();
            await connection.OpenAsync(ct);
            SopLaunch launch;
            (Guid Id, string Nomor) opened;
            await using (var tx = await connection.Connection.BeginTransactionAsync(ct))
            {
                launch = await sp.GetRequiredService<ISopLauncher>().StartAsync(sop.Definition.Kode, $"Kasus {cara}", new Dictionary<string, string> { ["saluran"] = cara }, tx, ct, brief.Masuk);
                opened = await sp.GetRequiredService<ICaseIntake>().OpenAsync(new CaseOpening(CaseSources.Staf, brief.Client.Nama, brief.Client.Email, brief.Client.Telepon,
                    brief.Client.Nim, JenisKlien(brief.Client, sop), cara, brief.Bidang, null, problem, null, launch.InstanceId, sop.Definition.Kode), tx, ct);
                await tx.CommitAsync(ct);
                await connection.ReleaseAsync();
            }
            await launch.AfterCommitAsync(ct);
            return (Opened?)new Opened(opened.Id, launch.InstanceId);
        }, ct);

    /// <summary>A dosen PA refers the student (seed 001), through the Cases module's referral intake.</summary>
    public static Task<Opened?> ReferralAsync(Stage stage, CaseSop sop, CaseBrief brief, Member referrer, string problem, CancellationToken ct) =>
        stage.RunAsync(brief.Mulai, referrer.Principal, async sp =>
        {
            var c = brief.Client;
            var outcome = await sp.GetRequiredService<StudentReferrals>().ReferAsync(
                new StudentReferral(c.Nama, c.Nim, c.Email, c.Telepon, c.Prodi, brief.Bidang, problem, sop.Definition.Kode, JenisKlien(c, sop)), new Perujuk(referrer.Id, referrer.Nama), ct);
            if (!outcome.Opened) throw new InvalidOperationException("Demo referral: " + string.Join("; ", outcome.Errors.Values));
            return await FindAsync(sp, x => x.Id == outcome.Id, ct);
        }, ct);

    private static string JenisKlien(Person p, CaseSop sop) =>
        sop.Definition.Judul.Contains("Pegawai", StringComparison.OrdinalIgnoreCase) ? "Pegawai"
        : sop.Definition.Judul.Contains("Praja", StringComparison.OrdinalIgnoreCase) ? "Praja"
        : p.Status == CampusKonseling.Users.StudentStatus.Lulus ? "Alumni" : "Mahasiswa";

    private static async Task<Opened?> FindAsync(IServiceProvider sp, System.Linq.Expressions.Expression<Func<CaseRow, bool>> which, CancellationToken ct) =>
        await sp.GetRequiredService<CasesDb>().Cases.AsNoTracking().Where(which).Where(c => c.SopInstanceId != null)
            .Select(c => new Opened(c.Id, c.SopInstanceId!.Value)).FirstOrDefaultAsync(ct);
}
