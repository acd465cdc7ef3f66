using System.Security.Claims;
using CampusKonseling.Sop.Definitions;
using CampusKonseling.Users;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Sop.Runtime;

/// <summary>
/// Publishing an SOP written by an admin (the JSON editor, an imported document): checked as a recipe would be and against
/// the campus's roles, then saved as a new version under the admin's name with the reason given.
/// </summary>
public sealed class SopPublisher(SopCatalog catalog, IUserDirectory directory, IStringLocalizer<S> T)
{
    /// <summary>What keeps the SOP from running here: the definition's own rules, and lanes naming roles the campus lacks.</summary>
    public async Task<List<(string Path, string Reason)>> CheckAsync(SopDefinition sop, CancellationToken ct)
    {
        var errors = DefinitionValidator.Validate(sop).ToList();
        for (var i = 0; i < sop.Pelaksana.Count; i++)
            if (sop.Pelaksana[i].Peran is { Length: > 0 } peran && !await directory.RoleExistsAsync(peran, ct))
                errors.Add(($"pelaksana[{i}].peran", T["peran '{0}' belum ada di kampus ini", peran]));
        return errors;
    }

    /// <summary>Saves the SOP as a new version (none when nothing changed); the message says which version is in force.</summary>
    public async Task<(ImportResult Result, string Message)> PublishAsync(SopDefinition sop, ClaimsPrincipal user, string? note, CancellationToken ct)
    {
        var by = user.FindFirst(ClaimTypes.GivenName)?.Value ?? user.Identity?.Name ?? "-";
        var result = await catalog.ImportAsync(sop, $"{by} <{user.Identity?.Name}>", note, ct);
        return (result, result.Created ? T["Versi {0} disimpan.", result.Versi].Value : T["Tidak ada perubahan; versi {0} tetap berlaku.", result.Versi].Value);
    }
}
