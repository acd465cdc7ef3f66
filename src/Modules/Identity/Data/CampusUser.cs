using Microsoft.AspNetCore.Identity;

namespace CampusKonseling.Identity.Data;

public sealed class CampusUser : IdentityUser
{
    public string FullName { get; set; } = "";
    /// <summary>The language the user last chose ("id-ID", "en"); mail and notices written to them use it.</summary>
    public string? Bahasa { get; set; }
    /// <summary>Nomor Induk Pegawai, printed under the user's signature on letters.</summary>
    public string? Nip { get; set; }
    /// <summary>Nomor Induk Dosen Nasional, for lecturers (printed when there is no NIP).</summary>
    public string? Nidn { get; set; }
    /// <summary>The user's position ("Kepala P2KLLK"): which holder of a signing role signs a letter of that position.</summary>
    public string? Jabatan { get; set; }
}

public sealed class CampusRole : IdentityRole
{
    public CampusRole() { }
    public CampusRole(string name) : base(name) { }
    public string? Description { get; set; }
}
