using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace CampusKonseling.Cases;

/// <summary>The case's current agreement as its client may see it (never the meeting password's owner notes).</summary>
public sealed record ClientAgreement(Guid Id, DateTimeOffset Mulai, int DurasiMenit, string? Tempat, string? Tautan, string? KodeRapat, string? SandiRapat,
    DateTimeOffset? DikonfirmasiPada);

/// <summary>
/// What the client does on their case from their own page ("Permohonan saya"): confirm the agreed meeting, ask for
/// another date, upload a document a step asks for. Found by the case's SOP instance; every call checks that
/// <paramref name="user"/> is the case's client by account id. Refusals come back in Indonesian, null when done.
/// </summary>
public interface ICaseClient
{
    Task<ClientAgreement?> AgreementAsync(Guid sopInstanceId, ClaimsPrincipal user, CancellationToken ct = default);

    Task<string?> ConfirmAsync(Guid sopInstanceId, Guid agreementId, ClaimsPrincipal user, CancellationToken ct = default);

    /// <summary>Tells the counselor the client asks for another date; the agreement stays as it is until staff reschedule.</summary>
    Task<string?> AskOtherDateAsync(Guid sopInstanceId, Guid agreementId, string? alasan, ClaimsPrincipal user, CancellationToken ct = default);

    /// <summary>Stores a document of the named kind on the case (PDF/JPG/PNG, at most 10 MB, checked by content).</summary>
    Task<string?> UploadAsync(Guid sopInstanceId, string dokumen, IFormFile? berkas, ClaimsPrincipal user, CancellationToken ct = default);

    /// <summary>
    /// Whom the client may choose for an assignment their own step makes (a <c>tunjuk</c> in the client's lane, where the SOP lets
    /// them choose): for "konselor" whoever may counsel, else holders of <paramref name="peran"/> (the assigned lane's role). Names only.
    /// </summary>
    Task<IReadOnlyList<CampusKonseling.Users.UserRef>> ChoicesAsync(Guid sopInstanceId, string penugasan, string? peran, ClaimsPrincipal user, CancellationToken ct = default);

    /// <summary>The client names the person for the assignment; refused when they are not among <see cref="ChoicesAsync"/>.</summary>
    Task<string?> ChooseAsync(Guid sopInstanceId, string penugasan, string? peran, string? penggunaId, ClaimsPrincipal user, CancellationToken ct = default);
}
