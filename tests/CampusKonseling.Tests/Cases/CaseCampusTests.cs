using System.Net;
using System.Text.RegularExpressions;
using CampusKonseling.Cases.Data;
using CampusKonseling.Forms.Data;
using CampusKonseling.Identity.Data;
using CampusKonseling.Notifications.Data;
using CampusKonseling.Tests.Forms;
using CampusKonseling.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CampusKonseling.Tests.Cases;

/// <summary>A campus with the test form and case work, and what the case tests do in it: send a request, sign in as a role, read a case page, assign the counselor.</summary>
public abstract class CaseCampusTests(PlatformFixture platform, string hint) : IAsyncLifetime
{
    protected const string Staf = "Staf Konseling & Asesmen", DosenPa = "Dosen Pembimbing Akademik", UnitTerkait = "Unit Kerja Terkait";
    protected IntakeCampus _site = null!;
    protected PlatformFixture Platform => platform;

    public async Task InitializeAsync() => _site = await IntakeCampus.CreateAsync(platform, hint);

    public Task DisposeAsync()
    {
        _site.Dispose();
        return Task.CompletedTask;
    }

    protected async Task<CaseRow> SubmitAsync(string uraian = "Saya kesulitan mengatur waktu belajar dan bekerja.", string? email = null)
    {
        using var client = platform.Client();
        var values = IntakeTests.Valid(email ?? $"klien.{Guid.NewGuid():N}@mahasiswa.test");
        values["f_uraian"] = uraian;
        using var sent = await client.SubmitAsync($"{_site.Campus.Prefix}/formulir/permohonan-uji", "form.intake", values);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var code = Regex.Match(sent.Headers.Location!.OriginalString, "kode=([A-Z2-9-]+)").Groups[1].Value;
        return await _site.In.InCampusAsync(sp => sp.GetRequiredService<CasesDb>().Cases.AsNoTracking().SingleAsync(c => c.KodePelacakan == code));
    }

    protected async Task<TestClient> SignInAsync(string role)
    {
        var client = platform.Client();
        await client.SignInAsync(_site.Campus.Prefix, await _site.In.EmailOfAsync(role), "Demo12345");
        return client;
    }

    protected async Task<string> CasePageAsync(TestClient client, CaseRow c)
    {
        var (status, page) = await client.PageAsync($"{_site.Campus.Prefix}/admin/kasus/{c.Id}");
        Assert.Equal(HttpStatusCode.OK, status);
        return page.DocumentElement.OuterHtml;
    }

    /// <summary>A tab of the case page ("" is its summary): catatan, jadwal, dokumen, surat, klien, …</summary>
    protected string CasePath(CaseRow c, string tab = "") => $"{_site.Campus.Prefix}/admin/kasus/{c.Id}" + (tab.Length == 0 ? "" : "/" + tab);

    /// <summary>The campus admin assigns the staff member (a counselor) to the case on its Klien tab.</summary>
    protected async Task AssignStaffAsync(CaseRow c)
    {
        var staffId = await _site.In.InCampusAsync(async sp => (await sp.GetRequiredService<UserManager<CampusUser>>().FindByEmailAsync(await _site.In.EmailOfAsync(Staf)))!.Id);
        var path = CasePath(c, "klien");
        var (_, adminPage) = await _site.Admin.PageAsync(path);
        using var assigned = await _site.Admin.SubmitAsync(adminPage, "form.assign", new Dictionary<string, string> { ["KonselorId"] = staffId }, $"{path}?handler=Tugaskan");
        Assert.Equal(HttpStatusCode.Redirect, assigned.StatusCode);
    }
}
