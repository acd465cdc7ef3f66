using System.Diagnostics;
using System.Net;
using System.Text;
using CampusKonseling.Tests.Infrastructure;
using CampusKonseling.Users;
using Microsoft.Extensions.DependencyInjection;

namespace CampusKonseling.Tests.Direktori;

/// <summary>The campus admin imports SIAKAD's export; bad rows are reported by row and column and never stored.</summary>
[Collection(PlatformCollection.Name)]
public sealed class ImportTests(PlatformFixture platform) : IAsyncLifetime
{
    private DirectoryCampus _c = null!;

    public async Task InitializeAsync() => _c = await DirectoryCampus.CreateAsync(platform, "dirimp");

    public Task DisposeAsync()
    {
        _c.Dispose();
        return Task.CompletedTask;
    }

    private static string Nim(int i) => (2021100000 + i).ToString();

    /// <summary>10,000 students; the rows listed in <paramref name="bad"/> (1-based data rows) are broken in one column each.</summary>
    private static string Generate(int count, IReadOnlyDictionary<int, string> bad, string status = "aktif")
    {
        var csv = new StringBuilder("nim;nama;prodi;semester;status;email;telepon\n");
        for (var i = 1; i <= count; i++)
            csv.Append(bad.TryGetValue(i, out var row) ? row : $"{Nim(i)};Mahasiswa Nomor {i};Psikologi;{i % 14 + 1};{status};m{i}@mhs.kampus.ac.id;0812{i:D8}")
                .Append('\n');
        return csv.ToString();
    }

    private static readonly Dictionary<int, string> BadRows = new()
    {
        [10] = "12AB!;Nim Salah;Psikologi;3;aktif;;",
        [200] = $"{Nim(200)};Status Salah;Psikologi;3;skorsing;;",
        [3000] = $"{Nim(3000)};Semester Salah;Psikologi;15;aktif;;",
        [4500] = $"{Nim(4500)};Surel Salah;Psikologi;3;cuti;bukan-email;",
        [6000] = $"{Nim(6000)};Telepon Salah;Psikologi;3;aktif;;12345",
        [7777] = $"{Nim(1)};NIM Ganda;Psikologi;3;lulus;;",
        [9999] = $"{Nim(9999)};;Psikologi;3;aktif;;",
        [10000] = "2.02101E+11;Angka Ilmiah;Psikologi;3;aktif;;",
    };

    [Fact]
    public async Task Ten_thousand_students_import_in_seconds_and_bad_rows_are_reported_with_row_and_column_and_not_imported()
    {
        var csv = DirectoryCampus.Utf8WithBom(Generate(10_000, BadRows));
        var watch = Stopwatch.StartNew();
        using var uploaded = await _c.UploadAsync(csv);
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        var jobPath = uploaded.Headers.Location!.ToString();
        var page = await _c.WaitForJobAsync(jobPath, TimeSpan.FromSeconds(60));
        watch.Stop();
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"import took {watch.Elapsed}");

        Assert.Equal("10000", page.QuerySelector("#dibaca")!.TextContent);
        Assert.Equal("9992", page.QuerySelector("#diimpor")!.TextContent);
        Assert.Equal("8", page.QuerySelector("#ditolak")!.TextContent);
        Assert.Contains("Impor selesai", page.Body!.TextContent);
        // The header is row 1, so data row n is file row n + 1.
        string Error(int row, string column) => page.QuerySelector($"tr[data-baris='{row + 1}'][data-kolom='{column}']")?.TextContent ?? "";
        Assert.Contains("NIM hanya boleh berisi angka", Error(10, "nim"));
        Assert.Contains("aktif, cuti, lulus atau keluar", Error(200, "status"));
        Assert.Contains("antara 1 dan 14", Error(3000, "semester"));
        Assert.Contains("e-mail tidak valid", Error(4500, "email"));
        Assert.Contains("telepon tidak valid", Error(6000, "telepon"));
        Assert.Contains("baris sebelumnya", Error(7777, "nim"));
        Assert.Contains("Nama wajib diisi", Error(9999, "nama"));
        Assert.Contains("angka ilmiah", Error(10000, "nim"));

        Assert.Equal(9992L, await TestDatabase.ScalarAsync(_c.Campus.Database, "SELECT count(*) FROM direktori.students"));
        foreach (var row in new[] { 200, 3000, 4500, 6000, 9999 })
            Assert.Equal(0L, await TestDatabase.ScalarAsync(_c.Campus.Database, $"SELECT count(*) FROM direktori.students WHERE nim = '{Nim(row)}'"));
        Assert.Equal("Mahasiswa Nomor 1", await TestDatabase.ScalarAsync(_c.Campus.Database, $"SELECT nama FROM direktori.students WHERE nim = '{Nim(1)}'"));
        // The uploaded file is not kept once the import has ended.
        Assert.Equal(0L, await TestDatabase.ScalarAsync(_c.Campus.Database, "SELECT count(*) FROM direktori.import_jobs WHERE isi IS NOT NULL"));

