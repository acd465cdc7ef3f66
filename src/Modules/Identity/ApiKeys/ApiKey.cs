namespace CampusKonseling.Identity.ApiKeys;

/// <summary>
/// A key a campus system (SIAKAD, a mobile app) uses in the X-Api-Key header. Only its hash is
/// kept; the key acts with the permissions of one role of the campus.
/// </summary>
public sealed class ApiKey
{
    public Guid Id { get; set; }
    public required string Nama { get; set; }
    /// <summary>The key's first characters, shown in lists and used to find it.</summary>
    public required string Awalan { get; set; }
    public required string Hash { get; set; }
    public required string Peran { get; set; }
    public DateTimeOffset DibuatPada { get; set; }
    public required string DibuatOleh { get; set; }
    public DateTimeOffset? DicabutPada { get; set; }
}
