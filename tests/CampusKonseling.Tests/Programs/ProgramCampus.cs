using System.Net;
using CampusKonseling.Programs.Data;
using CampusKonseling.Programs.Work;
using CampusKonseling.Tests.Infrastructure;
using CampusKonseling.Tests.Sop;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CampusKonseling.Tests.Programs;

/// <summary>A fresh campus from a seed recipe that runs programs (UNIPMA by default), with its administrator signed in.</summary>
public sealed record ProgramCampus(TestTenant Campus, SopHarness In, TestClient Admin) : IDisposable
{
    public const string Workshop = "workshop-minat-bakat";

    public static async Task<ProgramCampus> CreateAsync(PlatformFixture platform, string hint, string recipe = "unipma")
    {
        var campus = await platform.CreateTenantAsync(recipe, hint);
        var admin = platform.Client();
        await admin.SignInAsync(campus.Prefix, campus.AdminEmail, campus.AdminPassword);
        return new ProgramCampus(campus, new SopHarness(platform, campus), admin);
    }

    /// <summary>A program of the campus's kind, a week from now (09:00–12:00 campus time), made as staff would through the catalog.</summary>
    public Task<Guid> NewProgramAsync(int? kapasitas = null, string judul = "Workshop Minat Bakat 2026", string kind = Workshop, int inDays = 7) => In.InCampusAsync(async sp =>
    {
        var catalog = sp.GetRequiredService<ProgramCatalog>();
        var zone = await catalog.ZoneAsync(default);
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone).Date).AddDays(inDays);
        var (id, errors) = await catalog.CreateAsync(new ProgramInput(kind, judul, "Mengenal minat dan bakat", "Dr. Narasumber, M.Psi.", "Aula Gedung B", null,
            null, kapasitas, null, null, [new SessionInput(day, new TimeOnly(9, 0), new TimeOnly(12, 0))]), "uji", default);
        Assert.True(id is not null, string.Join("; ", errors.Values));
        return id!.Value;
    });

    /// <summary>Registers on the public page as a student would, with a fresh browser; returns the response (a redirect to the ticket when accepted).</summary>
    public async Task<HttpResponseMessage> RegisterAsync(PlatformFixture platform, Guid program, string nama, string email, string? nim = null, string? telepon = null)
    {
        using var student = platform.Client();
        var values = new Dictionary<string, string> { ["Nama"] = nama, ["Email"] = email };
        if (nim is not null) values["Nim"] = nim;
        if (telepon is not null) values["Telepon"] = telepon;
        return await student.SubmitAsync($"{Campus.Prefix}/program/{program}", "form.registration", values);
    }

    public async Task<ParticipantRow> RegisteredAsync(PlatformFixture platform, Guid program, string nama, string email, string? nim = null)
    {
        using var response = await RegisterAsync(platform, program, nama, email, nim);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await ParticipantAsync(email);
    }

    public Task<ParticipantRow> ParticipantAsync(string email) =>
        In.InCampusAsync(sp => sp.GetRequiredService<ProgramsDb>().Participants.AsNoTracking().SingleAsync(p => p.Email == email && p.Status != StatusPeserta.Batal));

    public Task<List<ParticipantRow>> ParticipantsAsync(Guid program) =>
        In.InCampusAsync(sp => sp.GetRequiredService<ProgramsDb>().Participants.AsNoTracking().Where(p => p.ProgramId == program).OrderBy(p => p.DidaftarPada).ToListAsync());

    /// <summary>Students as the campus's SIAKAD export would bring them.</summary>
    public async Task SeedStudentsAsync(params (string Nim, string Nama, string Prodi, int Semester, string Status, string? Email)[] students)
    {
        foreach (var s in students)
            await TestDatabase.ExecuteAsync(Campus.Database,
                $"INSERT INTO direktori.students (nim, nama, prodi, semester, status, email, telepon, diperbarui_pada, sumber) VALUES ('{s.Nim}', '{s.Nama}', '{s.Prodi}', {s.Semester}, '{s.Status}', {(s.Email is null ? "NULL" : $"'{s.Email}'")}, NULL, now(), 'csv')");
    }

    /// <summary>Posts a handler of the staff program page as the signed-in admin (the antiforgery token from the page).</summary>
    public async Task<HttpResponseMessage> StaffPostAsync(Guid program, string handler, IDictionary<string, string> values, string page = "")
    {
        var path = $"{Campus.Prefix}/admin/program/{program}{page}";
        var (status, doc) = await Admin.PageAsync(path);
        Assert.Equal(HttpStatusCode.OK, status);
        return await Admin.PostWithTokenAsync(doc, handler.Length == 0 ? path : $"{path}?handler={handler}", values);
    }

    public void Dispose() => Admin.Dispose();
}
