using System.Security.Claims;
using CampusKonseling.Host.Setup.Demo.Texts;
using CampusKonseling.Identity.Data;
using CampusKonseling.Users;
using Microsoft.AspNetCore.Identity;

namespace CampusKonseling.Host.Setup.Demo;

/// <summary>A person of the campus as the demo acts for them: their account and roles, signed in.</summary>
public sealed record Member(string Id, string Nama, string? Email, IReadOnlySet<string> Roles)
{
    public ClaimsPrincipal Principal { get; } = new(new ClaimsIdentity(
        new[] { new Claim(ClaimTypes.NameIdentifier, Id), new Claim(ClaimTypes.GivenName, Nama), new Claim(ClaimTypes.Name, Email ?? Id) }
            .Concat(Email is null ? [] : [new Claim(ClaimTypes.Email, Email)])
            .Concat(Roles.Select(r => new Claim(ClaimTypes.Role, r))),
        IdentityConstants.ApplicationScheme));
}

/// <summary>
/// The campus's staff as the recipe made them, plus counselors so that caseloads are shared: three more in the role
/// that counsels, with the demo's password when demo sign-ins are allowed (konselor-2@{kampus}.demo …).
/// </summary>
public sealed class Staff(IReadOnlyDictionary<string, IReadOnlyList<Member>> byRole, IReadOnlyList<Member> counselors, IReadOnlyList<Member> managers, IReadOnlyList<Member> referrers, IReadOnlyList<Member> organizers)
{
    public const string CounselCases = "CounselCases", ManageCases = "ManageCases";

    public IReadOnlyList<Member> Counselors => counselors;
    public IReadOnlyList<Member> Managers => managers;
    /// <summary>Who refers students into counseling (the dosen PA).</summary>
    public IReadOnlyList<Member> Referrers => referrers;

    /// <summary>Who runs programmes (ManagePrograms).</summary>
    public IReadOnlyList<Member> Organizers => organizers;

    public Member? Find(string id) => byRole.Values.SelectMany(m => m).FirstOrDefault(m => m.Id == id);

    public IReadOnlyList<Member> InRole(string? role) => role is not null && byRole.TryGetValue(role, out var m) ? m : [];

    public Member? Any(string? role, Random rng) => InRole(role) is { Count: > 0 } m ? rng.Pick(m) : null;

    public static async Task<Staff> LoadAsync(IServiceProvider services, Campus campus, bool passwords, string password, CancellationToken ct)
    {
        var directory = services.GetRequiredService<IUserDirectory>();
        if (campus.CaseSops.Count > 0 && (await directory.RolesWithPermissionAsync(CounselCases, ct)).Order(StringComparer.Ordinal).FirstOrDefault() is { } role)
            await AddCounselorsAsync(services, campus, role, passwords, password, ct);
        var roles = campus.CaseSops.Select(s => s.Definition).Concat(campus.Kinds.Select(k => k.Definition))
            .SelectMany(d => d.Pelaksana).Select(p => p.Peran).OfType<string>()
            .Concat(await directory.RolesWithPermissionAsync(CounselCases, ct)).Concat(await directory.RolesWithPermissionAsync(ManageCases, ct))
            .Concat(await directory.RolesWithPermissionAsync("ManagePrograms", ct)).Concat(await directory.RolesWithPermissionAsync("ReferCases", ct))
            .Distinct().ToList();
        var members = new Dictionary<string, Member>();
        var byRole = new Dictionary<string, IReadOnlyList<Member>>();
        foreach (var r in roles)
        {
            var list = new List<Member>();
            foreach (var user in (await directory.UsersInRoleAsync(r, ct)).OrderBy(u => u.Email, StringComparer.Ordinal))
            {
                if (!members.TryGetValue(user.Id, out var member))
                    members[user.Id] = member = new Member(user.Id, user.Nama, user.Email, await directory.RolesOfAsync(user.Id, ct));
                list.Add(member);
            }
            byRole[r] = list;
        }
        // The recipe's own counselor sign-in (konselor@kampus.demo) first: the heaviest caseload is the one people sign in to see.
        var counselors = (await directory.UsersWithPermissionAsync(CounselCases, ct)).OrderBy(u => Added(u.Email)).ThenBy(u => u.Email, StringComparer.Ordinal)
            .Select(u => members.GetValueOrDefault(u.Id)).OfType<Member>().ToList();
        var managers = (await directory.UsersWithPermissionAsync(ManageCases, ct)).OrderBy(u => u.Email, StringComparer.Ordinal)
            .Select(u => members.GetValueOrDefault(u.Id)).OfType<Member>().ToList();
        var referrers = (await directory.UsersWithPermissionAsync("ReferCases", ct)).OrderBy(u => u.Email, StringComparer.Ordinal)
            .Select(u => members.GetValueOrDefault(u.Id)).OfType<Member>().ToList();
        var organizers = (await directory.UsersWithPermissionAsync("ManagePrograms", ct)).OrderBy(u => u.Email, StringComparer.Ordinal)
            .Select(u => members.GetValueOrDefault(u.Id)).OfType<Member>().ToList();
        return new Staff(byRole, counselors, managers, referrers, organizers);
    }

    private static bool Added(string? email) => email is not null && System.Text.RegularExpressions.Regex.IsMatch(email, @"-[2-4]@[^@]+\.demo$");

    private static async Task AddCounselorsAsync(IServiceProvider services, Campus campus, string role, bool passwords, string password, CancellationToken ct)
    {
        var users = services.GetRequiredService<UserManager<CampusUser>>();
        var rng = new Random(RandomExtensions.StableHash(campus.Name + "/staf"));
        var slug = new string(role.ToLowerInvariant().TakeWhile(char.IsLetter).ToArray());
        for (var n = 2; n <= 4; n++)
        {
            var email = $"{(slug.Length > 0 ? slug : "konselor")}-{n}@{campus.Name}.demo";
            var nama = $"{Names.Person(rng, rng.Chance(0.6))}, {rng.Pick(Names.GelarKonselor)}";
            if (await users.FindByEmailAsync(email) is not null) continue;
            var user = new CampusUser { UserName = email, Email = email, EmailConfirmed = true, FullName = nama };
            var made = passwords ? await users.CreateAsync(user, password) : await users.CreateAsync(user);
            if (made.Succeeded) made = await users.AddToRoleAsync(user, role);
            if (!made.Succeeded) throw new InvalidOperationException($"Demo counselor {email}: {string.Join("; ", made.Errors.Select(e => e.Description))}");
        }
    }
}
