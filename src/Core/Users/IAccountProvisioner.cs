using System.Data.Common;

namespace CampusKonseling.Users;

/// <summary>An account made (or found) for a requester; <see cref="SetPasswordPath"/> is set only for a new account.</summary>
public sealed record ProvisionedAccount(string UserId, bool Created, string? SetPasswordPath);

/// <summary>
/// Makes accounts for people who register through a form (UNPAM's E-konseling: registering creates
/// an account and the person gets a link to set their password). Writes in the caller's transaction.
/// </summary>
public interface IAccountProvisioner
{
    /// <returns>Null when <paramref name="role"/> does not exist or grants permissions (registrations never make staff).</returns>
    Task<ProvisionedAccount?> EnsureAsync(string email, string nama, string role, DbTransaction transaction, CancellationToken ct = default);
}
