using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using CampusKonseling.Cases.Data;
using CampusKonseling.Forms.Intake;
using CampusKonseling.Sop.Definitions;
using CampusKonseling.Sop.Runtime;
using CampusKonseling.Tests.Forms;
using CampusKonseling.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CampusKonseling.Tests.Localization;

/// <summary>
/// A Konseling &amp; Asesmen campus that its admin moved to Asia/Makassar (WITA, UTC+8) on the settings page, with a request
/// form whose SOP gives staff three clock hours: every case has a due time, and a time shown in UTC or WIB is off.
/// </summary>
public sealed record WitaCampus(IntakeCampus Site, string DemoStaff)
{
    public const string Staf = "Staf Konseling & Asesmen";
    public static readonly TimeZoneInfo Makassar = TimeZoneInfo.FindSystemTimeZoneById("Asia/Makassar");

    private static readonly SopDefinition Layanan = new()
    {
        Kode = "UJI-WITA", Judul = "Layanan cepat (uji)", JamKerja = false,
        Pelaksana = [new("mahasiswa", "Mahasiswa") { Klien = true }, new("staf", "Staf", Staf)],
        Langkah =
        [
            new() { Id = "1", Jenis = JenisLangkah.Mulai, Uraian = "Mengisi formulir permohonan", Pelaksana = ["mahasiswa"], Masuk = ["formulir"], Otomatis = Pemicu.Formulir, Lanjut = ["2"] },
            new() { Id = "2", Uraian = "Menanggapi permohonan", Pelaksana = ["staf"], Waktu = "3 Jam", Lanjut = ["3"] },
            new() { Id = "3", Jenis = JenisLangkah.Selesai, Uraian = "Menutup permohonan", Pelaksana = ["staf"], Waktu = "1 Hari" },
        ],
    };

    public string Prefix => Site.Campus.Prefix;

    public static async Task<WitaCampus> CreateAsync(PlatformFixture platform, string hint)
    {
        var site = await IntakeCampus.CreateAsync(platform, hint);
        await site.In.InCampusAsync(async sp =>
        {
            await sp.GetRequiredService<SopCatalog>().ImportAsync(Layanan, "uji", null);
            await sp.GetRequiredService<FormCatalog>().ImportAsync(IntakeTests.Permohonan with { Kode = "permohonan-wita", Sop = Layanan.Kode }, "uji");
            return 0;
        });
        var path = $"{site.Campus.Prefix}/admin/pengaturan";
        var (_, page) = await site.Admin.PageAsync(path);
        var values = new Dictionary<string, string> { ["Input.TimeZone"] = "Asia/Makassar" };
        foreach (var day in page.QuerySelectorAll("input[name='Input.WorkingDays'][checked]")) values.TryAdd("Input.WorkingDays", day.GetAttribute("value")!);
        using var saved = await site.Admin.SubmitAsync(page, "form.card", values, path);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        return new WitaCampus(site, await site.In.EmailOfAsync(Staf));
    }

    /// <summary>A student sends the request form; the case it opened, with its due time.</summary>
    public async Task<(CaseRow Case, string Email)> SubmitAsync(PlatformFixture platform)
    {
        using var client = platform.Client();
        var email = $"klien.{Guid.NewGuid():N}@mahasiswa.test";
        using var sent = await client.SubmitAsync($"{Prefix}/formulir/permohonan-wita", "form.intake", IntakeTests.Valid(email));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var code = Regex.Match(sent.Headers.Location!.OriginalString, "kode=([A-Z2-9-]+)").Groups[1].Value;
        var row = await Site.In.InCampusAsync(sp => sp.GetRequiredService<CasesDb>().Cases.AsNoTracking().SingleAsync(c => c.KodePelacakan == code));
        Assert.NotNull(row.JatuhTempo);
        return (row, email);
    }

    /// <summary>As the campus writes the time for a reader of <paramref name="culture"/>: "02/12/2026 08.31 WITA".</summary>
    public static string Wita(DateTimeOffset at, string format, CultureInfo culture) => TimeZoneInfo.ConvertTime(at, Makassar).ToString(format, culture) + " WITA";
}
