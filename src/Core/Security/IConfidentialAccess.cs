using CampusKonseling.Users;

namespace CampusKonseling.Security;

/// <summary>A campus role holding permissions that open counseling content, and who is in it.</summary>
public sealed record ConfidentialRole(string Name, IReadOnlyList<string> Permissions, IReadOnlyList<UserRef> Members);

/// <summary>The host administrator acting on a campus's written request (its reference number, nomor surat).</summary>
public sealed record HostRequest(string NomorSurat, string HostAdminName, string HostAdminEmail);

public enum ConfidentialGrantResult { Done, AlreadyHeld, UnknownRole, UnknownPermission, UnknownUser, NotConfidentialRole }

/// <summary>
/// Grants of the explicit permissions (<see cref="Permission.Explicit"/>) of one campus, used by the host
/// administrator in that campus's scope: nobody inside the campus grants them (ADR 0010). Each grant is
/// recorded in the campus's audit trail with the nomor surat and the people it affects are told by e-mail.
/// </summary>
public interface IConfidentialAccess
{
    /// <summary>The explicit permissions of the campus's enabled features.</summary>
    IReadOnlyList<Permission> Permissions();

    Task<IReadOnlyList<ConfidentialRole>> HoldersAsync(CancellationToken ct = default);

    /// <summary>Every role of the campus a permission can be granted to (not Administrator).</summary>
    Task<IReadOnlyList<string>> RolesAsync(CancellationToken ct = default);

    Task<ConfidentialGrantResult> GrantAsync(string role, string permission, HostRequest request, CancellationToken ct = default);

    /// <summary>Adds a campus user, by e-mail, to a role that already holds an explicit permission.</summary>
    Task<ConfidentialGrantResult> AddMemberAsync(string role, string email, HostRequest request, CancellationToken ct = default);
}
