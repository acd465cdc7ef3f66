using System.Net;
using CampusKonseling.Tests.Infrastructure;

namespace CampusKonseling.Tests.Letters;

/// <summary>The campus web admin keeps the letter templates: mistakes are explained beside the field, the input stays.</summary>
[Collection(PlatformCollection.Name)]
public sealed class LetterAdminTests(PlatformFixture platform) : IAsyncLifetime
{
    private LetterCampus _unipma = null!;
    private TestClient _admin = null!;

    public async Task InitializeAsync()
    {
        _unipma = await LetterCampus.CreateAsync(platform, "templat");
        _admin = platform.Client();
        await _admin.SignInAsync(_unipma.Campus.Prefix, _unipma.Campus.AdminEmail, _unipma.Campus.AdminPassword);
    }

    public Task DisposeAsync()
    {
        _admin.Dispose();
        return Task.CompletedTask;
    }

    private string Url(string path) => $"{_unipma.Campus.Prefix}/admin/surat{path}";

    [Fact]
    public async Task The_recipe_templates_are_listed_with_their_number_pattern()
    {
        var (status, page) = await _admin.PageAsync(Url("/templat"));
        Assert.Equal(HttpStatusCode.OK, status);
        foreach (var kode in new[] { "form-permohonan-konseling", "surat-rekomendasi-konseling", "kesepakatan-pelaksanaan-konseling", "berita-acara-pelaksanaan-konseling", "laporan-konseling", "surat-tugas-workshop-minat-bakat", "surat-pemberitahuan-kaprodi" })
            Assert.NotNull(page.QuerySelector($"tr[data-templat='{kode}']"));
        Assert.Contains("{seq:000}/REK/P2KLLK/{romanMonth}/{year}", page.QuerySelector("tr[data-templat='surat-rekomendasi-konseling']")!.TextContent);
    }

    [Fact]
    public async Task A_pattern_without_seq_and_a_bad_placeholder_are_explained_beside_the_fields_and_the_input_is_kept()
    {
        var edit = Url("/templat/surat-rekomendasi-konseling");
        using var response = await _admin.SubmitAsync(edit, "form.letter-template", new Dictionary<string, string>
        {
            ["Input.Pola"] = "REK/P2KLLK/{romanMonth}/{year}",
            ["Input.Isi"] = "Yth. {Nama Lengkap}, silakan datang.",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await TestClient.ParseAsync(response);
        Assert.NotNull(page.QuerySelector("#galat"));
        Assert.Contains("harus memuat {seq}", page.QuerySelector("[data-valmsg-for='Input.Pola']")!.TextContent);
        Assert.Contains("Nama isian tidak sah: {Nama Lengkap}", page.QuerySelector("[data-valmsg-for='Input.Isi']")!.TextContent);
        Assert.Equal("REK/P2KLLK/{romanMonth}/{year}", page.QuerySelector("#Input_Pola")!.GetAttribute("value"));
        Assert.Equal("Yth. {Nama Lengkap}, silakan datang.", page.QuerySelector("#Input_Isi")!.TextContent.Trim());
        Assert.Equal("{seq:000}/REK/P2KLLK/{romanMonth}/{year}",
            await TestDatabase.ScalarAsync(_unipma.Campus.Database, "SELECT pola_nomor FROM letters.templates WHERE kode = 'surat-rekomendasi-konseling'"));
    }

    [Fact]
    public async Task A_corrected_template_is_saved_previewed_and_used_for_the_next_letter()
    {
        var edit = Url("/templat/surat-rekomendasi-konseling");
        var (_, form) = await _admin.PageAsync(edit);
        // The client sends inputs only; the text areas go as the admin left them.
        var values = form.QuerySelectorAll("form.letter-template textarea").ToDictionary(t => t.GetAttribute("name")!, t => t.TextContent);
        values["Input.Pola"] = "{seq:0000}/REKOM/{year}";
        using var saved = await _admin.SubmitAsync(form, "form.letter-template", values, edit);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var (_, page) = await _admin.PageAsync(edit);
        Assert.Contains("Templat disimpan.", page.QuerySelector("#pesan")!.TextContent);
        var preview = page.QuerySelector("iframe.letter-preview")!.GetAttribute("srcdoc")!;
        Assert.Contains("0001/REKOM/", preview);
        Assert.Contains("Siti Rahmawati", preview);
        Assert.Contains("Universitas PGRI Madiun", preview);

        var letter = await _unipma.GenerateAsync("surat-rekomendasi-konseling", "K-1");
        Assert.Equal("0001/REKOM/2026", letter.Nomor);

        var (_, list) = await _admin.PageAsync(Url(""));
        var row = list.QuerySelector($"tr[data-surat='{letter.Id}']")!;
        Assert.Equal("0001/REKOM/2026", row.QuerySelector(".nomor")!.TextContent);
        Assert.Contains("kasus K-1", row.TextContent);
        Assert.DoesNotContain("Siti Rahmawati", list.Body!.TextContent);
    }

    [Fact]
    public async Task A_new_template_needs_an_unused_code()
    {
        using var response = await _admin.SubmitAsync(Url("/templat/baru"), "form.letter-template", new Dictionary<string, string>
        {
            ["Input.Kode"] = "surat-rujukan baru", ["Input.Judul"] = "", ["Input.Pola"] = "{seq}/RJK/{year}", ["Input.Isi"] = "Dirujuk: {nama}.", ["Input.Jabatan"] = "Kepala P2KLLK",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await TestClient.ParseAsync(response);
        Assert.Contains("huruf kecil", page.QuerySelector("[data-valmsg-for='Input.Kode']")!.TextContent);
        Assert.Contains("Judul wajib diisi.", page.QuerySelector("[data-valmsg-for='Input.Judul']")!.TextContent);

        using var created = await _admin.SubmitAsync(Url("/templat/baru"), "form.letter-template", new Dictionary<string, string>
        {
            ["Input.Kode"] = "surat-rujukan", ["Input.Judul"] = "Surat Rujukan", ["Input.Pola"] = "{seq}/RJK/{year}", ["Input.Isi"] = "Dirujuk: {nama}.", ["Input.Jabatan"] = "Kepala P2KLLK",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal("1/RJK/2026", (await _unipma.GenerateAsync("surat-rujukan", "K-9")).Nomor);
    }

    [Fact]
    public async Task Staff_without_the_permission_cannot_open_the_template_pages()
    {
        using var anonymous = platform.Client();
        using var response = await anonymous.GetAsync(Url("/templat"));
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }
}
