using System.Net;
using CampusKonseling.Programs.Work;
using CampusKonseling.Tests.Infrastructure;
using CampusKonseling.Tests.Programs;
using Microsoft.Extensions.DependencyInjection;

namespace CampusKonseling.Tests.Reports;

/// <summary>The leaders' dashboard carries the Programs module's figures: registrations and attendance as the committee recorded them.</summary>
[Collection(PlatformCollection.Name)]
public sealed class ProgramFiguresTests(PlatformFixture platform)
{
    [Fact]
    public async Task The_dashboard_shows_each_program_with_its_registrations_and_attendance()
    {
        using var c = await ProgramCampus.CreateAsync(platform, "lapprog");
        var program = await c.NewProgramAsync(kapasitas: 2, judul: "Workshop Minat Bakat Laporan", inDays: 3);
        var anisa = await c.RegisteredAsync(platform, program, "Anisa Putri", "anisa@mhs.test");
        await c.RegisteredAsync(platform, program, "Bima Sakti", "bima@mhs.test");
        await c.RegisteredAsync(platform, program, "Citra Lestari", "citra@mhs.test");   // the third waits: capacity 2
        var checkIn = await c.In.InCampusAsync(sp => sp.GetRequiredService<Attendance>().CheckInAsync(program, null, anisa.Id, "panitia", default));
        Assert.Null(checkIn.Error);

        using var kepala = platform.Client();
        await kepala.SignInAsync(c.Campus.Prefix, "kepala@unipma.demo", "Demo12345");
        var today = DateTime.UtcNow.Date;
        var range = $"jenis=kustom&dari={today.AddDays(-1):yyyy-MM-dd}&sampai={today.AddDays(10):yyyy-MM-dd}";
        var (status, page) = await kepala.PageAsync($"{c.Campus.Prefix}/admin/laporan?{range}");
        Assert.Equal(HttpStatusCode.OK, status);

        var row = Assert.Single(ReportCampus.PageTable(page, "program"), r => r[0] == "Workshop Minat Bakat Laporan");
        // Program, kind, start, status, capacity, registered, waiting, present, evaluations, mean rating, referred.
        Assert.Equal(["2", "2", "1", "1", "0", "–", "0"], row[4..]);
        Assert.NotNull(page.QuerySelector($"section[data-tabel='program'] a[href$='/admin/program/{program}']"));

        // For outside the unit, the small counts are hidden and the program is not a link.
        var (_, luar) = await kepala.PageAsync($"{c.Campus.Prefix}/admin/laporan?{range}&luar=true");
        var hidden = Assert.Single(ReportCampus.PageTable(luar, "program"), r => r[0] == "Workshop Minat Bakat Laporan");
        Assert.Equal(["<5", "<5", "<5"], hidden[5..8]);
        Assert.Null(luar.QuerySelector($"section[data-tabel='program'] a[href$='/admin/program/{program}']"));
    }
}
