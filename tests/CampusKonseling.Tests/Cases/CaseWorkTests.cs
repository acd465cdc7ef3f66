using System.Net;
using System.Text.RegularExpressions;
using CampusKonseling.Cases.Data;
using CampusKonseling.Forms.Data;
using CampusKonseling.Identity.Data;
using CampusKonseling.Notifications.Data;
using CampusKonseling.Tests.Forms;
using CampusKonseling.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CampusKonseling.Tests.Cases;

/// <summary>Requests become cases in the right staff inbox; counseling notes are sealed from everyone but the case's counselor.</summary>
[Collection(PlatformCollection.Name)]
public sealed class CaseWorkTests(PlatformFixture platform) : CaseCampusTests(platform, "kasus")
{
    [Fact]
    public async Task A_request_becomes_a_case_in_the_inbox_of_the_role_at_its_step_and_nowhere_else()
    {
        var c = await SubmitAsync();
        Assert.Matches(@"^KS-\d{4}-\d{6}$", c.Nomor);
        Assert.Equal((CaseStatus.Baru, "Dewi Lestari", "2021001234"), (c.Status, c.Nama, c.Nim));
        Assert.Contains(Staf, c.PeranAktif);
        // IK-KA-INISIATIF's step 1 ("Mahasiswa menyampaikan kebutuhan layanan") is the form itself: the case waits at step 2.
        Assert.StartsWith("2 ", c.LangkahAktif);

        using var staf = await SignInAsync(Staf);
        var (_, inbox) = await staf.PageAsync($"{_site.Campus.Prefix}/admin/kasus");
        Assert.NotNull(inbox.QuerySelector($"tr[data-kasus='{c.Nomor}']"));
        Assert.Contains("Layanan Konseling Mahasiswa Inisiatif Sendiri", inbox.QuerySelector(".sop-counts")!.TextContent);
        var (_, atStep) = await staf.PageAsync($"{_site.Campus.Prefix}/admin/kasus?Langkah=mengecek");
        Assert.NotNull(atStep.QuerySelector($"tr[data-kasus='{c.Nomor}']"));
        var (_, otherStep) = await staf.PageAsync($"{_site.Campus.Prefix}/admin/kasus?Langkah=mengidentifikasi");
        Assert.Null(otherStep.QuerySelector($"tr[data-kasus='{c.Nomor}']"));

        using var unit = await SignInAsync(UnitTerkait);
        var (_, other) = await unit.PageAsync($"{_site.Campus.Prefix}/admin/kasus");
        Assert.Null(other.QuerySelector($"tr[data-kasus='{c.Nomor}']"));
    }

    [Fact]
    public async Task Counseling_notes_are_encrypted_and_read_only_by_the_assigned_counselor()
    {
        const string secret = "Klien mengungkapkan pikiran menyakiti diri sejak semester lalu";
        var c = await SubmitAsync("Saya merasa sangat tertekan dan sulit tidur setiap malam.");
        // The campus admin assigns the counselor, but is not a counselor: no counseling text for them.
        await AssignStaffAsync(c);

        using var counselor = await SignInAsync(Staf);
        var (_, summary) = await counselor.PageAsync(CasePath(c));
        Assert.Contains("Saya merasa sangat tertekan", summary.QuerySelector(".entries")!.TextContent);
        var (_, page) = await counselor.PageAsync(CasePath(c, "catatan"));
        // The case's counselor writes at the counseling tier unless they choose otherwise.
        Assert.Equal("konseling", page.QuerySelector("form.note input[name='Tingkat'][checked]")!.GetAttribute("value"));
        using var wrote = await counselor.SubmitAsync(page, "form.note", new Dictionary<string, string> { ["Jenis"] = "sesi", ["Tingkat"] = "konseling", ["Isi"] = secret }, CasePath(c, "catatan"));
        Assert.Equal(HttpStatusCode.Redirect, wrote.StatusCode);
        Assert.Contains(secret, await CasePageAsync(counselor, c));

        // Not readable in the database, neither the note nor the client's own account (which the form's answers no longer hold).
        var stored = await TestDatabase.ScalarAsync(_site.Campus.Database, "SELECT string_agg(isi, ' ') FROM kasus.entries");
        Assert.DoesNotContain("menyakiti", (string)stored!);
        Assert.DoesNotContain("tertekan", (string)stored!);
        var answers = await TestDatabase.ScalarAsync(_site.Campus.Database, $"SELECT jawaban::text FROM forms.submissions WHERE kode_pelacakan = '{c.KodePelacakan}'");
        Assert.DoesNotContain("tertekan", (string)answers!);

        foreach (var reader in new[] { _site.Admin, await SignInAsync(DosenPa) })
        {
            var html = await CasePageAsync(reader, c);
            Assert.DoesNotContain("menyakiti", html);
            Assert.DoesNotContain("tertekan", html);
            Assert.Contains("hanya untuk konselor kasus ini", html);
            var (_, list) = await reader.PageAsync($"{_site.Campus.Prefix}/admin/kasus?Semua=true");
            Assert.DoesNotContain("tertekan", list.DocumentElement.OuterHtml);
        }
        // A reader without access cannot write into the counseling tier either.
        using var dosen = await SignInAsync(DosenPa);
        var (_, dosenPage) = await dosen.PageAsync(CasePath(c, "catatan"));
        // Who may not write the counseling tier is not offered it, and their note defaults to the administrative one.
        Assert.Null(dosenPage.QuerySelector("form.note input[name='Tingkat'][value='konseling']"));
        Assert.Equal("administratif", dosenPage.QuerySelector("form.note input[name='Tingkat'][checked]")!.GetAttribute("value"));
        using var refused = await dosen.PostWithTokenAsync(dosenPage, $"{CasePath(c, "catatan")}?handler=Catatan", new Dictionary<string, string> { ["Jenis"] = "catatan", ["Tingkat"] = "konseling", ["Isi"] = "coba" });
        Assert.Equal("Catatan konseling hanya dapat ditulis oleh konselor kasus ini.", (await TestClient.ParseAsync(refused)).QuerySelector(".note .field-error")!.TextContent);
    }

