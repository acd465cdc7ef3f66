using System.Security.Claims;
using System.Text.Json;
using CampusKonseling.Identity.Data;
using CampusKonseling.Identity.Security;
using CampusKonseling.Modules;
using CampusKonseling.Recipes;
using CampusKonseling.Security;
using Microsoft.AspNetCore.Identity;

namespace CampusKonseling.Identity.Recipes;

/// <summary>
/// <c>{ "name": "roles", "roles": [ { "name": "Konselor", "description": "…", "permissions": ["AccessAdmin"] } ] }</c>.
/// Re-running sets each listed role's description and permissions to the recipe's; other roles are left alone.
/// Run from a campus's own admin, it cannot add a permission that opens counseling content (ADR 0010).
/// </summary>
public sealed class RolesStep(IEnumerable<FeatureService> registrations) : IRecipeStep
{
    public string Name => "roles";

    public void Validate(RecipeStepContext step)
    {
        var known = KnownPermissions(step);
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        step.AllowOnly("roles");
        var roles = step.Array("roles");
        for (var i = 0; i < roles.Count; i++)
        {
            step.AllowOnly(roles[i], $"roles[{i}]", "name", "description", "permissions");
            var name = step.RequiredString(roles[i], $"roles[{i}]", "name");
            if (name is null) continue;
            if (!names.Add(name)) step.Error($"roles[{i}].name", $"peran '{name}' disebut dua kali");
            if (name.Equals(StandardRoles.Administrator, StringComparison.OrdinalIgnoreCase))
                step.Error($"roles[{i}].name", "peran 'Administrator' sudah bawaan platform dan tidak dapat diubah lewat resep");
            if (!roles[i].TryGetProperty("permissions", out var perms)) continue;
            if (perms.ValueKind != JsonValueKind.Array) { step.Error($"roles[{i}].permissions", "harus berupa daftar nama izin"); continue; }
            var j = 0;
            foreach (var p in perms.EnumerateArray())
            {
                if (p.ValueKind != JsonValueKind.String || !known.Contains(p.GetString()!))
                    step.Error($"roles[{i}].permissions[{j}]", $"izin '{p}' tidak dikenal oleh fitur yang aktif");
                j++;
            }
        }
    }

    public async Task ExecuteAsync(RecipeStepContext step, CancellationToken ct)
    {
        var db = step.Services.GetRequiredService<IdentityDb>();
        await step.EnlistAsync(db);
        var roleManager = step.Services.GetRequiredService<RoleManager<CampusRole>>();
        var confidential = step.Services.GetRequiredService<Confidential.ConfidentialGrants>();
        var byCampusAdmin = Confidential.ConfidentialGrants.IsCampusAdminRequest(step.Services);
        foreach (var element in step.Step.GetProperty("roles").EnumerateArray())
        {
            var name = element.GetProperty("name").GetString()!;
            var role = await roleManager.FindByNameAsync(name);
            if (role is null)
            {
                role = new CampusRole(name);
                Check(await roleManager.CreateAsync(role));
            }
            role.Description = element.OptionalString("description");
            Check(await roleManager.UpdateAsync(role));

            var wanted = element.TryGetProperty("permissions", out var perms)
                ? perms.EnumerateArray().Select(p => p.GetString()!).ToHashSet() : [];
            // Set-up by the host may grant what the campus asked for; a later run from the campus's admin may only keep or drop it.
            if (byCampusAdmin)
            {
                var held = await RolePermissions.GetAsync(db, role.Id);
                if (wanted.FirstOrDefault(p => confidential.Names.Contains(p) && !held.Contains(p)) is { } refused)
                    throw new InvalidOperationException($"peran '{name}' tidak boleh diberi izin '{refused}': {Confidential.ConfidentialGrants.RecipeRefusal}");
            }
            await RolePermissions.SetAsync(db, role.Id, wanted, _ => true, ct);
        }
    }

    private HashSet<string> KnownPermissions(RecipeStepContext step) =>
        registrations.Where(r => r.Kind == FeatureServiceKind.Permissions && step.Features.Contains(r.FeatureId))
            .SelectMany(r => ((IPermissionProvider)step.Services.GetRequiredService(r.ImplementationType)).GetPermissions())
            .Select(p => p.Name).ToHashSet();

    internal static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}
