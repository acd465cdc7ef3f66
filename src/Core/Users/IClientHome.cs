namespace CampusKonseling.Users;

/// <summary>
/// The page a signed-in client (a student, alumnus or praja: an account without staff rights) lands on: their own
/// requests, appointments, steps, messages and tickets. Answered by the module that serves it, only where it is enabled.
/// </summary>
public interface IClientHome
{
    /// <summary>Relative to the campus ("permohonan-saya").</summary>
    string Path { get; }
}
