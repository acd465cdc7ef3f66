using Microsoft.AspNetCore.Identity;

namespace CampusKonseling.Identity.Data;

public sealed class CampusUser : IdentityUser
{
    public string FullName { get; set; } = "";
    /// <summary>The language the user last chose ("id-ID", "en"); mail and notices written to them use it.</summary>
    public string? Bahasa { get; set; }
}

public sealed class CampusRole : IdentityRole
{
    public CampusRole() { }
    public CampusRole(string name) : base(name) { }
    public string? Description { get; set; }
}
