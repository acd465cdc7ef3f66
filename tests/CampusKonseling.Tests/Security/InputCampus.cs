using CampusKonseling.Forms.Intake;
using CampusKonseling.Tests.Direktori;
using CampusKonseling.Tests.Forms;
using CampusKonseling.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CampusKonseling.Tests.Security;

/// <summary>
/// A fresh seed-001 campus with the Forms feature, the intake test form (<see cref="IntakeTests.Permohonan"/>),
/// its admin signed in and one API key whose role may send forms and read and write the directory.
/// </summary>
public sealed record InputCampus(DirectoryCampus Directory, string Key) : IDisposable
{
    public const string FormCode = "permohonan-uji";

    public TestTenant Campus => Directory.Campus;
    public TestClient Admin => Directory.Admin;
    public string FormPath => $"{Campus.Prefix}/formulir/{FormCode}";

    public static async Task<InputCampus> CreateAsync(PlatformFixture platform, string hint)
    {
        var directory = await DirectoryCampus.CreateAsync(platform, hint);
        await platform.SetFeatureAsync(directory.Campus, "Forms", enabled: true);
        await directory.In.InCampusAsync(sp => sp.GetRequiredService<FormCatalog>().ImportAsync(IntakeTests.Permohonan, "uji"));
        var key = await directory.NewKeyAsync("Sistem SIAKAD", "SubmitForms", "SyncDirectory", "ViewDirectory");
        return new InputCampus(directory, key);
    }

    /// <summary>A request with a raw body, exactly as typed (so lone surrogates and broken JSON reach the server unchanged).</summary>
    public HttpRequestMessage Api(HttpMethod method, string path, string? json, string? language = null)
    {
        var request = new HttpRequestMessage(method, $"{Campus.Prefix}/api/v1/{path}");
        if (json is not null) request.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        request.Headers.Add("X-Api-Key", Key);
        if (language is not null) request.Headers.AcceptLanguage.ParseAdd(language);
        return request;
    }

    public void Dispose() => Directory.Dispose();
}
