using System.Net;
using CampusKonseling.Tests.Forms;
using CampusKonseling.Tests.Infrastructure;

namespace CampusKonseling.Tests.Cases;

/// <summary>A campus that has not switched case work on still takes requests; nothing reaches for the case tables.</summary>
[Collection(PlatformCollection.Name)]
public sealed class WithoutCasesTests(PlatformFixture platform)
{
    [Fact]
    public async Task Requests_are_taken_and_the_sop_moves_without_the_cases_feature()
    {
        using var site = await IntakeCampus.CreateAsync(platform, "tanpakasus");
        await platform.SetFeatureAsync(site.Campus, "Cases", enabled: false);
        await TestDatabase.ExecuteAsync(site.Campus.Database, "DROP SCHEMA kasus CASCADE");
        using var client = platform.Client();
        using var sent = await client.SubmitAsync($"{site.Campus.Prefix}/formulir/permohonan-uji", "form.intake", IntakeTests.Valid($"tanpa.{Guid.NewGuid():N}@mahasiswa.test"));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        using var inbox = await site.Admin.GetAsync($"{site.Campus.Prefix}/admin/kasus");
        Assert.Equal(HttpStatusCode.NotFound, inbox.StatusCode);
    }
}
