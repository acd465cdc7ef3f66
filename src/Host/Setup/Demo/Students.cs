using CampusKonseling.Direktori.Data;
using CampusKonseling.Direktori.Students;
using CampusKonseling.Host.Setup.Demo.Texts;
using CampusKonseling.Users;

namespace CampusKonseling.Host.Setup.Demo;

/// <summary>A student (or alumnus, praja) of the demo: a client of cases and a participant of programmes.</summary>
public sealed record Person(string Nama, string Nim, string Email, string Telepon, string Prodi, int Semester, string Status, bool Perempuan)
{
    /// <summary>The account of a demo sign-in (mahasiswa@kampus.demo), when the person is that sign-in.</summary>
    public Member? Akun { get; init; }
}

/// <summary>
/// The student directory of the demo: a few hundred students across study programmes and semesters, with some on leave
/// and some graduated (the alumni of career counseling), written as the campus's SIAKAD import would write them.
/// </summary>
public static class Students
{
    public static readonly string[] Prodi =
    [
        "Pendidikan Matematika", "Pendidikan Bahasa Inggris", "Pendidikan Guru Sekolah Dasar", "Bimbingan dan Konseling", "Psikologi",
        "Manajemen", "Akuntansi", "Teknik Informatika", "Sistem Informasi", "Ilmu Hukum", "Ilmu Komunikasi", "Agribisnis",
    ];

    public static IReadOnlyList<Person> Make(Random rng, int count, int year)
    {
        var people = new List<Person>(count);
        for (var i = 0; i < count; i++)
        {
            var perempuan = rng.Chance(0.58);
            var nama = Names.Person(rng, perempuan);
            var prodi = rng.Next(Prodi.Length);
            var lulus = rng.Chance(0.15);
            var semester = lulus ? 8 : rng.Pick([1, 3, 3, 5, 5, 7, 7, 9]);
            var angkatan = year - (semester + 1) / 2 - (lulus ? rng.Next(0, 4) : 0);
            var status = lulus ? StudentStatus.Lulus : rng.Chance(0.04) ? StudentStatus.Cuti : StudentStatus.Aktif;
            // 99 + year of entry + programme + sequence: 10 digits, numeric as campuses' NIM patterns ask.
            var nim = $"{Names.NimPrefix}{angkatan % 100:00}{prodi + 1:00}{i:0000}";
            people.Add(new Person(nama, nim, Names.Email(nama, i), Names.Phone(i), Prodi[prodi], semester, status, perempuan));
        }
        return people;
    }

    /// <summary>Writes the students into the campus's directory, as its CSV import does (one statement, upserted by NIM).</summary>
    public static async Task<int> SaveAsync(IServiceProvider services, IReadOnlyList<Person> people, DateTimeOffset at, CancellationToken ct)
    {
        var rows = people.Select(p => new Student
        {
            Nim = p.Nim, Nama = p.Nama, Prodi = p.Prodi, Semester = p.Status == StudentStatus.Lulus ? null : p.Semester, Status = p.Status,
            Email = p.Email, Telepon = p.Telepon, DiperbaruiPada = at, Sumber = Sumber.Csv,
        }).ToList();
        var count = await services.GetRequiredService<StudentStore>().UpsertAsync(rows, ct);
        return count.Baru + count.Diperbarui;
    }
}
