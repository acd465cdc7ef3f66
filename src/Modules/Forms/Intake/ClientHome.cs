using CampusKonseling.Users;

namespace CampusKonseling.Forms.Intake;

/// <summary>"Permohonan saya" is where a signed-in client lands and what the campus header links to.</summary>
public sealed class ClientHome : IClientHome
{
    public const string Mine = "permohonan-saya";

    public string Path => Mine;
}
