using System.Security.Claims;
using CampusKonseling.Documents;
using CampusKonseling.Letters.Data;
using CampusKonseling.Security;
using CampusKonseling.Users;

namespace CampusKonseling.Letters.Signing;

/// <summary>
/// Who signs a letter, and what the signature prints: the template's signer role (tandaTangan.peran) decides — the user making
/// the letter when they hold it (or when the template names no role), else the holder whose position (jabatan) is the
/// template's, else the role's only holder. Name, NIP/NIDN and position come from that person's profile, never from the recipe.
/// </summary>
public sealed class Signer(IUserDirectory directory)
{
    public async Task<IReadOnlyDictionary<string, string>> ValuesAsync(LetterTemplate template, ClaimsPrincipal? user, CancellationToken ct)
    {
        var me = user?.Identity?.IsAuthenticated == true ? user.FindFirstValue(ClaimTypes.NameIdentifier) : null;
        var id = await WhoAsync(template, me, ct);
        if (id is null || (await directory.ProfilesAsync([id], ct)).FirstOrDefault() is not { } p) return new Dictionary<string, string>();
        var values = new Dictionary<string, string> { [LetterFields.Penandatangan] = p.Nama };
        if ((p.Nip ?? p.Nidn) is { } nomor) values[LetterFields.NipPenandatangan] = nomor;
        if (p.Nidn is { } nidn) values[LetterFields.NidnPenandatangan] = nidn;
        if (p.Nip is { } nip) values[LetterFields.NomorIndukPenandatangan] = $"NIP. {nip}";
        else if (p.Nidn is { } n) values[LetterFields.NomorIndukPenandatangan] = $"NIDN. {n}";
        if (p.Jabatan is { } jabatan) values[LetterFields.JabatanPenandatangan] = jabatan;
        return values;
    }

    private async Task<string?> WhoAsync(LetterTemplate template, string? me, CancellationToken ct)
    {
        if (template.TtdPeran is not { Length: > 0 } role) return me;
        if (me is not null && (await directory.RolesOfAsync(me, ct)).Contains(role)) return me;
        var holders = (await directory.UsersInRoleAsync(role, ct)).Where(u => u.Id != me).ToList();
        if (holders.Count == 1) return holders[0].Id;
        var position = template.TtdJabatan.Trim().TrimEnd(',', '.').Trim();
        var profiles = await directory.ProfilesAsync(holders.Select(h => h.Id).ToList(), ct);
        var matching = profiles.Where(p => string.Equals(p.Jabatan?.Trim(), position, StringComparison.OrdinalIgnoreCase)).ToList();
        return matching.Count == 1 ? matching[0].Id : null;
    }
}
