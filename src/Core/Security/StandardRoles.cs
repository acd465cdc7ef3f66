namespace CampusKonseling.Security;

public static class StandardRoles
{
    /// <summary>Holds every permission of its tenant. In the Default tenant it is the host administrator.</summary>
    public const string Administrator = "Administrator";
}
