using System.Security.Claims;
using CampusKonseling.Cases.Data;
using CampusKonseling.Cases.Work;
using CampusKonseling.Tests.Cases;
using CampusKonseling.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CampusKonseling.Tests.Reports;

/// <summary>What a case records for reports: the prodi at opening (from the student directory) and the first contact.</summary>
[Collection(PlatformCollection.Name)]
public sealed class ReportFieldsTests(PlatformFixture platform) : CaseCampusTests(platform, "lapf")
{
    private static readonly ClaimsPrincipal Staff = new(new ClaimsIdentity([new(ClaimTypes.NameIdentifier, "u1"), new(ClaimTypes.GivenName, "Staf")], "uji"));

    [Fact]
    public async Task A_case_keeps_the_prodi_the_student_directory_knew_at_opening()
    {
        await TestDatabase.ExecuteAsync(_site.Campus.Database,
            "INSERT INTO direktori.students (nim, nama, prodi, semester, status, diperbarui_pada, sumber) VALUES ('2021001234', 'Dewi Lestari', 'Bimbingan dan Konseling', 5, 'aktif', now(), 'csv')");
        var c = await SubmitAsync();
        Assert.Equal("Bimbingan dan Konseling", c.Prodi);

        // A later change in the directory does not rewrite the case's snapshot.
        await TestDatabase.ExecuteAsync(_site.Campus.Database, "UPDATE direktori.students SET prodi = 'Psikologi' WHERE nim = '2021001234'");
        var again = await _site.In.InCampusAsync(sp => sp.GetRequiredService<CasesDb>().Cases.AsNoTracking().SingleAsync(x => x.Id == c.Id));
        Assert.Equal("Bimbingan dan Konseling", again.Prodi);
    }

    [Fact]
    public async Task The_first_log_book_entry_or_agreement_is_the_first_contact_and_later_ones_leave_it()
    {
        var c = await SubmitAsync();
        Assert.Null(c.KontakPertamaPada);
        await WriteAsync(c, JenisCatatan.Catatan, "Catatan internal: belum menghubungi klien.");
        Assert.Null((await ReadAsync(c)).KontakPertamaPada);

        await WriteAsync(c, JenisCatatan.BukuLog, "Klien dihubungi lewat telepon.");
        var first = (await ReadAsync(c)).KontakPertamaPada;
        Assert.NotNull(first);
        Assert.True(first >= c.DibukaPada);
        await Task.Delay(20);
        await WriteAsync(c, JenisCatatan.Sesi, "Sesi pertama.");
        Assert.Equal(first, (await ReadAsync(c)).KontakPertamaPada);
    }

    private Task WriteAsync(CaseRow c, string jenis, string isi) => _site.In.InCampusAsync(async sp =>
    {
        var row = await sp.GetRequiredService<CasesDb>().Cases.SingleAsync(x => x.Id == c.Id);
        Assert.Null(await sp.GetRequiredService<CaseTimeline>().WriteAsync(Staff, row, jenis, Tingkat.Administratif, isi));
        return 0;
    });

    private Task<CaseRow> ReadAsync(CaseRow c) =>
        _site.In.InCampusAsync(sp => sp.GetRequiredService<CasesDb>().Cases.AsNoTracking().SingleAsync(x => x.Id == c.Id));
}
