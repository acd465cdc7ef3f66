using System.Security.Claims;
using CampusKonseling.Cases.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Cases.Work;

/// <summary>
/// The client's own acts on their case (from "Permohonan saya"): confirm or move the agreed session, upload a document, choose
/// the counselor where their SOP lets them. The case is the client's when it was opened for
/// their account (<see cref="CaseRow.PenggunaId"/>): checked by user id, never by an e-mail address someone typed.
/// </summary>
public sealed class ClientCase(CasesDb db, Appointments appointments, CaseDocuments documents, CaseTimeline timeline, CampusKonseling.Users.IUserDirectory directory,
    CampusKonseling.Workflows.ISopSteps steps, IStringLocalizer<S> T) : ICaseClient
{
    public async Task<ClientAgreement?> AgreementAsync(Guid sopInstanceId, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (await OwnAsync(sopInstanceId, user, ct) is not { } c || await appointments.CurrentAsync(c.Id, ct) is not { } a) return null;
        return new ClientAgreement(a.Id, a.Mulai, a.DurasiMenit, a.Tempat, a.Tautan, a.KodeRapat, appointments.Password(a), a.DikonfirmasiPada);
    }

    public async Task<string?> ConfirmAsync(Guid sopInstanceId, Guid agreementId, ClaimsPrincipal user, CancellationToken ct = default) =>
        await OwnAsync(sopInstanceId, user, ct) is { } c ? await appointments.ConfirmAsync(user, c, agreementId, ct) : NotYours;

    public async Task<string?> AskOtherDateAsync(Guid sopInstanceId, Guid agreementId, string? alasan, ClaimsPrincipal user, CancellationToken ct = default) =>
        await OwnAsync(sopInstanceId, user, ct) is { } c ? await appointments.AskOtherDateAsync(user, c, agreementId, alasan, ct) : NotYours;

    /// <summary>The staff upload's checks; the document is kept at the administrative tier, named by the kind the step asks for.</summary>
    public async Task<string?> UploadAsync(Guid sopInstanceId, string dokumen, IFormFile? berkas, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (await OwnAsync(sopInstanceId, user, ct) is not { } c) return NotYours;
        var errors = await documents.AddAsync(user, c, dokumen, Tingkat.Administratif, berkas, ct);
        return errors.Count == 0 ? null : string.Join(" ", errors.Values);
    }

    public async Task<IReadOnlyList<CampusKonseling.Users.UserRef>> ChoicesAsync(Guid sopInstanceId, string penugasan, string? peran, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (await OwnAsync(sopInstanceId, user, ct) is null) return [];
        var pool = penugasan == "konselor" ? await directory.UsersWithPermissionAsync(Permissions.CounselCases, ct)
            : peran is { Length: > 0 } role ? await directory.UsersInRoleAsync(role, ct) : [];
        // A client sees names, never addresses or phone numbers.
        return pool.Select(u => new CampusKonseling.Users.UserRef(u.Id, u.Nama, null)).OrderBy(u => u.Nama).ToList();
    }

    /// <summary>As staff naming someone from the case page: the counselor becomes the case's own (who reads its counseling tier).</summary>
    public async Task<string?> ChooseAsync(Guid sopInstanceId, string penugasan, string? peran, string? penggunaId, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (await OwnAsync(sopInstanceId, user, ct) is not { } c) return NotYours;
        if ((await ChoicesAsync(sopInstanceId, penugasan, peran, user, ct)).FirstOrDefault(u => u.Id == penggunaId) is not { } person) return T["Pilih dari daftar."];
        if (penugasan == "konselor")
        {
            await timeline.AssignAsync(user, c, person, ct);
            return null;
        }
        await steps.UpdateAsync(sopInstanceId, new Dictionary<string, string?>
        {
            [CaseTimeline.Penugasan(penugasan)] = person.Id, [CaseTimeline.Penugasan(penugasan) + ".nama"] = person.Nama,
        }, ct);
        await timeline.NameAsync(user, c, penugasan, person, null, ct);
        return null;
    }

    private string NotYours => T["Permohonan ini bukan milik akun Anda."];

    private async Task<CaseRow?> OwnAsync(Guid sopInstanceId, ClaimsPrincipal user, CancellationToken ct)
    {
        var me = user.FindFirstValue(ClaimTypes.NameIdentifier);
        return me is null ? null : await db.Cases.FirstOrDefaultAsync(c => c.SopInstanceId == sopInstanceId && c.PenggunaId == me, ct);
    }
}
