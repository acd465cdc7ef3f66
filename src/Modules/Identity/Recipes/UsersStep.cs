using System.Text.Json;
using CampusKonseling.Identity.Data;
using CampusKonseling.Recipes;
using CampusKonseling.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;

namespace CampusKonseling.Identity.Recipes;

/// <summary>
/// Demo sign-ins: <c>{ "name": "users", "users": [ { "email": "…", "name": "…", "password": "…", "roles": ["Konselor"], "nip": "…", "jabatan": "…" } ] }</c>
/// (<c>nip</c>, <c>nidn</c> and <c>jabatan</c> are what letters the user signs print under the name).
/// Refused unless the host allows demo users (CampusKonseling:AllowDemoUsers), so a production campus never gets known passwords.
/// Existing users are left as they are, apart from gaining the listed roles.
/// </summary>
public sealed class UsersStep(IConfiguration configuration) : IRecipeStep
{
    public string Name => "users";

    public void Validate(RecipeStepContext step)
    {
        if (!configuration.GetValue<bool>("CampusKonseling:AllowDemoUsers"))
        {
            step.Error("", "langkah 'users' hanya untuk kampus demo; aktifkan CampusKonseling:AllowDemoUsers di lingkungan non-produksi");
            return;
        }
        var declaredRoles = DeclaredRoles(step);
        step.AllowOnly("users");
        var users = step.Array("users");
        for (var i = 0; i < users.Count; i++)
        {
            step.AllowOnly(users[i], $"users[{i}]", "email", "name", "password", "roles", "nip", "nidn", "jabatan");
            foreach (var (key, max) in new[] { ("nip", 30), ("nidn", 30), ("jabatan", 200) })
                if (users[i].TryGetProperty(key, out var v) && (v.ValueKind != JsonValueKind.String || v.GetString()!.Length > max))
                    step.Error($"users[{i}].{key}", $"harus teks paling panjang {max} karakter");
            var email = step.RequiredString(users[i], $"users[{i}]", "email");
            if (email is not null && !email.Contains('@')) step.Error($"users[{i}].email", $"'{email}' bukan alamat e-mail");
            step.RequiredString(users[i], $"users[{i}]", "name");
            var password = step.RequiredString(users[i], $"users[{i}]", "password");
            if (password is not null && (password.Length < 8 || !password.Any(char.IsDigit) || !password.Any(char.IsLower)))
                step.Error($"users[{i}].password", "kata sandi minimal 8 karakter dengan huruf kecil dan angka");
            if (users[i].TryGetProperty("roles", out var roles) && roles.ValueKind == JsonValueKind.Array)
            {
                var j = 0;
                foreach (var r in roles.EnumerateArray())
                {
                    var role = r.GetString() ?? "";
                    if (!declaredRoles.Contains(role) && role != StandardRoles.Administrator)
                        step.Error($"users[{i}].roles[{j}]", $"peran '{role}' tidak dibuat oleh langkah 'roles' sebelumnya");
                    j++;
                }
            }
        }
    }

    public async Task ExecuteAsync(RecipeStepContext step, CancellationToken ct)
    {
        await step.EnlistAsync(step.Services.GetRequiredService<IdentityDb>());
        var users = step.Services.GetRequiredService<UserManager<CampusUser>>();
        var roles = step.Services.GetRequiredService<RoleManager<CampusRole>>();
        var confidential = step.Services.GetRequiredService<Confidential.ConfidentialGrants>();
        var confidentialRoles = Confidential.ConfidentialGrants.IsCampusAdminRequest(step.Services) ? await confidential.RolesHoldingAsync(ct) : [];
        foreach (var element in step.Step.GetProperty("users").EnumerateArray())
        {
            var email = element.GetProperty("email").GetString()!;
            var user = await users.FindByEmailAsync(email);
            if (user is null)
            {
                user = new CampusUser
                {
                    UserName = email, Email = email, EmailConfirmed = true, FullName = element.GetProperty("name").GetString()!,
                    Nip = Optional(element, "nip"), Nidn = Optional(element, "nidn"), Jabatan = Optional(element, "jabatan"),
                };
                RolesStep.Check(await users.CreateAsync(user, element.GetProperty("password").GetString()!));
            }
            if (!element.TryGetProperty("roles", out var roleList)) continue;
            foreach (var role in roleList.EnumerateArray().Select(r => r.GetString()!))
            {
                if (role == StandardRoles.Administrator && !await roles.RoleExistsAsync(role))
                    RolesStep.Check(await roles.CreateAsync(new CampusRole(role)));
                if (await users.IsInRoleAsync(user, role)) continue;
                if (confidentialRoles.Contains(role))
                    throw new InvalidOperationException($"'{email}' tidak boleh ditambahkan ke peran '{role}': {Confidential.ConfidentialGrants.RecipeRefusal}");
                RolesStep.Check(await users.AddToRoleAsync(user, role));
            }
        }
    }

    private static string? Optional(JsonElement element, string key) =>
        element.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s ? s.Trim() : null;

    /// <summary>Validation does not read the database, so a user's roles must come from the recipe's own "roles" steps.</summary>
    private static HashSet<string> DeclaredRoles(RecipeStepContext step) => step.DeclaredNames("roles", "roles");
}
