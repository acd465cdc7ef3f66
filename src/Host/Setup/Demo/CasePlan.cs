using CampusKonseling.Host.Setup.Demo.Texts;
using CampusKonseling.Users;

namespace CampusKonseling.Host.Setup.Demo;

/// <summary>Where a demo case stands now.</summary>
public enum Target
{
    /// <summary>Just came in; nobody has worked it (status baru).</summary>
    Baru,
    /// <summary>Being worked, within its time standards.</summary>
    Berjalan,
    /// <summary>Being worked, a step past its time standard (escalated).</summary>
    Terlambat,
    /// <summary>Referred to an external psychologist, psychiatrist or hospital; waiting for the result.</summary>
    Dirujuk,
    /// <summary>Closed this semester, filed in the archive.</summary>
    Selesai,
    /// <summary>Closed last semester, in the archive.</summary>
    Arsip,
}

/// <param name="Masuk">How it comes in: formulir, datang, telepon, rujukan.</param>
/// <param name="Eksternal">Takes the SOP's external-referral path where it has one.</param>
public sealed record CaseBrief(int Nomor, Target Target, CaseSop Sop, string Masuk, Person Client, DateTimeOffset Mulai, bool Eksternal, Member? Konselor, string Bidang);

/// <summary>
/// The semester's cases: how many stand in each state (fixed shares of the total), on which SOP and entry each can stand
/// so, who the client and the counselor are, and when each came in (counted back from now).
/// </summary>
public static class CasePlan
{
    public static readonly IReadOnlyList<(Target Target, double Share)> Shares =
        [(Target.Baru, 0.10), (Target.Berjalan, 0.20), (Target.Terlambat, 0.10), (Target.Dirujuk, 0.10), (Target.Selesai, 0.30), (Target.Arsip, 0.20)];

    /// <summary>Cases closed before this many weeks ago belong to last semester (<see cref="Target.Arsip"/>).</summary>
    public const int ArsipWeeks = 20;

    /// <summary>How many of <paramref name="total"/> cases stand in each state (largest remainders, so they add up).</summary>
    public static IReadOnlyDictionary<Target, int> Counts(int total)
    {
        var exact = Shares.Select(s => (s.Target, Value: s.Share * total)).ToList();
        var counts = exact.ToDictionary(e => e.Target, e => (int)Math.Floor(e.Value));
        foreach (var e in exact.OrderByDescending(e => e.Value - Math.Floor(e.Value)).ThenBy(e => e.Target).Take(total - counts.Values.Sum()))
            counts[e.Target]++;
        return counts;
    }

    public static IReadOnlyList<CaseBrief> Make(Campus campus, Staff staff, IReadOnlyList<Person> people, IReadOnlyList<Person> accounts, int total, Random rng, DateTimeOffset now)
    {
        var entries = campus.CaseSops.SelectMany(s => Entries(s).Select(e => (Sop: s, Masuk: e.Masuk, e.Weight, Paths: SopPaths.Of(s.Definition, e.Masuk)))).ToList();
        if (entries.Count == 0) return [];
        var targets = Counts(total).SelectMany(c => Enumerable.Repeat(c.Key, c.Value)).OrderBy(_ => rng.Next()).ToList();
        var briefs = new List<CaseBrief>();
        var clients = people.Where(p => p.Status != StudentStatus.Keluar).OrderBy(_ => rng.Next()).ToList();
        var accountCases = new Queue<Person>(accounts.SelectMany(a => new[] { a, a, a }));
        for (var i = 0; i < targets.Count; i++)
        {
            var target = targets[i];
            var fit = entries.Where(e => target switch
            {
                Target.Baru => e.Paths.StaysNew,
                Target.Berjalan => e.Paths.CanStandOnTime,
                Target.Terlambat => e.Paths.CanFallOverdue,
                Target.Dirujuk => e.Paths.CanStandOnTime || e.Paths.HasReferral,
                _ => true,
            }).ToList();
            if (fit.Count == 0) fit = entries;
            var pick = Weighted(rng, fit, e => e.Weight);
            // The demo's client sign-ins (mahasiswa@kampus.demo) each get requests of their own through the form.
            var client = pick.Masuk == "formulir" && target is Target.Selesai or Target.Berjalan or Target.Baru && accountCases.TryDequeue(out var account)
                ? account : Client(clients, i, pick.Sop);
            var eksternal = pick.Paths.HasReferral && (target == Target.Dirujuk || rng.Chance(0.3));
            var bidang = rng.Pick(Problems.Bidang);
            briefs.Add(new CaseBrief(i, target, pick.Sop, pick.Masuk, client, Start(target, pick.Masuk != "formulir", campus, rng, now), eksternal,
                target == Target.Baru ? null : Counselor(staff, rng), bidang));
        }
        return briefs.OrderBy(b => b.Mulai).ToList();
    }

