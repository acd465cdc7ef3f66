using System.Globalization;
using CampusKonseling.Programs.Data;
using CampusKonseling.Programs.Work;
using CampusKonseling.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CampusKonseling.Tests.Browser;

/// <summary>
/// IUQI's Layanan Kemahasiswaan (Minat, Bakat, dan Karir), 28/BK-LMMBK/DOK.IUQI/2020, run as a program: the Rektor's
/// Surat Tugas, coordination, drafting and finalising, then the four timed stages — Sosialisasi (2 days), Pendaftaran
/// (1 day), Persiapan (1 day), Pelaksanaan (2 days) — each shown on the program page with its due time; registration,
/// attendance, the report letter and the superior's evaluation. Where a stage waits for the programme's date (registration
/// closed, the service held) the committee moves the date on the edit page, as a browser walk cannot wait. A screenshot per step.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class StudentAffairsProgramWalkthrough(PlatformFixture platform) : IAsyncLifetime
{
    private readonly BrowserFixture _browser = new();
    private TestTenant _iuqi = null!;
    private ProgramWalk _walk = null!;
    private static readonly PageGotoOptions Loaded = ProgramWalk.Loaded;

    public async Task InitializeAsync()
    {
        await _browser.InitializeAsync();
        _iuqi = await platform.CreateTenantAsync("iuqi", "kemahasiswaan");
        _walk = new ProgramWalk(_browser, platform, _iuqi, "program-iuqi");
    }

    public Task DisposeAsync() => _browser.DisposeAsync();

    /// <summary>The due time the program page shows for a step, as the campus reads it.</summary>
    private async Task<DateTime> DueAsync(IPage page, string step)
    {
        var text = (await page.Locator($".program-sop li[data-langkah='{step}'] .due").TextContentAsync())!;
        // As the page writes it, with the campus's zone (IUQI, Bogor): "jatuh tempo 24/11/2026 16.00 WIB".
        Assert.EndsWith(" WIB", text.Trim());
        return DateTime.ParseExact(text.Replace("jatuh tempo", "").Replace("WIB", "").Trim(), "dd/MM/yyyy HH:mm", CultureInfo.GetCultureInfo("id-ID"));
    }

    /// <summary>The step's due time as the SOP engine reported it to the program, in the campus's time.</summary>
    private Task<DateTime> EngineDueAsync(Guid program, string step) => _walk.Case.In.InCampusAsync(async sp =>
    {
        var row = await sp.GetRequiredService<ProgramsDb>().Programs.AsNoTracking().SingleAsync(p => p.Id == program);
        var zone = await sp.GetRequiredService<ProgramCatalog>().ZoneAsync(default);
        return TimeZoneInfo.ConvertTime(ProgramRules.Steps(row).Single(s => s.StepId == step).JatuhTempo!.Value, zone).DateTime;
    });

    private static string Local(DateTime at) => at.ToString("dd/MM/yyyy HH:mm", CultureInfo.GetCultureInfo("id-ID"));

    /// <summary>The committee moves the programme's dates on its edit page (a browser walk cannot wait for them to come).</summary>
    private async Task MoveAsync(IPage page, Guid program, int registrationClosedDaysAgo, int sessionInDays)
    {
        var today = DateTime.UtcNow.AddHours(7).Date;
        await page.GotoAsync($"{_iuqi.Prefix}/admin/program/{program}/ubah", Loaded);
        await page.Locator("#PendaftaranBuka").FillAsync(today.AddDays(-registrationClosedDaysAgo - 3).AddHours(8).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture));
        await page.Locator("#PendaftaranTutup").FillAsync(today.AddDays(-registrationClosedDaysAgo).AddHours(7).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture));
        await page.Locator("#sesi-0-tanggal").FillAsync(today.AddDays(sessionInDays).ToString("yyyy-MM-dd"));
        await page.Locator("form.edit-program button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator(".alert.success")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_student_affairs_program_runs_its_four_timed_stages_with_their_due_times()
    {
        const string judul = "Sosialisasi Minat, Bakat, dan Karir 2026";
        var unit = await _walk.AsAsync("Unit Pelaksana");
        var program = await _walk.NewProgramAsync(unit, "layanan-minat-bakat-karir", judul, inDays: 21, kapasitas: 100);
        await Assertions.Expect(unit.Locator(".program-sop li[data-langkah='1']")).ToContainTextAsync("Rektor");
        await _walk.ShotAsync(unit, "program-dibuat");

        // The Rektor's Surat Tugas for the team, coordination, drafting, guidance and finalisation (untimed in the SOP).
        await _walk.AddCommitteeAsync(unit, "Lilis Suryani, S.Pd.", "ketua");
        await _walk.AddCommitteeAsync(unit, "Ahmad Fauzi, M.Pd.I.", "anggota");
        var rektor = await _walk.AsAsync("Rektor");
        Assert.Matches(@"^001/ST/LMMBK/IUQI/", await _walk.LetterAsync(unit, program, "surat-tugas"));
        await _walk.CompleteStepAsync(rektor, program, "1");
        foreach (var step in new[] { "2", "3", "4" }) await _walk.CompleteStepAsync(unit, program, step);
        await _walk.CompleteStepAsync(rektor, program, "5");

        // The four timed stages: each shows its due time (2 days, 1, 1, 2 working days of the campus) when it becomes active.
        var stages = new[] { ("6", "Sosialisasi", "2 hari"), ("E2", "Pendaftaran kegiatan", "1 hari"), ("E3", "Persiapan Kegiatan", "1 hari"), ("E4", "Pelaksanaan Layanan", "2 hari") };
        var phone = await _walk.PhoneAsync();
        foreach (var (step, name, waktu) in stages)
        {
            await unit.GotoAsync($"{_iuqi.Prefix}/admin/program/{program}", Loaded);
            var item = unit.Locator($".program-sop li[data-langkah='{step}']");
            await Assertions.Expect(item).ToContainTextAsync(name);
            var due = await DueAsync(unit, step);
            Assert.Equal(await EngineDueAsync(program, step), due, TimeSpan.FromMinutes(1));
            await item.ScrollIntoViewIfNeededAsync();
            await _walk.ShotAsync(unit, $"tahap-{step}-jatuh-tempo");
            // The socialisation is done by its letter to the Dosen Akademik (the step's work, without which it cannot be completed).
            if (step == "6") Assert.Matches(@"^001/SP/LMMBK/IUQI/", await _walk.LetterAsync(unit, program, "surat-pemberitahuan"));
            if (step == "E2")
            {
                // Registration: a student registers on a phone.
                await _walk.RegisterAsync(phone, judul, "Siti Aisyah Nurjannah", "2021030101", $"siti.{Guid.NewGuid():N}@mhs.test");
                // The stage ends when registration closes (it cannot be completed before): a browser cannot wait, so the
                // committee closes registration yesterday; the stage's due time follows (a working day after closing).
                await MoveAsync(unit, program, registrationClosedDaysAgo: 1, sessionInDays: 21);
                await Assertions.Expect(unit.Locator("li[data-langkah='E2'] .due")).ToContainTextAsync(Local(await EngineDueAsync(program, "E2")));
            }
            if (step == "E4")
            {
                var code = (await phone.Locator("#kode-peserta").TextContentAsync())!.Trim();
                await unit.GotoAsync($"{_iuqi.Prefix}/admin/program/{program}/presensi", Loaded);
                await unit.Locator("#Kode").FillAsync(code);
                await unit.Locator("form.code-form button").ClickAsync();
                await Assertions.Expect(unit.Locator("#hasil-presensi")).ToContainTextAsync("Siti Aisyah Nurjannah hadir.");
                await _walk.ShotAsync(unit, "presensi");
                // The service is held (it cannot be completed before): the committee records it as held yesterday.
                await MoveAsync(unit, program, registrationClosedDaysAgo: 3, sessionInDays: -1);
            }
            await _walk.CompleteStepAsync(unit, program, step == "6" ? "6" : step);
            if (step == "6") await _walk.CompleteStepAsync(unit, program, "7");
        }

        // Accompaniment, the report letter, and the superior's evaluation close the SOP.
        await _walk.CompleteStepAsync(unit, program, "8");
        Assert.Matches(@"^001/LAP/LMMBK/IUQI/", await _walk.LetterAsync(unit, program, "laporan-kegiatan"));
        await _walk.CompleteStepAsync(unit, program, "9");
        var atasan = await _walk.AsAsync("Atasan Unit Kerja");
        await _walk.CompleteStepAsync(atasan, program, "10");
        await Assertions.Expect(atasan.Locator(".program-sop")).ToContainTextAsync("Semua langkah SOP selesai");
        await Assertions.Expect(atasan.Locator("#angka-peserta")).ToContainTextAsync("1 hadir");
        await _walk.ShotAsync(atasan, "sop-selesai");
    }
}