    [Fact]
    public async Task Break_glass_needs_a_reason_opens_the_notes_for_its_holder_and_tells_the_unit_heads()
    {
        var c = await SubmitAsync("Saya merasa sangat tertekan dan sulit tidur setiap malam.");
        await _site.In.InCampusAsync(async sp =>
        {
            var roles = sp.GetRequiredService<RoleManager<CampusRole>>();
            await roles.AddClaimAsync((await roles.FindByNameAsync(DosenPa))!, new System.Security.Claims.Claim(IdentityDb.PermissionClaim, "BreakGlass"));
            sp.GetRequiredService<CampusKonseling.Identity.Security.PermissionService>().Invalidate();
            return 0;
        });
        using var dosen = await SignInAsync(DosenPa);
        var path = CasePath(c, "catatan");
        var (_, page) = await dosen.PageAsync(path);
        using var tooShort = await dosen.SubmitAsync(page, "form.break-glass", new Dictionary<string, string> { ["Alasan"] = "darurat" }, $"{path}?handler=Darurat");
        Assert.StartsWith("Tuliskan alasan", (await TestClient.ParseAsync(tooShort)).QuerySelector(".break-glass .field-error")!.TextContent);
        Assert.DoesNotContain("tertekan", await CasePageAsync(dosen, c));

        using var opened = await dosen.SubmitAsync(page, "form.break-glass", new Dictionary<string, string> { ["Alasan"] = "Orang tua klien melapor klien tidak dapat dihubungi sejak kemarin." }, $"{path}?handler=Darurat");
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.Contains("tertekan", await CasePageAsync(dosen, c));

        var headEmail = await _site.In.EmailOfAsync(Staf);
        var notice = await _site.In.InCampusAsync(async sp =>
        {
            var head = (await sp.GetRequiredService<UserManager<CampusUser>>().FindByEmailAsync(headEmail))!;
            return await sp.GetRequiredService<NotificationsDb>().Items.AsNoTracking().SingleAsync(n => n.UserId == head.Id && n.Jenis == "kasus-buka-darurat");
        });
        Assert.Contains(c.Nomor, notice.Judul);
        Assert.Contains("tidak dapat dihubungi", notice.Isi);
        var mail = await MailDev.WaitForAsync(headEmail, where: m => m.Subject.Contains(c.Nomor));
        Assert.Contains("Buka darurat", mail.Subject);
        // On the audit trail: the break-glass and the reads that followed, never the notes themselves.
        var trail = await TestDatabase.ScalarAsync(_site.Campus.Database, $"SELECT string_agg(jenis || ':' || ringkasan, ' | ' ORDER BY urutan) FROM audit.entries WHERE subjek_id = '{c.Id}'");
        Assert.Contains("buka-darurat:", (string)trail!);
        Assert.Contains("baca-konseling:", (string)trail!);
        Assert.DoesNotContain("tertekan", (string)trail!);
    }

