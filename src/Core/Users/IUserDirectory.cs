namespace CampusKonseling.Users;

/// <param name="Bahasa">The language the user chose ("id-ID", "en"), so what is written to them later is in it; null when they never chose.</param>
public sealed record UserRef(string Id, string Nama, string? Email, string? Telepon = null, string? Bahasa = null);

/// <summary>What a letter signed by the user prints under the signature: name, NIP and/or NIDN, position (jabatan).</summary>
public sealed record UserProfile(string Id, string Nama, string? Nip, string? Nidn, string? Jabatan);

/// <summary>Who the campus's users are, for modules that must address people by role.</summary>
public interface IUserDirectory
{
    Task<IReadOnlyList<UserRef>> UsersInRoleAsync(string role, CancellationToken ct = default);
    Task<IReadOnlyList<UserRef>> UsersAsync(IReadOnlyCollection<string> userIds, CancellationToken ct = default);

    /// <summary>The signing profiles (name, NIP/NIDN, jabatan) of users, for letters they sign.</summary>
    Task<IReadOnlyList<UserProfile>> ProfilesAsync(IReadOnlyCollection<string> userIds, CancellationToken ct = default);
    Task<IReadOnlySet<string>> RolesOfAsync(string userId, CancellationToken ct = default);
    Task<bool> RoleExistsAsync(string role, CancellationToken ct = default);

    /// <summary>The names of the campus's roles, in order.</summary>
    Task<IReadOnlyList<string>> RoleNamesAsync(CancellationToken ct = default);

    /// <summary>Users whose roles grant <paramref name="permission"/> by name (the Administrator role's implicit rights do not count).</summary>
    Task<IReadOnlyList<UserRef>> UsersWithPermissionAsync(string permission, CancellationToken ct = default);

    /// <summary>
    /// The account of a client (a student, an alumnus) known by NIM (their campus-portal login) or else by e-mail, when it holds
    /// no permission: never a staff account. Null when there is none.
    /// </summary>
    Task<UserRef?> FindClientAsync(string? nim, string? email, CancellationToken ct = default);

    /// <summary>Names of the roles granted <paramref name="permission"/> by name.</summary>
    Task<IReadOnlyList<string>> RolesWithPermissionAsync(string permission, CancellationToken ct = default);
}

/// <summary>Remembers the language a signed-in user picks, for what is written to them while they are away (e-mail, notices).</summary>
public interface IUserLanguage
{
    Task SetAsync(string userId, string culture, CancellationToken ct = default);
}
