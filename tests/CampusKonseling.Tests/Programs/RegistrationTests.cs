using System.Net;
using CampusKonseling.Programs.Data;
using CampusKonseling.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CampusKonseling.Tests.Programs;

/// <summary>The public registration: capacity and waiting list, cancelling by the participant's link, and the form's messages.</summary>
[Collection(PlatformCollection.Name)]
public sealed class RegistrationTests(PlatformFixture platform) : IAsyncLifetime
{
    private ProgramCampus _c = null!;

    public async Task InitializeAsync() => _c = await ProgramCampus.CreateAsync(platform, "progdaftar");
    public Task DisposeAsync() { _c.Dispose(); return Task.CompletedTask; }

    private static string Email(string who) => $"{who}.{Guid.NewGuid():N}@mhs.test";

    [Fact]
    public async Task A_full_program_puts_later_students_on_the_waiting_list_and_a_cancellation_gives_the_first_one_the_seat()
    {
        var program = await _c.NewProgramAsync(kapasitas: 2);
        var (ani, budi, citra, dedi) = (Email("ani"), Email("budi"), Email("citra"), Email("dedi"));
        var a = await _c.RegisteredAsync(platform, program, "Ani", ani);
        await _c.RegisteredAsync(platform, program, "Budi", budi);
        var c = await _c.RegisteredAsync(platform, program, "Citra", citra);
        var d = await _c.RegisteredAsync(platform, program, "Dedi", dedi);
        Assert.Equal(["terdaftar", "terdaftar", "menunggu", "menunggu"], (await _c.ParticipantsAsync(program)).Select(p => p.Status));
        Assert.Contains("daftar tunggu", (await MailDev.WaitForAsync(citra)).Subject, StringComparison.OrdinalIgnoreCase);

        using var visitor = platform.Client();
        var (_, detail) = await visitor.PageAsync($"{_c.Campus.Prefix}/program/{program}");
        Assert.Contains("Kuota penuh", detail.QuerySelector("#sisa-kursi")!.TextContent);
        var (_, ticketD) = await visitor.PageAsync($"{_c.Campus.Prefix}/program/tiket/{d.Token}");
        Assert.Contains("urutan ke-2", ticketD.QuerySelector("#urutan-tunggu")!.TextContent);

        // Ani cancels from the link in her e-mail: Citra, first in line, gets the seat and an e-mail with her code; Dedi moves up.
        using (var cancelled = await visitor.SubmitAsync($"{_c.Campus.Prefix}/program/tiket/{a.Token}", "form.cancel", new Dictionary<string, string>()))
            Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        var after = (await _c.ParticipantsAsync(program)).ToDictionary(p => p.Email, p => p.Status);
        Assert.Equal(("batal", "terdaftar", "terdaftar", "menunggu"), (after[ani], after[budi], after[citra], after[dedi]));
        var seat = await MailDev.WaitForAsync(citra, where: m => m.Subject.Contains("mendapat kursi"));
        Assert.Contains(c.Kode, seat.Text);
        Assert.Contains($"/program/tiket/{c.Token}", seat.Text);
        Assert.Contains($"/program/tiket/{c.Token}/qr.png", seat.Text);
        (_, ticketD) = await visitor.PageAsync($"{_c.Campus.Prefix}/program/tiket/{d.Token}");
        Assert.Contains("urutan ke-1", ticketD.QuerySelector("#urutan-tunggu")!.TextContent);

        // Cancelling again changes nothing: no second promotion.
        using (await visitor.PostWithTokenAsync(ticketD, $"{_c.Campus.Prefix}/program/tiket/{a.Token}?handler=Batal", new Dictionary<string, string>())) { }
        Assert.Equal("menunggu", (await _c.ParticipantsAsync(program)).Single(p => p.Email == dedi).Status);
    }

