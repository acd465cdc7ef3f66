using CampusKonseling.Cases.Data;
using CampusKonseling.Cases.Work;
using CampusKonseling.Sop.Engine;
using CampusKonseling.Tests.Infrastructure;
using CampusKonseling.Tests.Sop;
using CampusKonseling.Users;

namespace CampusKonseling.Tests.Cases;

/// <summary>
/// IPDN's four SOPs (seed 003) walked from intake to archive by the actors the document names, each step doing its work:
/// who may act and who may not, what the step produced (letters with their numbers, dispositions along the chain, the
/// upload, the meeting), due times on a controlled clock, that a step cannot complete without its work, and the archived case.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class IpdnSopWalkTests(PlatformFixture platform)
{
    // Monday 7 January 2030, 08:00 in Jakarta: the start of a working day (IPDN works 07:30–16:00, Monday to Friday).
    private static readonly DateTimeOffset MondayMorning = Campus.Wib(2030, 1, 7, 8, 0);
    private static readonly TimeZoneInfo Jakarta = TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta");

    private async Task<IpdnWalk> WalkAsync(string hint) =>
        new(platform, await platform.CreateTenantAsync("ipdn", hint), new ManualClock(MondayMorning));

    private static string Local(DateTimeOffset? at) => at is { } d ? TimeZoneInfo.ConvertTime(d, Jakarta).ToString("yyyy-MM-dd HH:mm") : "-";

    [Fact]
    public async Task Terapi_goes_up_the_disposition_chain_to_the_rektor_and_back_and_is_archived()
    {
        var w = await WalkAsync("terapi");
        await w.StartAsync("IPDN-BK-TERAPI", "Konselor/Psikolog");
        Assert.Equal("2030-01-07 08:15", Local((await w.InstanceAsync()).Aktif.Single().JatuhTempo));
        Assert.NotNull(await w.TryCompleteAsync("1", "Admin Web"));

        await w.CompleteAsync("1", "Konselor/Psikolog");
        Assert.NotNull(await w.TryCompleteAsync("2", "Staf"));
        await w.CompleteAsync("2", "Kasubbag/Arsiparis");

        // 3: the Kepala Unit reports with a Nota Dinas and names the staff member who accompanies the praja.
        Assert.Contains("belum dikerjakan", await w.TryCompleteAsync("3", "Kepala Unit"));
        var (nota, _) = await w.LetterAsync("nota-dinas");
        Assert.Matches(@"^001/ND/UBKPP/I/2030$", nota.Nomor);
        var staf = await w.Sop.ActorAsync("Staf");
        await w.WithAsync<bool>(async (_, steps, _) =>
        {
            await steps.UpdateAsync(w.Instance, new Dictionary<string, string?> { ["penugasan.pendamping"] = staf.Id, ["penugasan.pendamping.nama"] = staf.Nama });
            return true;
        });
        var step3 = (await w.StepAsync("3", "Kepala Unit"))!;
        Assert.Equal(staf.Nama, step3.Aksi.Single(a => a.Jenis == "tunjuk").Bukti);
        await w.CompleteWithWorkAsync("3", "Kepala Unit", "surat", $"surat {nota.Nomor}");

        // 4: only the named staff member accompanies; the Nota Dinas kelengkapan is the letter step 3 made.
        var step4 = (await w.StepAsync("4", "Staf"))!;
        Assert.True(step4.BolehDikerjakan);
        Assert.Contains(nota.Nomor, step4.Kelengkapan.Single(k => k.Nama == "Nota Dinas").Dipenuhi);
        Assert.NotNull(await w.TryCompleteAsync("4", "Kasubbag/Arsiparis"));
        await w.CompleteAsync("4", "Staf");

        // 5: the psychiatrist uploads the examination letter.
        Assert.Contains("belum dikerjakan", await w.TryCompleteAsync("5", "Psikiater"));
        await w.UploadAsync("Psikiater", "Surat Hasil Pemeriksaan");
        await w.CompleteWithWorkAsync("5", "Psikiater", "unggah", "dokumen Surat Hasil Pemeriksaan");

        // 6: the written report to the leaders, from the examination.
        Assert.NotNull((await w.StepAsync("6", "Kasubbag/Arsiparis"))!.Kelengkapan.Single(k => k.Nama == "Surat Hasil Pemeriksaan").Dipenuhi);
        var (laporan, _) = await w.LetterAsync("laporan-hasil-terapi");
        Assert.Matches(@"^001/LAP/", laporan.Nomor);
        await w.CompleteWithWorkAsync("6", "Kasubbag/Arsiparis", "surat", $"surat {laporan.Nomor}");

        // 7–9: the chain. Nobody else gives a leader's disposition, and no leader's step completes without it.
        var seven = (await w.InstanceAsync()).Aktif.Single();
        Assert.Equal("7", seven.StepId);
        Assert.Equal(seven.DiaktifkanPada.AddMinutes(15), seven.JatuhTempo);
        foreach (var other in new[] { "Staf", "Psikiater", "Kepala Biro III", "Rektor" })
        {
            var refused = await w.GiveAsync(other, "7", "Disposisi yang bukan haknya.");
            Assert.Contains("langkah 7 oleh Kepala Unit kepada Kepala Biro III", refused["Disposisi"]);
        }
        Assert.Contains("belum dikerjakan", await w.TryCompleteAsync("7", "Kepala Unit"));
        Assert.Equal("Tuliskan isi disposisi.", (await w.GiveAsync("Kepala Unit", "7", " "))["Instruksi"]);
        Assert.Empty(await w.GiveAsync("Kepala Unit", "7", "Mohon persetujuan terapi lanjutan di RS Polri.", new DateOnly(2030, 1, 9)));
        Assert.Equal("8", (await w.InstanceAsync()).Aktif.Single().StepId);

        w.Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Contains("Kepala Biro III kepada Rektor", (await w.GiveAsync("Rektor", "8", "Belum giliran Rektor."))["Disposisi"]);
        Assert.Empty(await w.GiveAsync("Kepala Biro III", "8", "Diteruskan untuk persetujuan Rektor."));
        w.Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Contains("Rektor kepada Kepala Unit", (await w.GiveAsync("Kepala Unit", "9", "Kepala Unit tidak memberi disposisi Rektor."))["Disposisi"]);
        Assert.Empty(await w.GiveAsync("Rektor", "9", "Disetujui. Laksanakan terapi dan laporkan perkembangannya."));

        var chain = await w.ChainAsync();
        Assert.Equal(["Kepala Unit → Kepala Biro III", "Kepala Biro III → Rektor", "Rektor → Kepala Unit"], chain.Select(d => $"{d.DariPeran} → {d.KepadaPeran}"));
        Assert.Equal(chain[0].Id, chain[1].IndukId);
        Assert.Equal(chain[1].Id, chain[2].IndukId);
        Assert.Equal([StatusDisposisi.Diteruskan, StatusDisposisi.Diteruskan, StatusDisposisi.Menunggu], chain.Select(d => d.Status));

        // 10: the Kepala Unit carries out the Rektor's disposition and reports back; someone else cannot.
        Assert.Equal("10", (await w.InstanceAsync()).Aktif.Single().StepId);
        Assert.NotNull(await w.ReportAsync("Staf", chain[2].Id, "Bukan penerima."));
        Assert.Contains("belum dikerjakan", await w.TryCompleteAsync("10", "Kepala Unit"));
        w.Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Null(await w.ReportAsync("Kepala Unit", chain[2].Id, "Terapi dijadwalkan di RS Polri setiap Kamis; perkembangan dilaporkan bulanan."));

        // 11: the Kasubbag archives with the Lembar Disposisi, filled from the chain.
        Assert.Equal("11", (await w.InstanceAsync()).Aktif.Single().StepId);
        Assert.Contains("belum dikerjakan", await w.TryCompleteAsync("11", "Kasubbag/Arsiparis"));
        var (lembar, fields) = await w.LetterAsync("lembar-disposisi");
        Assert.Matches(@"^001/DISP/UBKPP/I/2030$", lembar.Nomor);
        Assert.Equal("Mohon persetujuan terapi lanjutan di RS Polri. (batas 09/01/2030)", fields["disposisi_kepala_unit"]);
        Assert.Equal("Diteruskan untuk persetujuan Rektor.", fields["disposisi_kepala_biro"]);
        Assert.Equal("Disetujui. Laksanakan terapi dan laporkan perkembangannya.", fields["disposisi_rektor"]);
        Assert.Contains("Kepala Unit", fields["pelaksana"]);
        await w.CompleteWithWorkAsync("11", "Kasubbag/Arsiparis", "surat", $"surat {lembar.Nomor}");

        var instance = await w.InstanceAsync();
        Assert.Equal(InstanceStatus.Selesai, instance.Status);
        await AssertWalkedAsync(w, instance, new()
        {
            ["1"] = "Konselor/Psikolog", ["2"] = "Kasubbag/Arsiparis", ["3"] = "Kepala Unit", ["4"] = "Staf", ["5"] = "Psikiater", ["6"] = "Kasubbag/Arsiparis",
            ["7"] = "Kepala Unit", ["8"] = "Kepala Biro III", ["9"] = "Rektor", ["10"] = "Kepala Unit", ["11"] = "Kasubbag/Arsiparis",
        });
        var done = instance.Riwayat.Where(e => e.Jenis == StepEventKind.Diselesaikan).ToDictionary(e => e.StepId!);
        Assert.StartsWith("disposisi Kepala Unit → Kepala Biro III: Mohon persetujuan", done["7"].Keluaran["Disposisi"]);
        Assert.StartsWith("disposisi Rektor → Kepala Unit: Disetujui.", done["9"].Keluaran["Disposisi"]);
        Assert.StartsWith("laporan disposisi Rektor → Kepala Unit: Terapi dijadwalkan", done["10"].Keluaran["laporan pelaksanaan disposisi"]);
        var c = await w.CaseAsync();
        Assert.Equal(CaseStatus.Selesai, c.Status);
        Assert.NotNull(c.DitutupPada);
    }

    [Theory]
    [InlineData("IPDN-BK-PRAJA")]
    [InlineData("IPDN-BK-PEGAWAI")]
    public async Task Bimbingan_konseling_ends_with_the_rektors_disposition_carried_out_and_archived(string kode)
    {
        var w = await WalkAsync("bk");
        await w.StartAsync(kode, "Staf");
        Assert.Equal("2030-01-07 08:15", Local((await w.InstanceAsync()).Aktif.Single().JatuhTempo));
        Assert.NotNull(await w.TryCompleteAsync("1", "Konselor/Psikolog"));
        await w.CompleteAsync("1", "Staf");
        await w.CompleteAsync("2", "Staf");
        Assert.NotNull(await w.TryCompleteAsync("3", "Staf"));
        await w.CompleteAsync("3", "Konselor/Psikolog");
        await w.CompleteAsync("3a", "Kasubbag/Arsiparis");
        await w.CompleteAsync("4", "Kasubbag/Arsiparis");

        Assert.Contains("belum dikerjakan", await w.TryCompleteAsync("5", "Kepala Unit"));
        var (rencana, _) = await w.LetterAsync("laporan-rencana-pengawasan");
        Assert.Matches(@"^001/LRP/", rencana.Nomor);
        await w.CompleteWithWorkAsync("5", "Kepala Unit", "surat", $"surat {rencana.Nomor}");
        var six = (await w.StepAsync("6", "Bagian/Unit Terkait"))!;
        Assert.Contains(rencana.Nomor, six.Kelengkapan.Single(k => k.Nama == "Laporan Rencana Pengawasan").Dipenuhi);
        // "3 Hari" in working time: activated Monday morning, due Thursday at the same hour.
        Assert.Equal(six.DiaktifkanPada.AddDays(3), six.JatuhTempo);
        await w.CompleteAsync("6", "Bagian/Unit Terkait");

        var (hasil, _) = await w.LetterAsync("laporan-hasil-pengawasan");
        await w.CompleteWithWorkAsync("7", "Kepala Unit", "surat", $"surat {hasil.Nomor}");
        Assert.Contains(hasil.Nomor, (await w.StepAsync("8", "Konselor/Psikolog"))!.Kelengkapan.Single().Dipenuhi);
        await w.CompleteAsync("8", "Konselor/Psikolog");
        var (tertulis, _) = await w.LetterAsync("laporan-hasil-terapi");
        Assert.Matches(@"^001/LAP/", tertulis.Nomor);
        await w.CompleteWithWorkAsync("9", "Kepala Unit", "surat", $"surat {tertulis.Nomor}");

        // 10: only the Rektor gives the disposition, to the Kepala Unit who carries it out; the step needs it.
        foreach (var other in new[] { "Staf", "Psikiater", "Kepala Unit" })
            Assert.Contains("langkah 10 oleh Rektor kepada Kepala Unit", (await w.GiveAsync(other, null, "Bukan haknya."))["Disposisi"]);
        Assert.Contains("belum dikerjakan", await w.TryCompleteAsync("10", "Rektor"));
        Assert.Empty(await w.GiveAsync("Rektor", null, "Lanjutkan pemeriksaan psikolog dan laporkan hasilnya."));
        var chain = await w.ChainAsync();
        Assert.Equal("Rektor → Kepala Unit", $"{chain.Single().DariPeran} → {chain.Single().KepadaPeran}");
        Assert.Equal("11", (await w.InstanceAsync()).Aktif.Single().StepId);
        Assert.Contains("belum dikerjakan", await w.TryCompleteAsync("11", "Kepala Unit"));
        Assert.Null(await w.ReportAsync("Kepala Unit", chain.Single().Id, "Pemeriksaan psikolog selesai; hasil terlampir."));

        Assert.Equal("12", (await w.InstanceAsync()).Aktif.Single().StepId);
        var (lembar, fields) = await w.LetterAsync("lembar-disposisi");
        Assert.Equal("Lanjutkan pemeriksaan psikolog dan laporkan hasilnya.", fields["disposisi_rektor"]);
        Assert.Matches(@"^001/DISP/", lembar.Nomor);
        await w.CompleteWithWorkAsync("12", "Staf", "surat", $"surat {lembar.Nomor}");

        var instance = await w.InstanceAsync();
        Assert.Equal(InstanceStatus.Selesai, instance.Status);
        await AssertWalkedAsync(w, instance, new()
        {
            ["1"] = "Staf", ["2"] = "Staf", ["3"] = "Konselor/Psikolog", ["3a"] = "Kasubbag/Arsiparis", ["4"] = "Kasubbag/Arsiparis", ["5"] = "Kepala Unit",
            ["6"] = "Bagian/Unit Terkait", ["7"] = "Kepala Unit", ["8"] = "Konselor/Psikolog", ["9"] = "Kepala Unit", ["10"] = "Rektor", ["11"] = "Kepala Unit", ["12"] = "Staf",
        });
        Assert.Equal(CaseStatus.Selesai, (await w.CaseAsync()).Status);
    }

    [Fact]
    public async Task Konsultasi_online_starts_from_the_praja_form_and_sets_the_google_meet_before_the_rektors_disposition()
    {
        var w = await WalkAsync("online");
        var praja = await w.Sop.ActorAsync("Praja");
        await w.StartAsync("IPDN-BK-ONLINE-PRAJA", "Staf", new Dictionary<string, string> { ["masuk"] = "formulir", ["klien"] = praja.Id });

        // 1 was done by the praja's form: the system records it, and step 2 is the staff's.
        var instance = await w.InstanceAsync();
        var first = instance.Riwayat.Single(e => e.Jenis == StepEventKind.Diselesaikan);
        Assert.Equal(("1", "system"), (first.StepId!, first.OlehId!));
        Assert.Equal("2", instance.Aktif.Single().StepId);
        Assert.Equal("2030-01-07 08:15", Local(instance.Aktif.Single().JatuhTempo));
        Assert.NotNull(await w.TryCompleteAsync("2", "Praja"));
        await w.CompleteAsync("2", "Staf");
        await w.CompleteAsync("3", "Konselor/Psikolog");
        await w.CompleteAsync("3a", "Kasubbag/Arsiparis");
        await w.CompleteAsync("4", "Kepala Unit");

        // 5: the meeting link, code and password are an agreement on the case, not ticked items.
        Assert.Contains("belum dikerjakan", await w.TryCompleteAsync("5", "Konselor/Psikolog"));
        Assert.DoesNotContain((await w.StepAsync("5", "Konselor/Psikolog"))!.Kelengkapan, k => k.Nama.Contains("link", StringComparison.OrdinalIgnoreCase));
        await w.AgreeAsync("Konselor/Psikolog", new AgreementInput(new DateOnly(2030, 1, 8), new TimeOnly(9, 0), 60, null, "https://meet.google.com/abc-defg-hij", "abc-defg-hij", "rahasia"));
        await w.CompleteWithWorkAsync("5", "Konselor/Psikolog", "jadwal", "jadwal 08/01/2030 09:00 https://meet.google.com/abc-defg-hij");
        await w.CompleteAsync("6", "Konselor/Psikolog");

        var (laporan, _) = await w.LetterAsync("laporan-hasil-terapi");
        await w.CompleteWithWorkAsync("7", "Kepala Unit", "surat", $"surat {laporan.Nomor}");
        Assert.Contains(laporan.Nomor, (await w.StepAsync("8", "Rektor"))!.Kelengkapan.Single(k => k.Nama == "Laporan Praja").Dipenuhi);

        foreach (var other in new[] { "Staf", "Konselor/Psikolog", "Kepala Unit" })
            Assert.Contains("langkah 8 oleh Rektor kepada Kepala Unit", (await w.GiveAsync(other, null, "Bukan haknya."))["Disposisi"]);
        Assert.Contains("belum dikerjakan", await w.TryCompleteAsync("8", "Rektor"));
        Assert.Empty(await w.GiveAsync("Rektor", null, "Pantau perkembangan praja selama satu bulan."));
        // The step still asks the Rektor to confirm the equipment items the table lists, so he completes it himself.
        Assert.Equal("8", (await w.InstanceAsync()).Aktif.Single().StepId);
        await w.CompleteAsync("8", "Rektor");

        var chain = await w.ChainAsync();
        Assert.NotNull(await w.ReportAsync("Praja", chain.Single().Id, "Bukan penerima."));
        Assert.Null(await w.ReportAsync("Kepala Unit", chain.Single().Id, "Pemantauan berjalan; laporan bulanan dikirim."));
        Assert.Contains("Kepala Unit", (await w.StepAsync("9", "Kepala Unit"))!.Aksi.Single().Bukti);
        await w.CompleteAsync("9", "Kepala Unit");

        var (lembar, fields) = await w.LetterAsync("lembar-disposisi");
        Assert.Equal("Pantau perkembangan praja selama satu bulan.", fields["disposisi_rektor"]);
        await w.CompleteWithWorkAsync("10", "Kasubbag/Arsiparis", "surat", $"surat {lembar.Nomor}");

        instance = await w.InstanceAsync();
        Assert.Equal(InstanceStatus.Selesai, instance.Status);
        await AssertWalkedAsync(w, instance, new()
        {
            ["2"] = "Staf", ["3"] = "Konselor/Psikolog", ["3a"] = "Kasubbag/Arsiparis", ["4"] = "Kepala Unit", ["5"] = "Konselor/Psikolog", ["6"] = "Konselor/Psikolog",
            ["7"] = "Kepala Unit", ["8"] = "Rektor", ["9"] = "Kepala Unit", ["10"] = "Kasubbag/Arsiparis",
        });
        Assert.Equal(CaseStatus.Selesai, (await w.CaseAsync()).Status);
    }

    /// <summary>Each step was completed once, in order, by a holder of the role the document names; every due time falls in working hours.</summary>
    private static async Task AssertWalkedAsync(IpdnWalk w, SopInstance instance, Dictionary<string, string> by)
    {
        var done = instance.Riwayat.Where(e => e.Jenis == StepEventKind.Diselesaikan && e.OlehId != "system").ToList();
        Assert.Equal(by.Keys, done.Select(e => e.StepId!));
        foreach (var entry in done)
        {
            var roles = await w.Sop.InCampusAsync(sp => Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<IUserDirectory>(sp).RolesOfAsync(entry.OlehId!));
            Assert.True(roles.Contains(by[entry.StepId!]), $"langkah {entry.StepId} diselesaikan oleh {entry.OlehNama}");
        }
        foreach (var activation in instance.Riwayat.Where(e => e.Jenis == StepEventKind.Diaktifkan && e.JatuhTempo is not null))
        {
            var local = TimeZoneInfo.ConvertTime(activation.JatuhTempo!.Value, Jakarta);
            Assert.InRange(TimeOnly.FromDateTime(local.DateTime), new TimeOnly(7, 30), new TimeOnly(16, 0));
            Assert.InRange(local.DayOfWeek, DayOfWeek.Monday, DayOfWeek.Friday);
        }
    }
}
