using System.Net;
using System.Text.Json;
using CampusKonseling.Forms.Data;
using CampusKonseling.Tests.Forms;
using CampusKonseling.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CampusKonseling.Tests.Security;

/// <summary>
/// Finding 9: a user's mistake (or an attacker's garbage) is never a server error. The APIs answer 400
/// problem details naming the field; pages come back with the answers, or take the input without the
/// characters PostgreSQL cannot store.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class BadInputTests(PlatformFixture platform) : IAsyncLifetime
{
    private InputCampus _c = null!;

    public async Task InitializeAsync() => _c = await InputCampus.CreateAsync(platform, "bad");

    public Task DisposeAsync()
    {
        _c.Dispose();
        return Task.CompletedTask;
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body).RootElement;
    }

    [Theory]
    [InlineData("\\ud800")]
    [InlineData("Dewi\\u0000Lestari")]
    [InlineData("\\udc00 akhir")]
    public async Task A_lone_surrogate_or_nul_in_a_form_answer_is_a_400_naming_the_field(string escaped)
    {
        using var client = platform.Client();
        var json = $$$"""{"jawaban":{"nama":"{{{escaped}}}","nim":"2021001234","email":"a@b.test","hp":"081234567890","saluran":"Tatap muka","setuju":true}}""";
        using var response = await client.Http.SendAsync(_c.Api(HttpMethod.Post, $"formulir/{InputCampus.FormCode}/kiriman", json));
        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        var field = Assert.Single(problem.GetProperty("errors").EnumerateObject());
        Assert.Equal("jawaban.nama", field.Name);
        Assert.Contains("karakter", field.Value[0].GetString());
    }

    [Fact]
    public async Task A_lone_surrogate_in_a_student_is_a_400_naming_the_field_in_english_when_asked()
    {
        using var client = platform.Client();
        using var response = await client.Http.SendAsync(_c.Api(HttpMethod.Put, "mahasiswa/2021000001",
            """{"nama":"Budi \ud83d","status":"aktif"}""", language: "en"));
        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        var field = Assert.Single(problem.GetProperty("errors").EnumerateObject());
        Assert.Equal("nama", field.Name);
        Assert.Contains("character", field.Value[0].GetString());
    }

    [Theory]
    [InlineData("""{"mahasiswa":[{"nim":"1","nama":""")]
    [InlineData("""{"mahasiswa":[{"nim":"1","nama":"x"}]}}""")]
    [InlineData("""[1,2,3]""")]
    [InlineData("""{"mahasiswa":"banyak"}""")]
    [InlineData("""{"mahasiswa":[{"nim":1e999,"nama":"x","status":"aktif"}]}""")]
    public async Task A_malformed_or_mistyped_body_is_a_400_problem(string json)
    {
        using var client = platform.Client();
        using var response = await client.Http.SendAsync(_c.Api(HttpMethod.Post, "mahasiswa", json));
        await ProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_nul_in_a_directory_search_is_not_a_server_error()
    {
        using var client = platform.Client();
        using var response = await client.Http.SendAsync(_c.Api(HttpMethod.Get, "mahasiswa?q=%00abc", null));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task An_oversized_body_is_refused_with_a_problem_not_a_crash()
    {
        using var client = platform.Client();
        var json = $$"""{"nama":"{{new string('x', 3 * 1024 * 1024)}}","status":"aktif"}""";
        using var response = await client.Http.SendAsync(_c.Api(HttpMethod.Put, "mahasiswa/2021000002", json));
        Assert.True((int)response.StatusCode is 400 or 413, $"{(int)response.StatusCode}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_nul_byte_in_a_public_form_field_is_stored_without_it_and_never_the_outage_page()
    {
        using var client = platform.Client();
        var email = $"nul.{Guid.NewGuid():N}@mahasiswa.test";
        var values = IntakeTests.Valid(email);
        values["f_nama"] = "Dewi\0 Lestari";
        values["f_uraian"] = "Saya kesulitan\0 mengatur waktu belajar.";
        using var sent = await client.SubmitAsync(_c.FormPath, "form.intake", values);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var stored = await _c.Directory.In.InCampusAsync(sp => sp.GetRequiredService<FormsDb>().Submissions.AsNoTracking().SingleAsync(s => s.Email == email));
        Assert.Equal("Dewi Lestari", stored.Nama);
    }

    [Fact]
    public async Task A_form_key_with_an_unclosed_bracket_is_not_a_server_error()
    {
        using var client = platform.Client();
        var (_, page) = await client.PageAsync(_c.FormPath);
        var values = IntakeTests.Valid($"kurung.{Guid.NewGuid():N}@mahasiswa.test");
        values["f_nama[x"] = "jQuery";
        using var sent = await client.SubmitAsync(page, "form.intake", values, _c.FormPath);
        Assert.True((int)sent.StatusCode < 500, $"{(int)sent.StatusCode}");
        using var query = await client.GetAsync($"{_c.FormPath}?a[b=1");
        Assert.Equal(HttpStatusCode.OK, query.StatusCode);
    }

    [Fact]
    public async Task A_checkbox_posted_with_a_value_that_is_not_a_boolean_gets_the_page_back()
    {
        using var client = platform.Client();
        using var response = await client.SubmitAsync($"{_c.Campus.Prefix}/akun/masuk", "form", new Dictionary<string, string>
        {
            ["Input.Email"] = "tidak.ada@kampus.test", ["Input.Password"] = "salah", ["Input.RememberMe"] = "x",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("\uD800@kampus.test")]
    [InlineData("a\0b@kampus.test")]
    [InlineData("\u202Eadmin@kampus.test")]
    public async Task Invalid_unicode_in_the_forgot_password_email_gets_the_page_back(string email)
    {
        using var client = platform.Client();
        using var response = await client.SubmitAsync($"{_c.Campus.Prefix}/akun/lupa-sandi", "main form", new Dictionary<string, string> { ["Email"] = email });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
