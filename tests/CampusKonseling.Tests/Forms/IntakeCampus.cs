using System.Net;
using CampusKonseling.Forms.Intake;
using CampusKonseling.Tests.Infrastructure;
using CampusKonseling.Tests.Sop;
using Microsoft.Extensions.DependencyInjection;

namespace CampusKonseling.Tests.Forms;

/// <summary>A fresh campus with the Forms feature, the test form (<see cref="IntakeTests.Permohonan"/>) and its admin signed in.</summary>
public sealed record IntakeCampus(TestTenant Campus, SopHarness In, TestClient Admin) : IDisposable
{
    public static async Task<IntakeCampus> CreateAsync(PlatformFixture platform, string hint)
    {
        var campus = await platform.CreateTenantAsync("konseling-asesmen", hint);
        await platform.SetFeatureAsync(campus, "Forms", enabled: true);
        var harness = new SopHarness(platform, campus);
        await harness.InCampusAsync(sp => sp.GetRequiredService<FormCatalog>().ImportAsync(IntakeTests.Permohonan, "uji"));
        var admin = platform.Client();
        await admin.SignInAsync(campus.Prefix, campus.AdminEmail, campus.AdminPassword);
        return new IntakeCampus(campus, harness, admin);
    }

    /// <summary>Saves the websites allowed to embed the campus's forms on the settings page, as the admin would.</summary>
    public async Task AllowEmbeddingFromAsync(string origins)
    {
        var path = $"{Campus.Prefix}/admin/pengaturan";
        var (_, page) = await Admin.PageAsync(path);
        var values = new Dictionary<string, string> { ["Input.AsalSematan"] = origins };
        // The page's own values (name, colours, hours, working days) go along unchanged.
        foreach (var day in page.QuerySelectorAll("input[name='Input.WorkingDays'][checked]")) values.TryAdd("Input.WorkingDays", day.GetAttribute("value")!);
        using var saved = await Admin.SubmitAsync(page, "form.card", values, path);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
    }

    public void Dispose() => Admin.Dispose();
}