    /// <summary>How cases enter an SOP: mostly through its form; walk-ins and calls recorded by staff; referrals where it takes them.</summary>
    private static IEnumerable<(string Masuk, int Weight)> Entries(CaseSop sop)
    {
        if (sop.Definition.Langkah.Any(l => l.Masuk.Contains("rujukan"))) yield return ("rujukan", 4);
        if (sop.Form is not null) yield return ("formulir", 9);
        yield return ("datang", 2);
        yield return ("telepon", 1);
    }

    private static Person Client(List<Person> clients, int i, CaseSop sop)
    {
        // Career counseling is for final-year students and alumni (UNIPMA's "calon alumni dan alumni").
        var career = sop.Definition.Judul.Contains("Karier", StringComparison.OrdinalIgnoreCase) || sop.Definition.Judul.Contains("Karir", StringComparison.OrdinalIgnoreCase);
        var pool = career ? clients.Where(c => c.Status == StudentStatus.Lulus || c.Semester >= 7).ToList() : clients.Where(c => c.Status != StudentStatus.Lulus).ToList();
        if (pool.Count == 0) pool = clients;
        return pool[(i * 7 + 3) % pool.Count];
    }

    /// <summary>Caseloads differ: the first counselors carry more.</summary>
    private static Member? Counselor(Staff staff, Random rng)
    {
        if (staff.Counselors.Count == 0) return null;
        var weights = staff.Counselors.Select((_, i) => 1.0 / (i + 1.5)).ToList();
        var roll = rng.NextDouble() * weights.Sum();
        for (var i = 0; i < weights.Count; i++)
            if ((roll -= weights[i]) <= 0) return staff.Counselors[i];
        return staff.Counselors[^1];
    }

    private static T Weighted<T>(Random rng, IReadOnlyList<T> items, Func<T, int> weight)
    {
        var roll = rng.Next(items.Sum(weight));
        foreach (var item in items)
            if ((roll -= weight(item)) < 0) return item;
        return items[^1];
    }

    /// <summary>When a case came in, by where it stands now: last semester for the archive, days ago for the ones still open.</summary>
    private static DateTimeOffset Start(Target target, bool walkIn, Campus campus, Random rng, DateTimeOffset now)
    {
        if (target == Target.Baru) return walkIn ? campus.RecentWorkingMoment(now, rng, 8 * 60) : now - TimeSpan.FromMinutes(rng.Next(40, 60 * 20));
        var (fromDays, toDays) = target switch
        {
            Target.Arsip => (44 * 7, 28 * 7),
            Target.Selesai => (17 * 7, 4 * 7),
            Target.Terlambat => (10 * 7, 3 * 7),
            Target.Dirujuk => (8 * 7, 2 * 7),
            Target.Berjalan => (12, 2),
            _ => (0, 0),
        };
        var day = DateOnly.FromDateTime(campus.Local(now)).AddDays(-rng.Next(toDays, fromDays + 1));
        while (!campus.Calendar.IsWorkingDay(day)) day = day.AddDays(-1);
        var time = campus.Settings.WorkStart.Add(TimeSpan.FromMinutes(rng.Next(10, Math.Max(20, (int)(campus.Settings.WorkEnd - campus.Settings.WorkStart).TotalMinutes - 30))));
        return campus.At(day, time);
    }
}
