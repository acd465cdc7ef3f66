using System.Security.Cryptography;
using System.Text.Json;
using CampusKonseling.Cases;
using CampusKonseling.Data;
using CampusKonseling.Forms.Data;
using CampusKonseling.Forms.Definitions;
using CampusKonseling.Notifications;
using CampusKonseling.Shell;
using CampusKonseling.Site;
using CampusKonseling.Users;
using CampusKonseling.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CampusKonseling.Forms.Intake;

public sealed record Accepted(string KodePelacakan, SopEntry? Langkah, bool Again);

/// <summary>
/// Takes a request in: the submission, its consent record and the SOP instance's first step are
/// written in one transaction, so a request is either wholly there or not at all; a second post
/// of the same form (same send key) returns the first request. The acknowledgment follows the commit.
/// </summary>
public sealed class SubmissionService(
    FormsDb db, TenantDbConnection connection, ISopLauncher sops, IOutbox outbox, IMessageComposer composer, IAccountProvisioner accounts,
    CampusClock campusClock, PublicLinks links, CampusKonseling.Modules.ShellFeatureServices features, TimeProvider clock, IStringLocalizer<S> T, ILogger<SubmissionService> logger)
{
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /// <param name="penggunaId">The signed-in user sending it, so it shows in their "Permohonan saya".</param>
    public async Task<Accepted> SubmitAsync(FormVersion form, Answers answers, Guid kunciKirim, CancellationToken ct, string? penggunaId = null)
    {
        if (await ExistingAsync(kunciKirim, ct) is { } again) return again;

        var f = form.Form;
        var now = clock.GetUtcNow();
        string Mapped(string target) => f.Mapped(target) is { } field ? Answers.Normalize(field, answers.Text(field.Id)) : "";
        // With case work, the person's account of their problem lives only in the case, encrypted as counseling notes.
        var cases = features.Contract<ICaseIntake>();
        var stored = answers.ToStore(f);
        if (cases is not null && f.Mapped(Petakan.Masalah) is { } problem) stored.Remove(problem.Id);
        var submission = new Submission
        {
            Id = Guid.CreateVersion7(now), KodePelacakan = NewCode(), KunciKirim = kunciKirim, FormId = form.FormId, VersionId = form.VersionId,
            Versi = form.Versi, Jawaban = JsonSerializer.Serialize(stored), Nama = Mapped(Petakan.Nama), Email = Mapped(Petakan.Email),
            Telepon = NullIfEmpty(Mapped(Petakan.Telepon)), Saluran = NullIfEmpty(Mapped(Petakan.Saluran)), DikirimPada = now, PenggunaId = penggunaId,
        };

        await connection.OpenAsync(ct);
        SopLaunch? launch = null;
        await using (var tx = await connection.Connection.BeginTransactionAsync(ct))
        {
            await connection.EnlistAsync(db, tx, ct);
            db.Submissions.Add(submission);
            if (f.Isian.FirstOrDefault(i => i.Jenis == JenisIsian.Persetujuan) is { } consent)
                db.Consents.Add(new ConsentRecord { SubmissionId = submission.Id, Versi = consent.Versi!, Teks = consent.Teks!, RetensiHari = consent.RetensiHari!.Value, DiberikanPada = now, Oleh = submission.Email });
            try
            {
                await db.SaveChangesAsync(ct);
                await db.Files.Where(x => x.KunciKirim == kunciKirim && x.SubmissionId == null)
                    .ExecuteUpdateAsync(u => u.SetProperty(x => x.SubmissionId, submission.Id), ct);
            }
            catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
            {
                // The same form was posted twice at once: the other post won; answer with its request.
                await tx.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                await connection.ReleaseAsync();
                return await ExistingAsync(kunciKirim, ct) ?? throw new InvalidOperationException("Duplicate send key without a request.", ex);
            }
            var klien = penggunaId;
            // UNPAM's E-konseling: registering makes the participant's account; the link to set its password goes with the acknowledgment.
            if (f.BuatAkun is { } akun && penggunaId is null && submission.Email.Length > 0
                && await accounts.EnsureAsync(submission.Email, submission.Nama, akun.Peran, tx, ct) is { } account)
            {
                submission.PenggunaId = account.UserId;
                // Only an account made now is the client's for certain (its password link goes to the address given);
                // an existing account found by a typed address is not, so it does not act on client steps.
                if (account.Created) klien = account.UserId;
                await db.SaveChangesAsync(ct);
                if (account.SetPasswordPath is { } path)
                    await outbox.EnqueueAsync(await MailAsync(FormsTemplates.AkunDibuat, submission.Email, new()
                    {
                        ["nama"] = submission.Nama, ["email"] = submission.Email, ["kode"] = submission.KodePelacakan, ["tautan"] = links.Absolute(path) ?? "",
                    }, ct), tx, ct);
            }
            if (f.Sop is { } sop)
            {
                launch = await sops.StartAsync(sop, T["Permohonan {0}", submission.KodePelacakan], Konteks(f, answers, submission, klien), tx, ct, masuk: "formulir");
                submission.SopInstanceId = launch.InstanceId;
                await db.SaveChangesAsync(ct);
            }
            // The request becomes a case for staff, in the same transaction (when the campus has case work).
            if (cases is not null)
                await cases.OpenAsync(new CaseOpening(CaseSources.Formulir, submission.Nama, submission.Email, submission.Telepon,
                    NullIfEmpty((f.Mapped(Petakan.Nim) ?? f.Isian.FirstOrDefault(i => i.Jenis == JenisIsian.Nim)) is { } nim ? answers.Text(nim.Id) : ""), NullIfEmpty(Mapped(Petakan.JenisKlien)), submission.Saluran, NullIfEmpty(Mapped(Petakan.Bidang)),
                    NullIfEmpty(Mapped(Petakan.Waktu)), NullIfEmpty(Mapped(Petakan.Masalah)), submission.KodePelacakan, launch?.InstanceId, f.Sop,
                    submission.PenggunaId ?? penggunaId, Prodi: NullIfEmpty(Mapped(Petakan.Prodi))), tx, ct);
            // The acknowledgment is queued with the request: sent if and only if the request is saved.
            await outbox.EnqueueAsync(await AcknowledgmentAsync(f, submission, launch?.Entry, ct), tx, ct);
            if (submission.Telepon is { } phone)
            {
                var text = await composer.ComposeAsync(FormsTemplates.DiterimaTeks, new Dictionary<string, string>
                {
                    ["nama"] = submission.Nama, ["formulir"] = f.Judul, ["kode"] = submission.KodePelacakan,
                }, ct);
                await outbox.EnqueueTextAsync(new TextMessage(phone, text.Isi), tx, ct);
            }
            await tx.CommitAsync(ct);
            await connection.ReleaseAsync();
        }
        logger.LogInformation("Form {Form} v{Versi}: request {Code} received", f.Kode, form.Versi, submission.KodePelacakan);

        outbox.Wake();
        if (launch is not null) await launch.AfterCommitAsync(ct);
        return new Accepted(submission.KodePelacakan, launch?.Entry, false);
    }

    /// <summary>Reserved context keys a form field may not set by being named so.</summary>
    private static readonly HashSet<string> Reserved = ["klien", "masuk", "formulir", "kodePelacakan", "saluran"];

    /// <summary>
    /// What the SOP is told: the client's account (their steps are theirs, on their own page), how the request came, and
    /// the answers routing may use: single-choice fields under their field id (and a mapped bidang/jenisKlien under that
    /// name). Never free text and never the problem description: instance facts are seen by every member of the SOP's staff.
    /// The subject names the request, never the person or their problem, for the same reason.
    /// </summary>
    private static Dictionary<string, string> Konteks(FormDefinition f, Answers answers, Submission submission, string? klien)
    {
        var konteks = new Dictionary<string, string> { ["formulir"] = f.Kode, ["kodePelacakan"] = submission.KodePelacakan };
        foreach (var field in f.Isian.Where(i => i.Jenis == JenisIsian.Pilihan && i.Petakan != Petakan.Masalah && answers.IsShown(f, i)))
        {
            var answer = answers.Text(field.Id);
            if (answer.Length == 0) continue;
            if (!Reserved.Contains(field.Id) && !field.Id.Contains('.')) konteks[field.Id] = answer;
            if (field.Petakan is Petakan.Bidang or Petakan.JenisKlien) konteks[field.Petakan] = answer;
        }
        // An answer named like a reserved key never overrides it: the client is the signed-in account, nothing typed.
        if (submission.Saluran is { } saluran) konteks["saluran"] = saluran;
        if (klien is not null) konteks["klien"] = klien;
        return konteks;
    }

    private async Task<Accepted?> ExistingAsync(Guid kunciKirim, CancellationToken ct)
    {
        var existing = await db.Submissions.AsNoTracking().Where(s => s.KunciKirim == kunciKirim)
            .Join(db.Versions.AsNoTracking(), s => s.VersionId, v => v.Id, (s, v) => new { s.KodePelacakan, v.Json }).FirstOrDefaultAsync(ct);
        if (existing is null) return null;
        var sop = FormJson.Deserialize(existing.Json).Sop;
        return new Accepted(existing.KodePelacakan, sop is null ? null : await sops.DescribeAsync(sop, ct), true);
    }

    private async Task<EmailMessage> AcknowledgmentAsync(FormDefinition form, Submission submission, SopEntry? next, CancellationToken ct)
    {
        var time = await campusClock.GetAsync(ct);
        return await MailAsync(FormsTemplates.Diterima, submission.Email, new()
        {
            ["nama"] = submission.Nama, ["formulir"] = form.Judul, ["waktu"] = time.Format(submission.DikirimPada), ["kode"] = submission.KodePelacakan,
            ["langkah"] = next is null ? "" : T["Langkah berikutnya: {0} (waktu baku: {1}).", next.LangkahPertama, next.Waktu ?? "-"].Value,
            ["tautanStatus"] = links.Absolute(StatusPath(submission.KodePelacakan)) ?? "",
        }, ct);
    }

    /// <summary>The status check with the tracking code filled in: the requester only types their e-mail.</summary>
    public static string StatusPath(string kode) => $"formulir/status?kode={Uri.EscapeDataString(kode)}";

    private async Task<EmailMessage> MailAsync(string template, string to, Dictionary<string, string> values, CancellationToken ct)
    {
        var message = await composer.ComposeAsync(template, values, ct);
        return new EmailMessage(to, message.Judul, message.Isi);
    }

    private static string NewCode()
    {
        Span<char> code = stackalloc char[9];
        for (var i = 0; i < code.Length; i++) code[i] = i == 4 ? '-' : Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        return new string(code);
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