    [Fact]
    public async Task When_staff_complete_the_step_the_case_moves_on_in_the_inbox()
    {
        var c = await SubmitAsync();
        var actor = await _site.In.ActorAsync(Staf);
        var instance = await _site.In.InstanceAsync(c.SopInstanceId!.Value);
        var step = instance.Aktif.Single().StepId;
        var done = await _site.In.CompleteAsync(c.SopInstanceId!.Value, new CampusKonseling.Sop.Engine.CompleteStep(step), actor);
        Assert.True(done.Succeeded, done.Error);
        var moved = await _site.In.InCampusAsync(sp => sp.GetRequiredService<CasesDb>().Cases.AsNoTracking().SingleAsync(x => x.Id == c.Id));
        Assert.Equal(CaseStatus.Berjalan, moved.Status);
        Assert.NotEqual(c.LangkahAktif, moved.LangkahAktif);
        // The step after the one completed (the form itself does IK-KA-INISIATIF's step 1).
        Assert.StartsWith(done.Instance!.Aktif.Single().StepId + " ", moved.LangkahAktif);
    }

    [Fact]
    public async Task Staff_open_a_case_for_a_referred_client_and_it_enters_the_referral_sop()
    {
        var path = $"{_site.Campus.Prefix}/admin/kasus/baru";
        var values = new Dictionary<string, string>
        {
            ["Nama"] = "Bima Saputra", ["Nim"] = "2020004321", ["JenisKlien"] = "Mahasiswa", ["Cara"] = "Rujukan", ["Sop"] = "IK-KA-RUJUKAN",
            ["Uraian"] = "Dosen PA melihat nilai klien turun drastis dan klien sering menangis di kelas.",
        };
        using var missing = await _site.Admin.SubmitAsync(path, "form.new-case", values);
        var page = await TestClient.ParseAsync(missing);
        Assert.StartsWith("Sebutkan siapa yang merujuk", page.QuerySelector("[id=Perujuk] ~ .field-error")!.TextContent);
        Assert.Equal("Bima Saputra", page.QuerySelector("#Nama")!.GetAttribute("value"));

        values["Perujuk"] = "Dosen PA Prodi Psikologi";
        using var opened = await _site.Admin.SubmitAsync(path, "form.new-case", values);
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        var c = await _site.In.InCampusAsync(sp => sp.GetRequiredService<CasesDb>().Cases.AsNoTracking().SingleAsync(x => x.Nim == "2020004321"));
        Assert.Equal(("rujukan", "Dosen PA Prodi Psikologi", "IK-KA-RUJUKAN"), (c.Sumber, c.Perujuk, c.SopKode));
        Assert.Contains(Staf, c.PeranAktif);
        using var staf = await SignInAsync(Staf);
        var (_, inbox) = await staf.PageAsync($"{_site.Campus.Prefix}/admin/kasus");
        Assert.NotNull(inbox.QuerySelector($"tr[data-kasus='{c.Nomor}']"));
        Assert.DoesNotContain("menangis", await CasePageAsync(staf, c));
    }

    [Fact]
    public async Task A_note_saved_from_a_stale_page_does_not_undo_the_step_another_user_completed()
    {
        var c = await SubmitAsync();
        var actor = await _site.In.ActorAsync(Staf);
        var step = (await _site.In.InstanceAsync(c.SopInstanceId!.Value)).Aktif.Single().StepId;
        await _site.In.InCampusAsync(async sp =>
        {
            var db = sp.GetRequiredService<CasesDb>();
            var stale = await db.Cases.SingleAsync(x => x.Id == c.Id);
            // Meanwhile another user completes the step (another request, another scope).
            Assert.True((await _site.In.CompleteAsync(c.SopInstanceId!.Value, new CampusKonseling.Sop.Engine.CompleteStep(step), actor)).Succeeded);
            var user = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
                [new(System.Security.Claims.ClaimTypes.NameIdentifier, "u1"), new(System.Security.Claims.ClaimTypes.GivenName, "Staf")], "uji"));
            Assert.Null(await sp.GetRequiredService<CampusKonseling.Cases.Work.CaseTimeline>().WriteAsync(user, stale, "catatan", "administratif", "Klien menelepon ulang."));
            return 0;
        });
        var now = await _site.In.InCampusAsync(sp => sp.GetRequiredService<CasesDb>().Cases.AsNoTracking().SingleAsync(x => x.Id == c.Id));
        Assert.StartsWith((await _site.In.InstanceAsync(c.SopInstanceId!.Value)).Aktif.Single().StepId + " ", now.LangkahAktif);
        Assert.NotEqual(step, (await _site.In.InstanceAsync(c.SopInstanceId!.Value)).Aktif.Single().StepId);
    }
}
