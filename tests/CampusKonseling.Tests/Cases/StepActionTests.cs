using System.Net;
using AngleSharp.Dom;
using CampusKonseling.Cases.Data;
using CampusKonseling.Sop.Engine;
using CampusKonseling.Tests.Infrastructure;
using CampusKonseling.Tests.Sop;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CampusKonseling.Tests.Cases;

/// <summary>
/// A campus (the Konseling &amp; Asesmen recipe) with small SOPs whose first step carries one action each. The step is worked
/// from its card on the case page: it cannot be completed before its work, completes itself when the work is done there,
/// records what the work produced as its output, and is not open to a user outside its lane.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class StepActionTests(PlatformFixture platform) : IAsyncLifetime
{
    private const string Staf = "Staf Konseling & Asesmen", DosenPa = "Dosen Pembimbing Akademik", UnitTerkait = "Unit Kerja Terkait";
    private TestTenant _campus = null!;
    private SopHarness _in = null!;
    private TestClient _admin = null!;

    public async Task InitializeAsync()
    {
        _campus = await platform.CreateTenantAsync(await StepActionRecipe.WriteAsync(), "aksi");
        _in = new SopHarness(platform, _campus);
        _admin = platform.Client();
        await _admin.SignInAsync(_campus.Prefix, _campus.AdminEmail, _campus.AdminPassword);
    }

    public Task DisposeAsync()
    {
        _admin.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Surat_a_letter_from_the_named_template_made_on_the_card_completes_the_step_and_is_its_output()
    {
        using var staf = await AsAsync(Staf);
        var c = await OpenCaseAsync(staf, "UJI-SURAT");
        var path = PathOf(c);

        await AssertRefusedBeforeWorkAsync(staf, c, "Langkah 1 belum dikerjakan: surat surat-uji.");
        await AssertOthersCannotActAsync(c, "form.step-letter", "LangkahSurat", new() { ["Nilai[tujuan]"] = "Unit Kerja" });

        var (_, page) = await staf.PageAsync(path);
        var card = Card(page, "1");
        // Pre-filled from the case and from the signed-in signer; the required field is marked.
        Assert.Equal("Rahmat Hidayat", card.QuerySelector("form.step-letter input[name='Nilai[nama]']")!.GetAttribute("value"));
        Assert.Equal("Maya Sari Handayani, M.Psi., Psikolog", card.QuerySelector("form.step-letter input[name='Nilai[penandatangan]']")!.GetAttribute("value"));
        Assert.Contains("wajib", card.QuerySelector("form.step-letter label[for$='-tujuan']")!.TextContent);

        using var refused = await staf.SubmitAsync(page, "article[data-langkah='1'] form.step-letter", new Dictionary<string, string> { ["Nilai[keperluan]"] = "Konsultasi lanjutan" }, $"{path}?handler=LangkahSurat");
        var kept = await TestClient.ParseAsync(refused);
        Assert.Equal("Surat belum dibuat: isian wajib masih kosong: tujuan.", Card(kept, "1").QuerySelector(".step-error")!.TextContent);
        Assert.Equal("Konsultasi lanjutan", Card(kept, "1").QuerySelector("input[name='Nilai[keperluan]']")!.GetAttribute("value"));

        using var made = await staf.SubmitAsync(page, "article[data-langkah='1'] form.step-letter",
            new Dictionary<string, string> { ["Nilai[tujuan]"] = "Unit Kerja Terkait", ["Nilai[keperluan]"] = "Konsultasi lanjutan" }, $"{path}?handler=LangkahSurat");
        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        var (_, after) = await staf.PageAsync(path);
        var nomor = (await staf.PageAsync($"{path}/surat")).Page.QuerySelector("table.letters tbody tr")!.GetAttribute("data-surat")!;
        Assert.Matches("^001/UJI/", nomor);
        Assert.Contains($"Surat {nomor} dibuat. Langkah 1 selesai.", after.QuerySelector(".alert.success")!.TextContent);
        // The output is what the next step's kelengkapan asks for, met by the letter itself.
        var item = Card(after, "2").QuerySelector("li[data-kelengkapan='Surat Uji']")!;
        Assert.Equal("done", item.GetAttribute("class"));
        Assert.Contains($"surat {nomor}", item.TextContent);
        await AssertOutputAsync(c, "1", "surat surat-uji", $"surat {nomor}", "Surat Uji");
    }

    [Fact]
    public async Task Unggah_only_a_document_of_the_exact_kind_counts_never_a_similar_title()
    {
        using var staf = await AsAsync(Staf);
        var c = await OpenCaseAsync(staf, "UJI-UNGGAH");
        var path = PathOf(c);
        await AssertRefusedBeforeWorkAsync(staf, c, "Langkah 1 belum dikerjakan: unggah Surat Hasil Pemeriksaan.");

        // A free upload with the same title (on the Dokumen tab) is not the step's document.
        var (_, page) = await staf.PageAsync($"{path}/dokumen");
        using (var free = await UploadAsync(staf, page, "form.upload", $"{path}/dokumen?handler=Dokumen", new() { ["NamaDokumen"] = "Surat Hasil Pemeriksaan" }))
            Assert.Equal(HttpStatusCode.Redirect, free.StatusCode);
        await AssertRefusedBeforeWorkAsync(staf, c, "Langkah 1 belum dikerjakan: unggah Surat Hasil Pemeriksaan.");

        // Someone outside the lane: no upload form on the card, and a crafted post is refused beside it.
        using (var dosen = await AsAsync(DosenPa))
        {
            var (_, theirs) = await dosen.PageAsync(path);
            Assert.Null(Card(theirs, "1").QuerySelector("form"));
            using var crafted = await UploadAsync(dosen, theirs, "form.upload", $"{path}?handler=LangkahDokumen", new() { ["Langkah"] = "1", ["Aksi"] = "0" });
            Assert.Contains("dikerjakan oleh Staf Bagian Konseling & Asesmen, bukan Anda", Card(await TestClient.ParseAsync(crafted), "1").QuerySelector(".step-error")!.TextContent);
        }

        (_, page) = await staf.PageAsync(path);
        using var stored = await UploadAsync(staf, page, "article[data-langkah='1'] form.step-upload", $"{path}?handler=LangkahDokumen", new() { ["TingkatDokumen"] = "administratif" });
        Assert.Equal(HttpStatusCode.Redirect, stored.StatusCode);
        var (_, after) = await staf.PageAsync(path);
        Assert.Contains("Langkah 1 selesai", after.QuerySelector(".alert.success")!.TextContent);
        Assert.Equal("Surat Hasil Pemeriksaan", (string)(await TestDatabase.ScalarAsync(_campus.Database, "SELECT jenis FROM kasus.documents WHERE jenis IS NOT NULL"))!);
        await AssertOutputAsync(c, "1", "unggah Surat Hasil Pemeriksaan", $"dokumen Surat Hasil Pemeriksaan diunggah oleh Maya Sari Handayani, M.Psi., Psikolog");
    }

    [Fact]
    public async Task Jadwal_the_agreement_completes_the_step_and_gives_the_session_step_its_due_time()
    {
        using var staf = await AsAsync(Staf);
        var c = await OpenCaseAsync(staf, "UJI-JADWAL");
        var path = PathOf(c);
        await AssertRefusedBeforeWorkAsync(staf, c, "Langkah 1 belum dikerjakan: kesepakatan jadwal.");
        var day = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(10));
        var agreement = new Dictionary<string, string>
        {
            ["Tanggal"] = day.ToString("yyyy-MM-dd"), ["Jam"] = "10:00", ["DurasiMenit"] = "60", ["Tautan"] = "https://meet.kampus.test/uji-jadwal", ["KodeRapat"] = "UJ1", ["SandiRapat"] = "rahasia-uji",
        };
        await AssertOthersCannotActAsync(c, "form.step-agree", "LangkahJanji", agreement);

        var (_, page) = await staf.PageAsync(path);
        using (var missing = await staf.SubmitAsync(page, "article[data-langkah='1'] form.step-agree", new Dictionary<string, string> { ["Tanggal"] = agreement["Tanggal"], ["Jam"] = "10:00" }, $"{path}?handler=LangkahJanji"))
            Assert.Contains("Isi tempat pertemuan atau tautan konseling online.", Card(await TestClient.ParseAsync(missing), "1").QuerySelector(".step-error")!.TextContent);
        using var agreed = await staf.SubmitAsync(page, "article[data-langkah='1'] form.step-agree", agreement, $"{path}?handler=LangkahJanji");
        Assert.Equal(HttpStatusCode.Redirect, agreed.StatusCode);

        var (_, after) = await staf.PageAsync(path);
        Assert.Contains("Langkah 1 selesai", after.QuerySelector(".alert.success")!.TextContent);
        var evidence = $"jadwal {day:dd/MM/yyyy} 10:00 WIB https://meet.kampus.test/uji-jadwal (kode UJ1)";
        await AssertOutputAsync(c, "1", "kesepakatan jadwal", evidence, "Alamat link url/kode meeting");
        // "sesuai jadwal yang disepakati": the session is due at the agreed time, campus time (WIB).
        // The page shows campus time as Indonesian readers write it (10.00).
        Assert.Contains($"jatuh tempo {day:dd/MM/yyyy} 10.00", Card(after, "2").QuerySelector(".meta")!.TextContent);
        var instance = await _in.InstanceAsync(c.SopInstanceId!.Value);
        Assert.Equal(new DateTimeOffset(day.ToDateTime(new TimeOnly(3, 0)), TimeSpan.Zero), instance.Aktif.Single().JatuhTempo);

        // Moving the agreement (on the Jadwal tab) moves the due time.
        (_, page) = await staf.PageAsync($"{path}/jadwal");
        using var moved = await staf.SubmitAsync(page, "form.agree", new Dictionary<string, string>
        {
            ["Tanggal"] = day.ToString("yyyy-MM-dd"), ["Jam"] = "13:00", ["DurasiMenit"] = "60", ["Tempat"] = "Ruang Konseling 2", ["Alasan"] = "Konselor rapat.",
        }, $"{path}/jadwal?handler=Janji");
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Equal(new DateTimeOffset(day.ToDateTime(new TimeOnly(6, 0)), TimeSpan.Zero), (await _in.InstanceAsync(c.SopInstanceId!.Value)).Aktif.Single().JatuhTempo);
    }

    [Fact]
    public async Task Rujukan_and_hasilRujukan_the_referral_and_its_result_recorded_on_the_card_complete_their_steps()
    {
        using var staf = await AsAsync(Staf);
        var c = await OpenCaseAsync(staf, "UJI-RUJUK");
        var path = PathOf(c);
        await AssignAsync(c, Staf);
        await AssertRefusedBeforeWorkAsync(staf, c, "Langkah 1 belum dikerjakan: rujukan eksternal.");
        var referral = new Dictionary<string, string> { ["Kepada"] = "RSJ Dr. Radjiman Wediodiningrat", ["JenisRujukan"] = "rumah-sakit", ["Layanan"] = "Asesmen psikiatri" };
        await AssertOthersCannotActAsync(c, "form.step-refer", "LangkahRujuk", referral);

        var (_, page) = await staf.PageAsync(path);
        using (var referred = await staf.SubmitAsync(page, "article[data-langkah='1'] form.step-refer", referral, $"{path}?handler=LangkahRujuk"))
            Assert.Equal(HttpStatusCode.Redirect, referred.StatusCode);
        var (_, after) = await staf.PageAsync(path);
        Assert.Contains("Langkah 1 selesai", after.QuerySelector(".alert.success")!.TextContent);
        var nomor = (await staf.PageAsync($"{path}/surat")).Page.QuerySelector("table.letters tbody tr")!.GetAttribute("data-surat")!;
        await AssertOutputAsync(c, "1", "rujukan eksternal", $"rujukan ke RSJ Dr. Radjiman Wediodiningrat, surat {nomor}");

        await AssertRefusedBeforeWorkAsync(staf, c, "Langkah 2 belum dikerjakan: hasil layanan eksternal.", "2");
        var rujukan = Card(after, "2").QuerySelector("form.step-result select[name='Rujukan'] option")!.GetAttribute("value")!;
        await AssertOthersCannotActAsync(c, "form.step-result", "LangkahHasil", new() { ["Rujukan"] = rujukan, ["Hasil"] = "Hasil dari dosen" }, "2");
        using (var result = await staf.SubmitAsync(after, "article[data-langkah='2'] form.step-result", new Dictionary<string, string> { ["Rujukan"] = rujukan, ["Hasil"] = "Diagnosis dan rencana terapi." }, $"{path}?handler=LangkahHasil"))
            Assert.Equal(HttpStatusCode.Redirect, result.StatusCode);
        var (_, done) = await staf.PageAsync(path);
        Assert.Contains("Langkah 2 selesai", done.QuerySelector(".alert.success")!.TextContent);
        // Only that the result came: its content is counseling and stays out of the SOP history.
        await AssertOutputAsync(c, "2", "hasil layanan eksternal", "hasil dari RSJ Dr. Radjiman Wediodiningrat dicatat");
    }

    [Fact]
    public async Task Tunjuk_the_person_named_on_the_card_alone_works_the_lane_and_the_counselor_follows_the_case_assignment()
    {
        using var staf = await AsAsync(Staf);
        var c = await OpenCaseAsync(staf, "UJI-TUNJUK");
        var path = PathOf(c);
        await AssertRefusedBeforeWorkAsync(staf, c, "Langkah 1 belum dikerjakan: penunjukan pendamping.");
        var unit = await _in.InCampusAsync(async sp => (await sp.GetRequiredService<CampusKonseling.Users.IUserDirectory>().UsersInRoleAsync(UnitTerkait)).First());
        await AssertOthersCannotActAsync(c, "form.step-name", "LangkahTunjuk", new() { ["PenggunaId"] = unit.Id });

        var (_, page) = await staf.PageAsync(path);
        // The choice is among the holders of the lane's role only.
        Assert.Equal([unit.Nama], Card(page, "1").QuerySelectorAll("form.step-name option[value]:not([value=''])").Select(o => o.TextContent.Trim()));
        using (var named = await staf.SubmitAsync(page, "article[data-langkah='1'] form.step-name", new Dictionary<string, string> { ["PenggunaId"] = unit.Id }, $"{path}?handler=LangkahTunjuk"))
            Assert.Equal(HttpStatusCode.Redirect, named.StatusCode);
        var (_, after) = await staf.PageAsync(path);
        Assert.Contains("Langkah 1 selesai", after.QuerySelector(".alert.success")!.TextContent);
        await AssertOutputAsync(c, "1", "penunjukan pendamping", unit.Nama);
        Assert.Contains($"Ditunjuk sebagai pendamping: {unit.Nama}", after.QuerySelector("ol.entries")!.TextContent);

        // Step 2 is the named person's: staff see it read-only, the person works it.
        Assert.Contains($"dikerjakan oleh", Card(after, "2").QuerySelector(".who")!.TextContent);
        Assert.Null(Card(after, "2").QuerySelector("form.step-complete"));
        using var person = await AsAsync(UnitTerkait);
        var (_, theirs) = await person.PageAsync(path);
        using (var completed = await person.SubmitAsync(theirs, "article[data-langkah='2'] form.step-complete", new Dictionary<string, string>(), $"{path}?handler=Selesaikan"))
            Assert.Equal(HttpStatusCode.Redirect, completed.StatusCode);

        // Step 3's lane is the case's counselor: assigning the case on its page names them for the SOP, and reassigning moves it.
        await AssignAsync(c, Staf);
        var (_, three) = await staf.PageAsync(path);
        Assert.NotNull(Card(three, "3").QuerySelector("form.step-complete"));
        await AssignAsync(c, "Staf Konseling & Asesmen", second: true);
        var (_, moved) = await staf.PageAsync(path);
        Assert.Null(Card(moved, "3").QuerySelector("form.step-complete"));
        Assert.Contains("(sebelumnya Maya Sari Handayani, M.Psi., Psikolog)", moved.QuerySelector("ol.entries")!.TextContent);
    }

    [Fact]
    public async Task Darurat_staff_mark_a_case_urgent_with_a_reason_and_it_takes_the_urgent_path_on_the_plain_clock()
    {
        using var staf = await AsAsync(Staf);
        var c = await OpenCaseAsync(staf, "UJI-DARURAT");
        var path = PathOf(c);
        var client = $"{path}/klien";
        var (_, page) = await staf.PageAsync(client);

        // Without a reason nothing changes, and the reader is told where they look.
        using var bare = await staf.SubmitAsync(page, "details.urgent form", new Dictionary<string, string> { ["darurat"] = "true" }, $"{client}?handler=TandaiDarurat");
        Assert.Equal("Tuliskan alasan kasus ini ditandai darurat atau tidak lagi darurat.", (await TestClient.ParseAsync(bare)).QuerySelector("#alasan-darurat-galat")!.TextContent);
        Assert.False((await _in.InstanceAsync(c.SopInstanceId!.Value)).Konteks.ContainsKey("darurat"));

        // A dosen PA (no ManageCases) may not mark it.
        using (var dosen = await AsAsync(DosenPa))
        {
            var (_, hers) = await dosen.PageAsync(client);
            Assert.Null(hers.QuerySelector("details.urgent"));
            using var forged = await dosen.PostWithTokenAsync(hers, $"{client}?handler=TandaiDarurat", new Dictionary<string, string> { ["darurat"] = "true", ["AlasanDarurat"] = "x" });
            Assert.Contains("akses-ditolak", forged.Headers.Location?.OriginalString ?? "");
            Assert.False((await _in.InstanceAsync(c.SopInstanceId!.Value)).Konteks.ContainsKey("darurat"));
        }

        using var marked = await staf.SubmitAsync(page, "details.urgent form",
            new Dictionary<string, string> { ["darurat"] = "true", ["AlasanDarurat"] = "Klien menyatakan ingin mengakhiri hidup" }, $"{client}?handler=TandaiDarurat");
        Assert.Equal(HttpStatusCode.Redirect, marked.StatusCode);
        var instance = await _in.InstanceAsync(c.SopInstanceId!.Value);
        Assert.Equal("ya", instance.Konteks["darurat"]);
        // "2 Hari" now counts on the plain clock: 48 hours from the step's activation, nights and weekends included.
        var first = Assert.Single(instance.Aktif);
        Assert.Equal(first.DiaktifkanPada + TimeSpan.FromHours(48), first.JatuhTempo);
        var (_, after) = await staf.PageAsync(path);
        Assert.Contains("Ditandai darurat: Klien menyatakan ingin mengakhiri hidup", after.QuerySelector("section.timeline")!.TextContent);

        // Completing the assessment takes the urgent path without anyone choosing it.
        using var done = await staf.SubmitAsync(after, "article[data-langkah='1'] form.step-complete", new Dictionary<string, string>(), $"{path}?handler=Selesaikan");
        instance = await _in.InstanceAsync(c.SopInstanceId!.Value);
        var decision = instance.Riwayat.Single(e => e.StepId == "k" && e.Jenis == StepEventKind.Diselesaikan);
        Assert.Equal(("Jalur darurat", "system"), (decision.Pilihan, decision.OlehId));
        Assert.Equal("d", Assert.Single(instance.Aktif).StepId);
    }

    private static string PathOfPrefix(TestTenant t, Guid id) => $"{t.Prefix}/admin/kasus/{id}";
    private string PathOf(CaseRow c) => PathOfPrefix(_campus, c.Id);

    private static IElement Card(IDocument page, string step) =>
        page.QuerySelector($"article.step-card[data-langkah='{step}']") ?? throw new InvalidOperationException($"No card for step {step}:\n{page.QuerySelector(".case-now")?.TextContent}");

    private async Task<TestClient> AsAsync(string role, int index = 0)
    {
        var client = platform.Client();
        var email = await _in.InCampusAsync(async sp => (await sp.GetRequiredService<CampusKonseling.Users.IUserDirectory>().UsersInRoleAsync(role)).OrderBy(u => u.Email).ElementAt(index).Email!);
        await client.SignInAsync(_campus.Prefix, email, "Demo12345");
        return client;
    }

    /// <summary>Staff open a walk-in case running the SOP, as on the "new case" page.</summary>
    private async Task<CaseRow> OpenCaseAsync(TestClient staf, string sop)
    {
        using var opened = await staf.SubmitAsync($"{_campus.Prefix}/admin/kasus/baru", "form.new-case", new Dictionary<string, string>
        {
            ["Nama"] = "Rahmat Hidayat", ["Nim"] = "2021009999", ["Cara"] = "Datang langsung", ["Sop"] = sop, ["JenisKlien"] = "Mahasiswa",
        });
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        var id = Guid.Parse(opened.Headers.Location!.OriginalString.Split('/').Last());
        return await _in.InCampusAsync(sp => sp.GetRequiredService<CasesDb>().Cases.AsNoTracking().SingleAsync(x => x.Id == id));
    }

    /// <summary>The campus admin assigns the case to the role's first (or second) user on its page.</summary>
    private async Task AssignAsync(CaseRow c, string role, bool second = false)
    {
        var id = await _in.InCampusAsync(async sp => (await sp.GetRequiredService<CampusKonseling.Users.IUserDirectory>().UsersInRoleAsync(role)).OrderBy(u => u.Email).ElementAt(second ? 1 : 0).Id);
        var (_, page) = await _admin.PageAsync($"{PathOf(c)}/klien");
        using var assigned = await _admin.SubmitAsync(page, "form.assign", new Dictionary<string, string> { ["KonselorId"] = id }, $"{PathOf(c)}/klien?handler=Tugaskan");
        Assert.Equal(HttpStatusCode.Redirect, assigned.StatusCode);
    }

    private async Task AssertRefusedBeforeWorkAsync(TestClient staf, CaseRow c, string refusal, string step = "1")
    {
        var (_, page) = await staf.PageAsync(PathOf(c));
        Assert.Equal("missing", Card(page, step).QuerySelector("ul.step-actions li")!.GetAttribute("class"));
        using var refused = await staf.SubmitAsync(page, $"article[data-langkah='{step}'] form.step-complete", new Dictionary<string, string> { ["CatatanLangkah"] = "sudah" }, $"{PathOf(c)}?handler=Selesaikan");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var kept = await TestClient.ParseAsync(refused);
        Assert.Equal(refusal, Card(kept, step).QuerySelector(".step-error")!.TextContent);
        Assert.Equal("sudah", Card(kept, step).QuerySelector("input[name='CatatanLangkah']")!.GetAttribute("value"));
    }

    /// <summary>A user outside the step's lanes (the dosen PA, who may read the case) sees it read-only, and neither its action nor its completion goes through.</summary>
    private async Task AssertOthersCannotActAsync(CaseRow c, string form, string handler, Dictionary<string, string> values, string step = "1")
    {
        using var dosen = await AsAsync(DosenPa);
        var (_, page) = await dosen.PageAsync(PathOf(c));
        Assert.Null(Card(page, step).QuerySelector(form));
        Assert.Null(Card(page, step).QuerySelector("form.step-complete"));
        Assert.Contains("dikerjakan oleh", Card(page, step).QuerySelector(".who")!.TextContent);
        var fields = new Dictionary<string, string>(values) { ["Langkah"] = step, ["Aksi"] = "0" };
        using var crafted = await dosen.PostWithTokenAsync(page, $"{PathOf(c)}?handler={handler}", fields);
        Assert.Equal(HttpStatusCode.OK, crafted.StatusCode);
        Assert.Contains("bukan Anda", Card(await TestClient.ParseAsync(crafted), step).QuerySelector(".step-error")!.TextContent);
        using var complete = await dosen.PostWithTokenAsync(page, $"{PathOf(c)}?handler=Selesaikan", new Dictionary<string, string> { ["Langkah"] = step });
        Assert.Contains("Anda tidak memegang peran tersebut", Card(await TestClient.ParseAsync(complete), step).QuerySelector(".step-error")!.TextContent);
        var instance = await _in.InstanceAsync(c.SopInstanceId!.Value);
        Assert.Contains(instance.Aktif, a => a.StepId == step);
    }

    /// <summary>The step's completion in the SOP history records the evidence under the action's label (and the step's output).</summary>
    private async Task AssertOutputAsync(CaseRow c, string step, string label, string evidence, string? output = null)
    {
        var instance = await _in.InstanceAsync(c.SopInstanceId!.Value);
        var done = instance.Riwayat.Single(e => e.StepId == step && e.Jenis == StepEventKind.Diselesaikan);
        Assert.Equal(evidence, done.Keluaran[label]);
        if (output is not null) Assert.Equal(evidence, done.Keluaran[output]);
    }

    private static async Task<HttpResponseMessage> UploadAsync(TestClient who, IDocument page, string form, string path, Dictionary<string, string> values)
    {
        var token = page.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var input in page.QuerySelectorAll($"{form} input[type=hidden]"))
            if (input.GetAttribute("name") is { } n && n != "__RequestVerificationToken" && !values.ContainsKey(n)) content.Add(new StringContent(input.GetAttribute("value") ?? ""), n);
        foreach (var (k, v) in values) content.Add(new StringContent(v), k);
        if (!values.ContainsKey("TingkatDokumen")) content.Add(new StringContent("administratif"), "TingkatDokumen");
        content.Add(new ByteArrayContent("%PDF-1.4\nsurat hasil pemeriksaan\n"u8.ToArray()), "berkas", "pemeriksaan.pdf");
        return await who.Http.PostAsync(path.TrimStart('/'), content);
    }
}
