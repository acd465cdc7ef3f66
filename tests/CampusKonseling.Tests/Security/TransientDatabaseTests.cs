using System.Net;
using CampusKonseling.Tests.Forms;
using CampusKonseling.Tests.Infrastructure;

namespace CampusKonseling.Tests.Security;

/// <summary>
/// Finding 9, second half: when the campus database drops its connections (a failover, a restart, an
/// administrator's pg_terminate_backend), the next request on a dead pooled connection still works, and a
/// form post that cannot be stored comes back with the answers and says so — never a 500.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class TransientDatabaseTests(PlatformFixture platform) : IAsyncLifetime
{
    private InputCampus _c = null!;

    public async Task InitializeAsync() => _c = await InputCampus.CreateAsync(platform, "drop");

    public Task DisposeAsync()
    {
        _c.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Fills the campus's pool with idle connections, then ends every one of them on the server.</summary>
    private async Task DropConnectionsAsync()
    {
        await Task.WhenAll(Enumerable.Range(0, 5).Select(async _ =>
        {
            using var r = await _c.Admin.GetAsync($"{_c.Campus.Prefix}/admin/pengguna");
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        }));
        await TestDatabase.ExecuteAsync("postgres",
            $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{_c.Campus.Database}' AND backend_type = 'client backend' AND usename = current_user");
    }

    [Fact]
    public async Task A_staff_page_works_on_the_first_request_after_the_connections_dropped()
    {
        await DropConnectionsAsync();
        for (var i = 0; i < 3; i++)
        {
            using var response = await _c.Admin.GetAsync($"{_c.Campus.Prefix}/admin/pengguna");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task A_public_form_post_after_the_connections_dropped_is_stored_or_comes_back_with_the_answers()
    {
        using var client = platform.Client();
        var (_, page) = await client.PageAsync(_c.FormPath);
        await DropConnectionsAsync();
        var values = IntakeTests.Valid($"putus.{Guid.NewGuid():N}@mahasiswa.test");
        values["f_nama"] = "Sari Koneksi Putus";
        using var sent = await client.SubmitAsync(page, "form.intake", values, _c.FormPath);
        if (sent.StatusCode != HttpStatusCode.Redirect)
        {
            Assert.True((int)sent.StatusCode < 500 || sent.StatusCode == HttpStatusCode.ServiceUnavailable, $"{(int)sent.StatusCode}");
            var back = await TestClient.ParseAsync(sent);
            Assert.Equal("Sari Koneksi Putus", back.QuerySelector("input[name='f_nama']")?.GetAttribute("value"));
            Assert.Contains("BELUM tersimpan", back.Body!.TextContent);
        }
    }

    [Fact]
    public async Task The_forms_api_after_the_connections_dropped_is_not_a_server_error()
    {
        await DropConnectionsAsync();
        using var client = platform.Client();
        using var response = await client.Http.SendAsync(_c.Api(HttpMethod.Get, $"formulir/{InputCampus.FormCode}", null));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
