using System.Net.Mail;
using CampusKonseling.Data;
using CampusKonseling.Users;
using CampusKonseling.Workflows;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Cases.Intake;

/// <param name="Alasan">Why the student is referred, in the referrer's words: counseling-tier, stored encrypted.</param>
public sealed record StudentReferral(string? Nama, string? Nim, string? Email, string? Telepon, string? Prodi, string? Bidang, string? Alasan,
    string? Sop = null, string? JenisKlien = null);

/// <summary>Who refers: a person with an account (the dosen PA signed in, or named by an advisor system), or only a name.</summary>
public sealed record Perujuk(string? UserId, string Nama);

public sealed record ReferralOutcome(IReadOnlyDictionary<string, string> Errors, Guid Id = default, string? Nomor = null)
{
    public bool Opened => Errors.Count == 0;
}

/// <summary>
/// A student referred into counseling (seed 001: the dosen PA reports the service a student needs) becomes a case
/// running the campus's referral SOP from its <c>rujukan</c> entry, in one transaction: the referrer named on the case
/// and as the SOP's <c>dosenPA</c> assignment (so that lane is the referrer, not every advisor), the student as the
/// client when they have an account, the reason as a counseling-tier entry. Never a bare SOP run without case, letters or archive.
/// </summary>
public sealed class StudentReferrals(TenantDbConnection connection, ISopLauncher sops, ICaseIntake cases, IUserDirectory directory, IStringLocalizer<S> T)
{
    /// <summary>The entry channel a referral starts at (a step's <c>masuk</c>).</summary>
    public const string Masuk = "rujukan";
    /// <summary>The SOP assignment the referring advisor fills (a lane's <c>"penugasan": "dosenPA"</c>).</summary>
    public const string PenugasanPerujuk = "dosenPA";

    /// <summary>The campus's SOPs that take referrals: a step names <c>rujukan</c> among its entry channels.</summary>
    public async Task<IReadOnlyList<SopSummary>> SopsAsync(CancellationToken ct = default) =>
        (await sops.ListAsync(ct)).Where(s => s.Masuk.Contains(Masuk, StringComparer.OrdinalIgnoreCase)).ToList();

    public async Task<ReferralOutcome> ReferAsync(StudentReferral r, Perujuk perujuk, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(r.Nama)) errors["nama"] = T["Nama klien wajib diisi."];
        if (string.IsNullOrWhiteSpace(perujuk.Nama)) errors["perujuk"] = T["Sebutkan siapa yang merujuk (mis. dosen PA, tutor sebaya, unit lain)."];
        if (!string.IsNullOrWhiteSpace(r.Email) && !MailAddress.TryCreate(r.Email.Trim(), out _)) errors["email"] = T["Alamat e-mail tidak valid."];
        var sop = await ChooseAsync(r.Sop, ct);
        if (sop.Error is { } sopError) errors["sop"] = sopError;
        if (errors.Count > 0) return new ReferralOutcome(errors);

        // The case already mails the address given (its agreements, its letters), so the account under it learns nothing more by
        // being the client; an account holding permissions (staff) never is.
        var client = await directory.FindClientAsync(Trim(r.Nim), Trim(r.Email), ct);
        var konteks = new Dictionary<string, string> { ["saluran"] = "Rujukan" };
        if (perujuk.UserId is { } id)
        {
            konteks["penugasan." + PenugasanPerujuk] = id;
            konteks["penugasan." + PenugasanPerujuk + ".nama"] = perujuk.Nama.Trim();
        }
        if (client is not null) konteks["klien"] = client.Id;

        await connection.OpenAsync(ct);
        SopLaunch launch;
        (Guid Id, string Nomor) opened;
        await using (var tx = await connection.Connection.BeginTransactionAsync(ct))
        {
            launch = await sops.StartAsync(sop.Kode!, T["Kasus {0}", "Rujukan"], konteks, tx, ct, Masuk);
            opened = await cases.OpenAsync(new CaseOpening(CaseSources.Rujukan, r.Nama!.Trim(), Trim(r.Email) ?? client?.Email, Trim(r.Telepon), Trim(r.Nim), Trim(r.JenisKlien),
                "Rujukan", Trim(r.Bidang), null, Trim(r.Alasan), null, launch.InstanceId, sop.Kode, client?.Id, perujuk.Nama.Trim(), Trim(r.Prodi)), tx, ct);
            await tx.CommitAsync(ct);
            await connection.ReleaseAsync();
        }
        await launch.AfterCommitAsync(ct);
        return new ReferralOutcome(errors, opened.Id, opened.Nomor);
    }

    /// <summary>The SOP named, else the campus's one referral SOP.</summary>
    private async Task<(string? Kode, string? Error)> ChooseAsync(string? kode, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(kode))
        {
            var known = await sops.ListAsync(ct);
            return known.Any(s => s.Kode == kode)
                ? (kode, null)
                : (null, T["SOP '{0}' tidak ada. Yang tersedia: {1}.", kode, string.Join(", ", known.Select(s => s.Kode))]);
        }
        var referral = await SopsAsync(ct);
        return referral.Count == 1 ? (referral[0].Kode, null)
            : referral.Count == 0 ? (null, T["Kampus ini belum memiliki SOP yang menerima rujukan."])
            : (null, T["Pilih SOP rujukan: {0}.", string.Join(", ", referral.Select(s => s.Kode))]);
    }

    private static string? Trim(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
