namespace CampusKonseling.Users;

/// <summary>A student the campus portal vouches for with a verified token.</summary>
public sealed record PortalStudent(string Nim, string Nama, string? Email);

public enum StudentSignInResult
{
    SignedIn,
    /// <summary>The account found for the student holds permissions (staff): staff never sign in through the portal.</summary>
    StaffAccount,
    /// <summary>The role students are put in grants permissions, so no account is made or used.</summary>
    RoleNotAllowed,
    LockedOut,
}

/// <summary>
/// Signs a student in on the campus's cookie without a password, after another module verified who they
/// are (the campus portal's signed token). Finds their account by NIM (then by e-mail) or makes one
/// with no password. Never signs in an account that holds permissions.
/// </summary>
public interface IStudentSignIn
{
    /// <param name="role">The role a new (or found) account is put in when it exists; it must grant no permissions.</param>
    Task<StudentSignInResult> SignInAsync(PortalStudent student, string role, CancellationToken ct = default);
}
