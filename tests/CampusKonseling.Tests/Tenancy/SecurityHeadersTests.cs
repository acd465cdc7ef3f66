using CampusKonseling.Tests.Infrastructure;

namespace CampusKonseling.Tests.Tenancy;

/// <summary>Another site cannot frame the staff area or the forms (clickjacking), and files are not content-sniffed.</summary>
[Collection(PlatformCollection.Name)]
public sealed class SecurityHeadersTests(PlatformFixture platform)
{
    [Fact]
    public async Task Pages_may_be_framed_only_by_the_platform_itself()
    {
        var campus = await platform.CreateTenantAsync("konseling-asesmen", "bingkai");
        using var client = platform.Client();
        foreach (var path in new[] { $"{campus.Prefix}/", $"{campus.Prefix}/akun/masuk", $"{campus.Prefix}/api/v1/sop", $"{campus.Prefix}/tidak-ada" })
        {
            using var response = await client.GetAsync(path);
            Assert.Equal(["'self'"], CampusKonseling.Tests.Security.CspHeader.From(response)["frame-ancestors"]);
            Assert.Equal("SAMEORIGIN", response.Headers.GetValues("X-Frame-Options").Single());
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        }
    }
}
