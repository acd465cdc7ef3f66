using System.Text.RegularExpressions;
using CampusKonseling.Cases.Data;
using CampusKonseling.Tests.Infrastructure;
using CampusKonseling.Tests.Sop;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CampusKonseling.Tests.Browser;

/// <summary>
/// Seed 001's Layanan Konseling Mahasiswa Rujukan (IK-KA-RUJUKAN) walked by its actors: a student referred
/// by the academic advisor from their own form, a session on the agreed time, the log book, the decision that external help
/// is needed, the numbered Surat Rujukan to a named hospital, the external result recorded into the case
/// (sealed), and the report to the unit concerned — who never sees the counseling text.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ReferralWalkthrough(PlatformFixture platform) : IAsyncLifetime
{
    private readonly BrowserFixture _browser = new();
    private TestTenant _campus = null!;
    private SopHarness _in = null!;
    private CaseWalk _walk = null!;

    public async Task InitializeAsync()
    {
        await _browser.InitializeAsync();
        _campus = await platform.CreateTenantAsync("konseling-asesmen", "rujukan");
        _walk = new CaseWalk(_browser, platform, _campus, "rujukan-001");
        _in = _walk.In;
    }

    public Task DisposeAsync() => _browser.DisposeAsync();

    [Fact]
    public async Task A_referred_student_is_served_referred_out_and_the_external_result_recorded()
    {
        // The dosen PA refers the student from their own form: the referral is a case, they are its referrer.
        var dosen = await AsAsync("Dosen Pembimbing Akademik");
        await dosen.GotoAsync($"{_campus.Prefix}/admin/kasus/rujuk", Loaded);
        await dosen.Locator("#Nama").FillAsync("Rina Marlina");
        await dosen.Locator("#Nim").FillAsync("2021005566");
        await dosen.Locator("#Alasan").FillAsync("Dosen PA mencatat mahasiswa menarik diri dan nilai turun dua semester.");
        await ShotAsync(dosen, "rujukan-dosen-pa");
        await dosen.Locator("form.refer button[type=submit]").ClickAsync();
        await Assertions.Expect(dosen.Locator(".alert.success")).ToContainTextAsync("Rujukan diterima sebagai kasus");
        var c = await _in.InCampusAsync(sp => sp.GetRequiredService<CasesDb>().Cases.AsNoTracking().SingleAsync(x => x.Nim == "2021005566"));
        Assert.Equal(("rujukan", "Dr. Teguh Wicaksono, M.T."), (c.Sumber, c.Perujuk));

        // Staff receive the report, take the case as its counselor and agree a time with the student.
        var staf = await AsAsync("Staf Konseling & Asesmen");
        await CompleteStepAsync(staf, c.Id, "1");
        await staf.GotoAsync($"{_campus.Prefix}/admin/kasus/{c.Id}/klien", Loaded);
        await staf.Locator("form.assign select").SelectOptionAsync(new SelectOptionValue { Label = "Maya Sari Handayani, M.Psi., Psikolog" });
        await staf.Locator("form.assign button").ClickAsync();
        await Assertions.Expect(staf.Locator("#konselor")).ToContainTextAsync("Maya Sari Handayani");
        await staf.Locator("nav.case-tabs a[data-tab='jadwal']").ClickAsync();
        await staf.Locator("form.agree #Tanggal").FillAsync(DateTime.UtcNow.AddDays(1).ToString("yyyy-MM-dd"));
        await staf.Locator("form.agree #Jam").FillAsync("10:00");
        await staf.Locator("form.agree #Tempat").FillAsync("Ruang Konseling & Asesmen");
        await staf.Locator("form.agree button[type=submit]").ClickAsync();
        await ShotAsync(staf, "ditangani-dan-dijadwalkan");
        await CompleteStepAsync(staf, c.Id, "2");
        // The agreed day comes; the service (step 3) cannot be recorded before it.
        await new Cases.SeedCaseWalk(platform, _campus).SessionTimeComesAsync(c);
        await CompleteStepAsync(staf, c.Id, "3");

        // Step 4: the log book.
        await staf.GotoAsync($"{_campus.Prefix}/admin/kasus/{c.Id}/catatan", Loaded);
        await staf.Locator("form.note #Jenis").SelectOptionAsync("buku-log");
        await staf.Locator("form.note #Isi").FillAsync("Sesi 1 terlaksana 60 menit di Ruang Konseling & Asesmen.");
        await staf.Locator("form.note button").ClickAsync();
        await ShotAsync(staf, "buku-log");
        await CompleteStepAsync(staf, c.Id, "4");
        await CompleteStepAsync(staf, c.Id, "k5", "Perlu layanan eksternal");

        // Step 5: the numbered referral letter to a named hospital.
        await staf.GotoAsync($"{_campus.Prefix}/admin/kasus/{c.Id}/rujukan", Loaded);
        await staf.Locator("form.refer #Kepada").FillAsync("RS Jiwa Daerah dr. Amino Gondohutomo");
        await staf.Locator("form.refer #JenisRujukan").SelectOptionAsync("rumah-sakit");
        await staf.Locator("form.refer #Layanan").FillAsync("Asesmen psikiatri");
        await staf.Locator("form.refer button").ClickAsync();
        await Assertions.Expect(staf.Locator(".referral")).ToContainTextAsync("Surat rujukan 001/");
        await staf.Locator("nav.case-tabs a[data-tab='surat']").ClickAsync();
        await Assertions.Expect(staf.Locator("table.letters")).ToContainTextAsync("Surat Rujukan");
        await ShotAsync(staf, "surat-rujukan");
        await CompleteStepAsync(staf, c.Id, "5");

        // Step 6: the external result goes into the case as a sealed counseling note.
        await staf.GotoAsync($"{_campus.Prefix}/admin/kasus/{c.Id}/rujukan", Loaded);
        await staf.Locator("form.result textarea").FillAsync("Diagnosis episode depresif sedang; terapi rawat jalan tiap dua minggu.");
        await staf.Locator("form.result button").ClickAsync();
        await Assertions.Expect(staf.Locator(".result-in")).ToBeVisibleAsync();
        await staf.Locator("nav.case-tabs a[data-tab='catatan']").ClickAsync();
        await Assertions.Expect(staf.Locator(".entries")).ToContainTextAsync("episode depresif");
        await ShotAsync(staf, "hasil-rujukan");
        await CompleteStepAsync(staf, c.Id, "6");
        // Step 7: the numbered report to the unit concerned.
        Assert.Matches(@"^\d{3}/KA/LHL/", await _walk.LetterAsync(staf, c.Id, "laporan-hasil-layanan"));
        await CompleteStepAsync(staf, c.Id, "7");
        await staf.GotoAsync($"{_campus.Prefix}/admin/kasus/{c.Id}/jadwal", Loaded);
        await Assertions.Expect(staf.Locator("form.agree")).ToHaveCountAsync(0);
        await Assertions.Expect(staf.Locator(".agreement")).ToContainTextAsync("Ruang Konseling & Asesmen");

        // The unit concerned receives the report but not the counseling text.
        var unit = await AsAsync("Unit Kerja Terkait");
        await unit.GotoAsync($"{_campus.Prefix}/admin/kasus/{c.Id}", Loaded);
        await Assertions.Expect(unit.Locator("h1 .badge")).ToHaveTextAsync("selesai");
        foreach (var tab in new[] { "/catatan", "/rujukan", "/dokumen", "" })
        {
            await unit.GotoAsync($"{_campus.Prefix}/admin/kasus/{c.Id}{tab}", Loaded);
            await Assertions.Expect(unit.Locator("body")).Not.ToContainTextAsync("episode depresif");
            await Assertions.Expect(unit.Locator("body")).Not.ToContainTextAsync("menarik diri");
        }
        await ShotAsync(unit, "dilihat-unit-terkait");
        var stored = await TestDatabase.ScalarAsync(_campus.Database, "SELECT string_agg(isi, ' ') FROM kasus.entries");
        Assert.DoesNotContain("depresif", (string)stored!);
    }

    private Task<IPage> AsAsync(string role) => _walk.AsAsync(role);
    private Task CompleteStepAsync(IPage page, Guid caseId, string step, string? pilihan = null) => _walk.CompleteStepAsync(page, caseId, step, pilihan);
    private Task ShotAsync(IPage page, string name) => _walk.ShotAsync(page, name);
    private static readonly PageGotoOptions Loaded = CaseWalk.Loaded;
}
