using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using CampusKonseling.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;

namespace CampusKonseling.Tests.Privasi;

/// <summary>
/// The record of processing activities of each demo campus, as its admin reads it at /admin/privasi, against the campus's
/// recipe: every form and SOP listed; a form's problem field as specific data, its consent as the basis with the retention
/// it promises; an SOP's lanes' roles as recipients and, where it refers clients out, the referral party outside the campus. The DPO is
/// set and refused in Indonesian on a bad e-mail, and each form's privacy notice names them; a description written over the generated purpose stays; the XLSX holds
/// every activity; a counselor does not manage it.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class RekamPemrosesanTests(PlatformFixture platform)
{
    public static TheoryData<string> Recipes => new(["ipdn", "iuqi", "konseling-asesmen", "unipma", "unpam"]);

    [Theory]
    [MemberData(nameof(Recipes))]
    public async Task The_record_lists_every_form_and_sop_of_the_campus_as_its_recipe_configures_them(string recipe)
    {
        var campus = await platform.CreateTenantAsync(recipe, "rekam");
        using var client = platform.Client();
        await client.SignInAsync(campus.Prefix, campus.AdminEmail, campus.AdminPassword);
        var (status, page) = await client.PageAsync($"{campus.Prefix}/admin/privasi");
        Assert.Equal(HttpStatusCode.OK, status);
        var rows = page.QuerySelectorAll("table.rekam-pemrosesan tr[data-kunci]").ToDictionary(r => r.GetAttribute("data-kunci")!);

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Recipes, $"{recipe}.recipe.json")));
        var steps = json.RootElement.GetProperty("steps").EnumerateArray().ToList();
        var forms = steps.Where(s => s.GetProperty("name").GetString() == "forms").SelectMany(s => s.GetProperty("forms").EnumerateArray()).ToList();
        var sops = steps.Where(s => s.GetProperty("name").GetString() == "sop").SelectMany(s => s.GetProperty("sops").EnumerateArray()).ToList();
        Assert.Equal(forms.Count + sops.Count, rows.Count);

        foreach (var form in forms)
        {
            var kode = form.GetProperty("kode").GetString()!;
            var row = Assert.Contains($"formulir:{kode}", rows);
            var isian = form.GetProperty("isian").EnumerateArray().ToList();
            foreach (var masalah in isian.Where(i => Str(i, "petakan") == "masalah"))
                Assert.Contains(Str(masalah, "label"), Items(row, "[data-spesifik]"));
            foreach (var nama in isian.Where(i => Str(i, "petakan") is "nama" or "email"))
                Assert.Contains(Str(nama, "label"), Items(row, "[data-umum]"));
            if (isian.FirstOrDefault(i => Str(i, "jenis") == "persetujuan") is { ValueKind: JsonValueKind.Object } consent)
            {
                Assert.Contains("Persetujuan", Text(row, "[data-dasar]"));
                if (consent.TryGetProperty("versi", out var versi)) Assert.Contains(versi.GetString()!, Text(row, "[data-dasar]"));
                if (consent.TryGetProperty("retensiHari", out var days)) Assert.StartsWith($"{days.GetInt32()} hari", Text(row, "[data-retensi]"));
            }
        }
        foreach (var sop in sops)
        {
            var kode = sop.GetProperty("kode").GetString()!;
            var row = Assert.Contains($"sop:{kode}", rows);
            var penerima = Items(row, "[data-penerima]");
            var luar = Items(row, "[data-penerima-luar]");
            var refers = sop.GetProperty("langkah").EnumerateArray().Any(l => l.TryGetProperty("aksi", out var aksi) && aksi.EnumerateArray().Any(a => Str(a, "jenis") == "rujukan"));
            Assert.Equal(refers, luar.Contains("Pihak rujukan eksternal yang dituju"));
            foreach (var lane in sop.GetProperty("pelaksana").EnumerateArray())
            {
                var (nama, peran, klien) = (Str(lane, "nama"), Str(lane, "peran"), lane.TryGetProperty("klien", out var k) && k.GetBoolean());
                if (klien) continue;
                if (peran is not null) Assert.Contains(peran == nama ? peran : $"{peran} ({nama})", penerima);
            }
        }
        // A campus whose forms take the client's problem names specific data in its SOPs too: they process counseling content.
        if (forms.Any(f => f.GetProperty("isian").EnumerateArray().Any(i => Str(i, "petakan") == "masalah")))
            Assert.Contains(sops, s => Items(rows[$"sop:{s.GetProperty("kode").GetString()}"], "[data-spesifik]").Count > 0);
    }

    [Fact]
    public async Task The_dpo_is_set_a_description_is_written_over_the_generated_one_and_the_xlsx_holds_every_activity()
    {
        var campus = await platform.CreateTenantAsync("ipdn", "ppdp");
        using var client = platform.Client();
        await client.SignInAsync(campus.Prefix, campus.AdminEmail, campus.AdminPassword);
        var path = $"{campus.Prefix}/admin/privasi";

        // Before a DPO is named, the form's privacy notice points to the unit.
        var notice = (await client.PageAsync($"{campus.Prefix}/formulir/pendaftaran-konseling")).Page.QuerySelector("form.intake details.privasi")!;
        Assert.StartsWith("1825 hari", Text(notice, "[data-retensi]"));
        Assert.DoesNotContain("@", Text(notice, "[data-pejabat]"));

        // A bad e-mail: said in Indonesian beside the field, what was typed kept, nothing saved.
        var bad = await TestClient.ParseAsync(await client.SubmitAsync(path, "form[action*='handler=Pejabat']",
            new Dictionary<string, string> { ["Input.Nama"] = "Dr. Sri Wahyuni", ["Input.Email"] = "bukan-email" }));
        Assert.Contains("Isi alamat e-mail yang dapat dihubungi subjek data", bad.QuerySelector("#pejabat-email-galat")!.TextContent);
        Assert.Equal("Dr. Sri Wahyuni", bad.QuerySelector("#pejabat-nama")!.GetAttribute("value"));
        Assert.NotNull((await client.PageAsync(path)).Page.QuerySelector(".alert.warning"));

        var saved = await client.SubmitAsync(path, "form[action*='handler=Pejabat']",
            new Dictionary<string, string> { ["Input.Nama"] = "Dr. Sri Wahyuni", ["Input.Jabatan"] = "Kepala Biro Umum", ["Input.Email"] = "ppdp@ipdn.test" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var (_, page) = await client.PageAsync(path);
        Assert.Equal("ppdp@ipdn.test", page.QuerySelector("#pejabat-email")!.GetAttribute("value"));
        Assert.Null(page.QuerySelector(".alert.warning"));
        notice = (await client.PageAsync($"{campus.Prefix}/formulir/pendaftaran-konseling")).Page.QuerySelector("form.intake details.privasi")!;
        Assert.Contains("Dr. Sri Wahyuni, Kepala Biro Umum", Text(notice, "[data-pejabat]"));
        Assert.Equal("mailto:ppdp@ipdn.test", notice.QuerySelector("[data-pejabat] a")!.GetAttribute("href"));

        var kunci = "sop:IPDN-BK-TERAPI";
        var form = $"tr[data-kunci='{kunci}'] form";
        await client.SubmitAsync(path, form, new Dictionary<string, string> { ["Tujuan"] = "Merujuk praja dan pegawai untuk terapi psikolog/psikiater.", ["Catatan"] = "Ditinjau PPDP 2026" });
        (_, page) = await client.PageAsync(path);
        var row = page.QuerySelector($"tr[data-kunci='{kunci}']")!;
        Assert.Equal("Merujuk praja dan pegawai untuk terapi psikolog/psikiater.", Text(row, "[data-tujuan]"));
        Assert.Equal("Ditinjau PPDP 2026", Text(row, "[data-catatan]"));

        // Written over a form's purpose, it is what the form's notice tells requesters.
        await client.SubmitAsync(path, "tr[data-kunci='formulir:pendaftaran-konseling'] form",
            new Dictionary<string, string> { ["Tujuan"] = "Mencatat permohonan konseling praja dan pegawai.", ["Catatan"] = "" });
        notice = (await client.PageAsync($"{campus.Prefix}/formulir/pendaftaran-konseling")).Page.QuerySelector("form.intake details.privasi")!;
        Assert.Equal("Mencatat permohonan konseling praja dan pegawai.", Text(notice, "[data-tujuan]"));

        var xlsx = await client.Http.GetByteArrayAsync($"{path}?handler=Xlsx");
        using var doc = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var cells = doc.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>().Select(c => c.InnerText).ToList();
        Assert.Contains(cells, c => c.Contains("Dr. Sri Wahyuni") && c.Contains("ppdp@ipdn.test"));
        Assert.Contains("Merujuk praja dan pegawai untuk terapi psikolog/psikiater.", cells);
        foreach (var kode in page.QuerySelectorAll("tr[data-kunci] code").Select(c => c.TextContent)) Assert.Contains(kode, cells);

        // The same record as a PDF for the DPO's file: every activity's code, the officer, the purpose written over the generated one.
        var pdf = await client.Http.GetByteArrayAsync($"{path}?handler=Pdf");
        var text = PopplerText.Of(pdf);
        Assert.Contains("Dr. Sri Wahyuni", text);
        Assert.Contains("Merujuk praja dan pegawai untuk terapi psikolog/psikiater.", text);
        foreach (var kode in page.QuerySelectorAll("tr[data-kunci] code").Select(c => c.TextContent)) Assert.Contains(kode, text);

        // A counselor is not the controller's officer.
        using var counselor = platform.Client();
        await counselor.SignInAsync(campus.Prefix, "konselor@ipdn.demo", "Demo12345");
        var denied = await counselor.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Contains("/akun/akses-ditolak", denied.Headers.Location!.ToString());
    }

    private static string? Str(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static List<string> Items(IElement row, string list) => row.QuerySelectorAll($"{list} li").Select(l => l.TextContent.Trim()).ToList();

    private static string Text(IElement row, string selector) => row.QuerySelector(selector)?.TextContent.Trim() ?? "";
}
