using System.Diagnostics;
using CampusKonseling.Host.Setup.Demo.CaseWork;
using CampusKonseling.Host.Setup.Demo.Programmes;
using CampusKonseling.Host.Setup.Demo.Texts;
using CampusKonseling.Host.Shells;
using CampusKonseling.Identity.Data;
using CampusKonseling.Shell;
using CampusKonseling.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CampusKonseling.Host.Setup.Demo;

/// <summary>
/// One demo campus's semester: its students, more counselors, a few hundred cases across its SOPs standing in every state,
/// and its programmes, all written by the platform's own services at the moments they happened (see <see cref="DemoClock"/>).
/// The same seed gives the same semester; its dates count back from the day it is written.
/// </summary>
public sealed class Semester(ShellContext shell, ShellHost shells, IHttpContextAccessor http, DemoClock clock, DemoTimers timers,
    IOptions<DemoSemesterOptions> options, IOptions<CampusKonselingOptions> host, ILogger<Semester> logger)
{
    private const int SemesterWeeks = 18;

    public async Task FillAsync(CancellationToken ct)
    {
        var stage = new Stage(shells, shell, http);
        if (await stage.ReadAsync(sp => DemoMarker.ReadAsync(sp, ct)) != DemoMarker.State.None) return;
        var watch = Stopwatch.StartNew();
        var o = options.Value;
        var now = clock.RealNow;
        var rng = new Random(o.Seed ^ RandomExtensions.StableHash(shell.Name));
        var campus = stage.Campus = await stage.ReadAsync(sp => Campus.LoadAsync(sp, ct));
        await stage.ReadAsync(async sp => { await DemoMarker.WriteAsync(sp, "mulai", $"Data contoh (fiktif) semester demo mulai ditulis dengan waktu mundur: {o.Kasus} kasus, {o.Mahasiswa} mahasiswa", ct); return 0; });

        var staff = await stage.ReadAsync(sp => Staff.LoadAsync(sp, campus, host.Value.AllowDemoUsers, host.Value.DemoAdminPassword, ct));
        var people = Students.Make(rng, o.Mahasiswa, campus.Local(now).Year);
        var start = now.AddDays(-7 * SemesterWeeks);
        if (campus.HasDirectory) await stage.RunAsync(start, null, sp => Students.SaveAsync(sp, people, start, ct), ct);
        var accounts = await stage.ReadAsync(sp => AccountsAsync(sp, people, ct));

        var walks = new List<SopWalk>();
        foreach (var brief in CasePlan.Make(campus, staff, people, accounts, campus.CaseSops.Count > 0 ? o.Kasus : 0, rng, now))
        {
            var walk = new CaseWalk(brief, staff, campus, stage, new Random(rng.Next()), now);
            walk.StartAt(brief.Mulai);
            walks.Add(walk);
        }
        foreach (var brief in ProgrammePlan.Make(campus, o.Program, rng, now))
        {
            var walk = new ProgrammeWalk(brief, staff, people, campus, stage, new Random(rng.Next()), now);
            walk.StartAt(brief.Dibuat);
            walks.Add(walk);
        }
        // A long semester (or one that does not move) says where it is, so a wait for it can be understood.
        var events = await Simulation.RunAsync(walks, now, ct, (count, at, walk) => logger.LogInformation(
            "Demo semester of {Tenant}: {Events} events written, at {Moment:yyyy-MM-dd HH:mm}, next {Subject}", shell.Name, count, at, walk));
        var released = await timers.ReleaseAsync(shell.Name, ct);

        foreach (var problem in walks.Where(w => w.Problem is not null).Select(w => w.Problem).Take(5))
            logger.LogWarning("Demo semester of {Tenant}: a subject stopped early: {Problem}", shell.Name, problem);
        var cases = campus.CaseSops.Count > 0 ? await stage.ReadAsync(sp => Tally.CasesAsync(sp, now, ct)) : new Dictionary<Target, int>();
        var (programmes, registrations, attended) = campus.Kinds.Count > 0 ? await stage.ReadAsync(sp => Tally.ProgrammesAsync(sp, ct)) : (0, 0, 0);
        var summary = $"{cases.Values.Sum()} kasus ({Tally.Describe(cases)}), {(campus.HasDirectory ? people.Count : 0)} mahasiswa di direktori, "
            + $"{programmes} program ({registrations} pendaftar, {attended} hadir)";
        await stage.ReadAsync(async sp => { await DemoMarker.WriteAsync(sp, "selesai", $"Data contoh (fiktif) semester demo selesai: {summary}", ct); return 0; });
        logger.LogInformation("Demo semester of {Tenant} written in {Seconds:0} s ({Events} events, {Timers} open timers): {Summary}",
            shell.Name, watch.Elapsed.TotalSeconds, events, released, summary);
    }

    /// <summary>The campus's demo client sign-ins (mahasiswa@kampus.demo, alumni@, praja@): accounts in roles without staff rights.</summary>
    private static async Task<IReadOnlyList<Person>> AccountsAsync(IServiceProvider services, IReadOnlyList<Person> people, CancellationToken ct)
    {
        var directory = services.GetRequiredService<IUserDirectory>();
        var staffRoles = (await directory.RolesWithPermissionAsync("AccessAdmin", ct)).ToHashSet();
        var roles = await services.GetRequiredService<RoleManager<CampusRole>>().Roles.AsNoTracking().Select(r => r.Name!).ToListAsync(ct);
        var accounts = new List<Person>();
        foreach (var role in roles.Where(r => !staffRoles.Contains(r) && r != CampusKonseling.Security.StandardRoles.Administrator).Order(StringComparer.Ordinal))
        foreach (var user in (await directory.UsersInRoleAsync(role, ct)).Where(u => u.Email?.EndsWith(".demo", StringComparison.OrdinalIgnoreCase) == true))
        {
            var userRoles = await directory.RolesOfAsync(user.Id, ct);
            if (userRoles.Overlaps(staffRoles) || accounts.Any(a => a.Akun!.Id == user.Id)) continue;
            var like = people[accounts.Count * 11 % people.Count];
            accounts.Add(like with { Nama = user.Nama, Email = user.Email!, Status = role.Contains("Alumni") ? StudentStatus.Lulus : StudentStatus.Aktif,
                Akun = new Member(user.Id, user.Nama, user.Email, userRoles) });
        }
        return accounts;
    }
}