    [Fact]
    public async Task The_confirmation_carries_the_participants_qr_code_code_and_cancel_link()
    {
        var program = await _c.NewProgramAsync();
        var email = Email("eka");
        var p = await _c.RegisteredAsync(platform, program, "Eka Saputra", email);
        var mail = await MailDev.WaitForAsync(email);
        Assert.Contains("Bukti pendaftaran", mail.Subject);
        Assert.Contains(p.Kode, mail.Text);
        Assert.Contains($"/program/tiket/{p.Token}", mail.Text);
        Assert.True(mail.Html.Contains($"/program/tiket/{p.Token}/qr.png\">"), mail.Html); // one tap from the mail to the QR code
        using var visitor = platform.Client();
        using var png = await visitor.GetAsync($"{_c.Campus.Prefix}/program/tiket/{p.Token}/qr.png");
        Assert.Equal("image/png", png.Content.Headers.ContentType!.MediaType);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], (await png.Content.ReadAsByteArrayAsync())[..4]);
        using var unknown = await visitor.GetAsync($"{_c.Campus.Prefix}/program/tiket/tidak-ada/qr.png");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Bad_entries_are_explained_beside_their_fields_in_indonesian_and_nothing_typed_is_lost()
    {
        var program = await _c.NewProgramAsync();
        using var response = await _c.RegisterAsync(platform, program, "Fitri Handayani", "fitri@", nim: "12", telepon: "12345");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await TestClient.ParseAsync(response);
        Assert.Contains("Alamat e-mail tidak valid", page.QuerySelector("#err-email")!.TextContent);
        Assert.Contains("NIM terdiri dari", page.QuerySelector("#err-nim")!.TextContent);
        Assert.Contains("Nomor HP tidak valid", page.QuerySelector("#err-telepon")!.TextContent);
        Assert.Equal("Fitri Handayani", page.QuerySelector("#Nama")!.GetAttribute("value"));
        Assert.Equal("12345", page.QuerySelector("#Telepon")!.GetAttribute("value"));
        Assert.Empty(await _c.ParticipantsAsync(program));

        var email = Email("gita");
        await _c.RegisteredAsync(platform, program, "Gita", email);
        using var twice = await _c.RegisterAsync(platform, program, "Gita", email.ToUpperInvariant());
        Assert.Contains("sudah terdaftar", (await TestClient.ParseAsync(twice)).QuerySelector("#err-email")!.TextContent);
    }

    [Fact]
    public async Task A_bot_filling_the_hidden_field_is_thanked_and_nothing_is_stored()
    {
        var program = await _c.NewProgramAsync();
        using var bot = platform.Client();
        using var response = await bot.SubmitAsync($"{_c.Campus.Prefix}/program/{program}", "form.registration",
            new Dictionary<string, string> { ["Nama"] = "Bot", ["Email"] = Email("bot"), ["situs_web"] = "http://spam.test" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Empty(await _c.ParticipantsAsync(program));
    }

    [Fact]
    public async Task A_nim_is_checked_against_the_student_directory_when_the_directory_has_the_student()
    {
        await _c.SeedStudentsAsync(("2210101001", "Hana Pertiwi", "Pendidikan Matematika", 3, "aktif", null), ("2010101009", "Iwan Keluar", "Akuntansi", 7, "keluar", null));
        var program = await _c.NewProgramAsync();
        var known = await _c.RegisteredAsync(platform, program, "Hana Pertiwi", Email("hana"), nim: "2210101001");
        Assert.True(known.Terverifikasi);
        Assert.Equal("Pendidikan Matematika", known.Prodi);
        var unknown = await _c.RegisteredAsync(platform, program, "Joko", Email("joko"), nim: "2299999999");
        Assert.False(unknown.Terverifikasi);
        using var left = await _c.RegisterAsync(platform, program, "Iwan", Email("iwan"), nim: "2010101009");
        Assert.Contains("sudah keluar", (await TestClient.ParseAsync(left)).QuerySelector("#err-nim")!.TextContent);

        // Staff see which NIMs the directory confirmed.
        var (_, page) = await _c.Admin.PageAsync($"{_c.Campus.Prefix}/admin/program/{program}");
        Assert.Contains("Pendidikan Matematika", page.QuerySelector($"tr[data-peserta='{known.Id}']")!.TextContent);
        Assert.Contains("tidak ada di direktori", page.QuerySelector($"tr[data-peserta='{unknown.Id}']")!.TextContent);
    }

    [Fact]
    public async Task Registration_closes_when_the_program_is_cancelled_and_those_registered_are_told()
    {
        var program = await _c.NewProgramAsync();
        var registered = await _c.RegisteredAsync(platform, program, "Kiki", Email("kiki"));
        using (var closed = await _c.StaffPostAsync(program, "Status", new Dictionary<string, string> { ["status"] = "dibatalkan" }))
            Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        using var visitor = platform.Client();
        var (status, page) = await visitor.PageAsync($"{_c.Campus.Prefix}/program/{program}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Null(page.QuerySelector("form.registration"));
        Assert.Contains("dibatalkan", page.QuerySelector(".alert")!.TextContent);
        Assert.Contains("dibatalkan", (await MailDev.WaitForAsync(registered.Email, where: m => m.Subject.Contains("Program dibatalkan"))).Text);
        Assert.Equal(1L, await _c.In.InCampusAsync(sp => sp.GetRequiredService<ProgramsDb>().Participants.LongCountAsync(p => p.ProgramId == program)));
    }
}