        using var report = await _c.Admin.GetAsync(jobPath + "?handler=Kesalahan");
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        Assert.Equal("text/csv", report.Content.Headers.ContentType!.MediaType);
        var lines = (await report.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("baris;kolom;nilai;pesan", lines[0].TrimEnd('\r'));
        Assert.Equal(9, lines.Length);
        Assert.Contains(lines, l => l.StartsWith("4501;email;bukan-email;", StringComparison.Ordinal));

        var status = await _c.In.InCampusAsync(sp => sp.GetRequiredService<IStudentDirectory>().FindAsync(Nim(4501)));
        Assert.Equal(StudentStatus.Aktif, status!.Status);
        Assert.Equal("Psikologi", status.Prodi);
    }

    [Fact]
    public async Task Importing_again_updates_students_and_comma_files_without_bom_are_read_too()
    {
        using (var first = await _c.UploadAsync(DirectoryCampus.Utf8WithBom(Generate(50, new Dictionary<int, string>()))))
            await _c.WaitForJobAsync(first.Headers.Location!.ToString(), TimeSpan.FromSeconds(30));
        var update = "NIM,Nama,Status,Semester\n" + $"{Nim(7)},\"Rahmawati, Siti\",cuti,8\n" + $"{Nim(8)},Budi Santoso,lulus,\n";
        using var second = await _c.UploadAsync(Encoding.UTF8.GetBytes(update), "perubahan.csv");
        var page = await _c.WaitForJobAsync(second.Headers.Location!.ToString(), TimeSpan.FromSeconds(30));
        Assert.Equal("2", page.QuerySelector("#diimpor")!.TextContent);
        Assert.Equal("0", page.QuerySelector("#ditolak")!.TextContent);

        var (cuti, lulus, count) = await _c.In.InCampusAsync(async sp =>
        {
            var directory = sp.GetRequiredService<IStudentDirectory>();
            return (await directory.FindAsync(Nim(7)), await directory.FindAsync(Nim(8)), (await directory.SearchAsync(null)).Total);
        });
        Assert.Equal(("cuti", "Rahmawati, Siti", 8), (cuti!.Status, cuti.Nama, cuti.Semester));
        Assert.Equal(StudentStatus.Lulus, lulus!.Status);
        Assert.Null(lulus.Semester);
        Assert.Equal(50, count);

        // Staff look the student up by name and see the new status.
        var (_, lookup) = await _c.Admin.PageAsync($"{_c.Campus.Prefix}/admin/direktori?cari=rahmawati");
        var row = lookup.QuerySelector($"tr[data-nim='{Nim(7)}']")!;
        Assert.Contains("Cuti", row.QuerySelector(".status")!.TextContent);
        Assert.Single(lookup.QuerySelectorAll("tbody tr"));
    }

    [Fact]
    public async Task A_file_without_the_header_or_too_large_gets_a_clear_message()
    {
        using var noHeader = await _c.UploadAsync(Encoding.UTF8.GetBytes($"{Nim(1)};Tanpa Judul;aktif\n"));
        var page = await _c.WaitForJobAsync(noHeader.Headers.Location!.ToString(), TimeSpan.FromSeconds(30));
        Assert.Contains("judul kolom nim, nama dan status", page.QuerySelector(".alert.error")!.TextContent);
        Assert.Equal(0L, await TestDatabase.ScalarAsync(_c.Campus.Database, "SELECT count(*) FROM direktori.students"));

        using var latin1 = await _c.UploadAsync([.. Encoding.UTF8.GetBytes("nim;nama;status\n"), .. Encoding.Latin1.GetBytes($"{Nim(2)};Muñoz;aktif\n")]);
        var refused = await _c.WaitForJobAsync(latin1.Headers.Location!.ToString(), TimeSpan.FromSeconds(30));
        Assert.Contains("CSV UTF-8", refused.QuerySelector(".alert.error")!.TextContent);

        using var tooLarge = await _c.UploadAsync(new byte[21 * 1024 * 1024]);
        Assert.Equal(HttpStatusCode.OK, tooLarge.StatusCode);
        Assert.Contains("paling besar 20 MB", (await TestClient.ParseAsync(tooLarge)).QuerySelector("#berkas-galat")!.TextContent);
    }

    [Fact]
    public async Task Staff_without_the_permission_cannot_import()
    {
        using var staff = platform.Client();
        await staff.SignInAsync(_c.Campus.Prefix, "staf@konseling-asesmen.demo", "Demo12345");
        using var denied = await staff.GetAsync($"{_c.Campus.Prefix}/admin/direktori/impor");
        Assert.NotEqual(HttpStatusCode.OK, denied.StatusCode);
        var (lookup, _) = await staff.PageAsync($"{_c.Campus.Prefix}/admin/direktori");
        Assert.Equal(HttpStatusCode.OK, lookup);
    }
}
