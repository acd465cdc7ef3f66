using System.Security.Claims;

namespace CampusKonseling.Privasi.Hak;

/// <summary>
/// Who asks: a signed-in account (and its address), or — for someone without an account — an e-mail address they proved by
/// opening the link sent to it. The second is given only records that carry no account.
/// </summary>
public sealed record Pemohon(string? PenggunaId, string Email, string Nama)
{
    public static Pemohon? Dari(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) is { } id && user.FindFirstValue(ClaimTypes.Email) is { Length: > 0 } email
            ? new Pemohon(id, email.Trim(), (user.FindFirstValue(ClaimTypes.GivenName) ?? user.Identity?.Name ?? email).Trim())
            : null;

    public static Pemohon Surel(string email) => new(null, email.Trim(), email.Trim());
}
