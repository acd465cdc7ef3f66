using System.ComponentModel.DataAnnotations;
using CampusKonseling.Identity.Data;

namespace CampusKonseling.Identity.Profiles;

/// <summary>
/// What a user's signature on letters prints besides their name: NIP, NIDN and position. Edited by the user on their
/// profile and by the campus administrator on the user's page; both check it the same way.
/// </summary>
public sealed class SignerFields
{
    [RegularExpression(@"^[0-9][0-9 ]{4,28}[0-9]$", ErrorMessage = "NIP hanya berisi angka (boleh dipisah spasi), 6–30 karakter.")]
    [Display(Name = "NIP")]
    public string? Nip { get; set; }

    [RegularExpression(@"^[0-9]{8,12}$", ErrorMessage = "NIDN berisi 8–12 angka.")]
    [Display(Name = "NIDN")]
    public string? Nidn { get; set; }

    [StringLength(200, ErrorMessage = "Jabatan paling panjang 200 karakter.")]
    [Display(Name = "Jabatan")]
    public string? Jabatan { get; set; }

    public static SignerFields Of(CampusUser user) => new() { Nip = user.Nip, Nidn = user.Nidn, Jabatan = user.Jabatan };

    /// <summary>Copies the fields onto the user; true when something changed.</summary>
    public bool ApplyTo(CampusUser user)
    {
        var (nip, nidn, jabatan) = (Clean(Nip), Clean(Nidn), Clean(Jabatan));
        if (user.Nip == nip && user.Nidn == nidn && user.Jabatan == jabatan) return false;
        (user.Nip, user.Nidn, user.Jabatan) = (nip, nidn, jabatan);
        return true;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : string.Join(' ', value.Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
