using CampusKonseling.Programs.Data;
using CampusKonseling.Programs.Work;
using CampusKonseling.Sop.Engine;
using CampusKonseling.Tests.Infrastructure;
using CampusKonseling.Tests.Sop;
using static CampusKonseling.Tests.Programs.ProgramSopWalk;

namespace CampusKonseling.Tests.Programs;

/// <summary>
/// The two programme SOPs walked from the programme's creation to its end on a controlled clock: due times count from
/// the programme's dates (and move with them), the event's and the report's steps wait for their date, each step's
/// letter is its work and its output, and only the lanes' holders act.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ProgramSopTests(PlatformFixture platform)
{
    private static SessionInput Session(int month, int day, int from, int to) => new(new DateOnly(2030, month, day), new TimeOnly(from, 0), new TimeOnly(to, 0));

    private static ProgramInput Input(string kind, DateTime? buka, DateTime? tutup, params SessionInput[] sesi) =>
        new(kind, "Program minat bakat 2030", "Mengenal minat dan bakat", "Dr. Narasumber, M.Psi.", "Aula Gedung B", null, null, 40, buka, tutup, sesi);

    [Fact]
    public async Task Unipma_workshop_minat_bakat_runs_on_the_programmes_dates_from_surat_tugas_to_the_report()
    {
        using var c = await ProgramCampus.CreateAsync(platform, "sopwmb");
        // Monday 7 January 2030, 08:00 WIB; the workshop on Monday 21 January, 09:00–12:00.
        var walk = new ProgramSopWalk(c, new ManualClock(Campus.Wib(2030, 1, 7, 8, 0)));
        var program = await walk.CreateAsync(Input(ProgramCampus.Workshop, null, null, Session(1, 21, 9, 12)));
        var sop = program.SopInstanceId!.Value;
        var konteks = (await walk.In.InstanceAsync(sop)).Konteks;
        Assert.Equal(("2030-01-21T09:00:00+07:00", "2030-01-21T12:00:00+07:00", "2030-01-21T09:00:00+07:00"),
            (konteks["tanggal.pelaksanaan"], konteks["tanggal.selesai"], konteks["tanggal.penutupanPendaftaran"]));

        // 1. Surat Tugas, "1 hari setelah ditetapkan panitia": nothing is due until the committee is set (Tuesday 10:00).
        Assert.Equal("-", Wib((await walk.ActiveAsync(sop, "1")).JatuhTempo));
        walk.Clock.Now = Campus.Wib(2030, 1, 8, 10, 0);
        await walk.CommitteeSetAsync(sop);
        Assert.Equal("2030-01-09 10:00", Wib((await walk.ActiveAsync(sop, "1")).JatuhTempo));
        Assert.Equal("Langkah 1 dikerjakan oleh P2KLLK, Rektorat; Anda tidak memegang peran tersebut.", await walk.CompleteAsync(sop, "1", "Panitia"));
        Assert.Equal("Langkah 1 belum dikerjakan: surat surat-tugas-workshop-minat-bakat.", await walk.CompleteAsync(sop, "1", "Kepala/Sekretaris P2KLLK"));
        walk.Clock.Now = Campus.Wib(2030, 1, 8, 11, 0);
        var tugas = await walk.LetterAsync(program.Id, "surat-tugas-workshop-minat-bakat");
        Assert.Matches(@"^001/ST/P2KLLK/I/2030$", tugas.Nomor);
        await walk.DoneAsync(sop, "1", "Rektorat");
        Assert.Equal($"Surat Tugas {tugas.Nomor}", (await walk.OutputsAsync(sop, "1"))["Surat Tugas layanan bakat minat"]);

        // 2. The one-hour meeting on theme and speakers; 3. preparation, due a working week after the meeting.
        Assert.Equal("2030-01-08 12:00", Wib((await walk.ActiveAsync(sop, "2")).JatuhTempo));
        walk.Clock.Now = Campus.Wib(2030, 1, 9, 9, 0);
        await walk.DoneAsync(sop, "2", "Panitia");
        Assert.Equal("2030-01-16 09:00", Wib((await walk.ActiveAsync(sop, "3")).JatuhTempo));
        Assert.StartsWith("Langkah 3 dikerjakan oleh Panitia;", await walk.CompleteAsync(sop, "3", "Kaprodi"));
        walk.Clock.Now = Campus.Wib(2030, 1, 14, 10, 0);
        await walk.DoneAsync(sop, "3", "Panitia");

        // 4. The Kaprodi is told by the Surat Pemberitahuan; without it the step is not done.
        Assert.Equal("Langkah 4 belum dikerjakan: surat surat-pemberitahuan-kaprodi.", await walk.CompleteAsync(sop, "4", "Panitia"));
        Assert.StartsWith("Langkah 4 dikerjakan oleh Panitia, Kaprodi;", await walk.CompleteAsync(sop, "4", "Rektorat"));
        walk.Clock.Now = Campus.Wib(2030, 1, 14, 10, 30);
        var pemberitahuan = await walk.LetterAsync(program.Id, "surat-pemberitahuan-kaprodi", new Dictionary<string, string> { ["prodi"] = "Pendidikan Matematika" });
        await walk.DoneAsync(sop, "4", "Panitia");
        Assert.Equal($"Surat Pemberitahuan {pemberitahuan.Nomor}", (await walk.OutputsAsync(sop, "4"))["Surat Pemberitahuan pada Kaprodi"]);

        // 5. The students attend: the workshop itself, done by the system when it ends. Moving the workshop moves it.
        Assert.Equal("2030-01-21 12:00", Wib((await walk.ActiveAsync(sop, "5")).JatuhTempo));
        await walk.EditAsync(program.Id, Input(ProgramCampus.Workshop, null, null, Session(1, 23, 13, 15)));
        Assert.Equal("2030-01-23 15:00", Wib((await walk.ActiveAsync(sop, "5")).JatuhTempo));
        walk.Clock.Now = Campus.Wib(2030, 1, 23, 14, 0);
        Assert.Equal("Langkah 5 baru dapat diselesaikan setelah selesai (23/01/2030 15:00 WIB).", await walk.CompleteAsync(sop, "5", "Panitia"));
        await walk.DueTimerFiresAsync(sop, "5");
        var attended = (await walk.In.InstanceAsync(sop)).Riwayat.Last(e => e.StepId == "5");
        Assert.Equal((StepEventKind.Diselesaikan, Actor.System.Id, "2030-01-23 15:00"), (attended.Jenis, attended.OlehId, Wib(attended.Pada)));

        // 6. The report, a working week after the workshop, is the numbered Laporan Layanan Minat dan Bakat.
        Assert.Equal("2030-01-30 15:00", Wib((await walk.ActiveAsync(sop, "6")).JatuhTempo));
        Assert.StartsWith("Langkah 6 dikerjakan oleh Panitia, P2KLLK;", await walk.CompleteAsync(sop, "6", "Kaprodi"));
        walk.Clock.Now = Campus.Wib(2030, 1, 28, 9, 0);
        Assert.Equal("Langkah 6 belum dikerjakan: surat laporan-layanan-minat-bakat.", await walk.CompleteAsync(sop, "6", "Panitia"));
        var laporan = await walk.LetterAsync(program.Id, "laporan-layanan-minat-bakat");
        await walk.DoneAsync(sop, "6", "Panitia");
        Assert.Equal($"Laporan Layanan Minat dan Bakat {laporan.Nomor}", (await walk.OutputsAsync(sop, "6"))["surat laporan-layanan-minat-bakat"]);

        // The SOP is finished, and so is the programme in the list (not "pendaftaran" beside "SOP selesai").
        Assert.Equal(InstanceStatus.Selesai, (await walk.In.InstanceAsync(sop)).Status);
        await AssertFinishedInListAsync(c, walk, program.Id);
    }

    [Fact]
    public async Task Iuqi_layanan_kemahasiswaan_steps_follow_registration_and_the_event_and_wait_for_them()
    {
        using var c = await ProgramCampus.CreateAsync(platform, "sopiuqi", "iuqi");
        const string kind = "layanan-minat-bakat-karir";
        var walk = new ProgramSopWalk(c, new ManualClock(Campus.Wib(2030, 1, 7, 8, 0)));
        // Registration Monday 14 – Friday 18 January (16:00); the service on Tuesday 22 and Wednesday 23 January, 09:00–12:00.
        var buka = new DateTime(2030, 1, 14, 8, 0, 0);
        var tutup = new DateTime(2030, 1, 18, 16, 0, 0);
        var program = await walk.CreateAsync(Input(kind, buka, tutup, Session(1, 22, 9, 12), Session(1, 23, 9, 12)));
        var sop = program.SopInstanceId!.Value;

        // 1. The Rektor issues the Surat Tugas the unit prepares on the programme page.
        Assert.StartsWith("Langkah 1 dikerjakan oleh D — Rektor;", await walk.CompleteAsync(sop, "1", "Unit Pelaksana"));
        Assert.Equal("Langkah 1 belum dikerjakan: surat surat-tugas.", await walk.CompleteAsync(sop, "1", "Rektor"));
        walk.Clock.Now = Campus.Wib(2030, 1, 7, 9, 0);
        var tugas = await walk.LetterAsync(program.Id, "surat-tugas");
        await walk.DoneAsync(sop, "1", "Rektor");
        Assert.Equal($"Surat Tugas {tugas.Nomor}", (await walk.OutputsAsync(sop, "1"))["Surat Tugas"]);
        Assert.Matches(@"^001/ST/LMMBK/IUQI/I/2030$", tugas.Nomor);

        // 2–5. The guide is written and finalised (no dates in the document).
        foreach (var (step, role) in new[] { ("2", "Atasan Unit Kerja"), ("3", "Unit Pelaksana"), ("4", "Unit Pelaksana"), ("5", "Rektor") })
        {
            walk.Clock.Advance(TimeSpan.FromHours(1));
            await walk.DoneAsync(sop, step, role);
        }

        // 6. Sosialisasi, "2 hari": done two working days before registration opens, with the Surat Pemberitahuan to the Dosen Akademik.
        Assert.Equal("2030-01-10 08:00", Wib((await walk.ActiveAsync(sop, "6")).JatuhTempo));
        Assert.Equal("Langkah 6 belum dikerjakan: surat surat-pemberitahuan.", await walk.CompleteAsync(sop, "6", "Dosen Akademik"));
        Assert.StartsWith("Langkah 6 dikerjakan oleh B — Unit Pelaksana, A — Dosen Akademik;", await walk.CompleteAsync(sop, "6", "Rektor"));
        walk.Clock.Advance(TimeSpan.FromHours(1));
        var pemberitahuan = await walk.LetterAsync(program.Id, "surat-pemberitahuan", new Dictionary<string, string> { ["kepada"] = "Dosen Akademik" });
        await walk.DoneAsync(sop, "6", "Dosen Akademik");
        Assert.Equal($"Surat Pemberitahuan {pemberitahuan.Nomor}", (await walk.OutputsAsync(sop, "6"))["Surat Pemberitahuan"]);
        await walk.DoneAsync(sop, "7", "Unit Pelaksana");

        // E.2 Pendaftaran, "1 hari": the list is closed a working day after registration closes, and not before it closes.
        Assert.Equal("2030-01-21 16:00", Wib((await walk.ActiveAsync(sop, "E2")).JatuhTempo));
        Assert.Equal("Langkah E.2 baru dapat diselesaikan setelah penutupan pendaftaran (18/01/2030 16:00 WIB).", await walk.CompleteAsync(sop, "E2", "Unit Pelaksana"));
        walk.Clock.Now = Campus.Wib(2030, 1, 18, 16, 30);
        await walk.DoneAsync(sop, "E2", "Unit Pelaksana");

        // E.3 Persiapan, "1 hari": a working day before the service. The service moves to Thursday and Friday: so does the preparation.
        Assert.Equal("2030-01-21 09:00", Wib((await walk.ActiveAsync(sop, "E3")).JatuhTempo));
        await walk.EditAsync(program.Id, Input(kind, buka, tutup, Session(1, 24, 9, 12), Session(1, 25, 9, 12)));
        Assert.Equal("2030-01-23 09:00", Wib((await walk.ActiveAsync(sop, "E3")).JatuhTempo));
        Assert.Equal("2030-01-24T09:00:00+07:00", (await walk.In.InstanceAsync(sop)).Konteks["tanggal.pelaksanaan"]);
        walk.Clock.Now = Campus.Wib(2030, 1, 21, 10, 0);
        await walk.DoneAsync(sop, "E3", "Unit Pelaksana");

        // E.4 Pelaksanaan Layanan, "2 hari": within two working days of the start, and not before the service is held.
        Assert.Equal("2030-01-28 09:00", Wib((await walk.ActiveAsync(sop, "E4")).JatuhTempo));
        Assert.Equal("Langkah E.4 baru dapat diselesaikan setelah pelaksanaan (24/01/2030 09:00 WIB).", await walk.CompleteAsync(sop, "E4", "Unit Pelaksana"));
        walk.Clock.Now = Campus.Wib(2030, 1, 24, 9, 30);
        Assert.StartsWith("Langkah E.4 dikerjakan oleh B — Unit Pelaksana;", await walk.CompleteAsync(sop, "E4", "Dosen Akademik"));
        await walk.DoneAsync(sop, "E4", "Unit Pelaksana");
        await walk.DoneAsync(sop, "8", "Dosen Akademik");

        // 9. Pelaporan waits for the end of the service (Friday 12:00); its work is the numbered Laporan.
        Assert.Equal("Langkah 9 baru dapat diselesaikan setelah selesai (25/01/2030 12:00 WIB).", await walk.CompleteAsync(sop, "9", "Unit Pelaksana"));
        walk.Clock.Now = Campus.Wib(2030, 1, 25, 13, 0);
        Assert.Equal("Langkah 9 belum dikerjakan: surat laporan-kegiatan.", await walk.CompleteAsync(sop, "9", "Unit Pelaksana"));
        var laporan = await walk.LetterAsync(program.Id, "laporan-kegiatan");
        await walk.DoneAsync(sop, "9", "Unit Pelaksana");
        Assert.Equal($"Laporan Kegiatan Kemahasiswaan {laporan.Nomor}", (await walk.OutputsAsync(sop, "9"))["Laporan Kegiatan Kemahasiswaan"]);

        // 10. Evaluasi: a follow-up session is added on Monday, so the evaluation waits for it; the report meets its kelengkapan.
        await walk.EditAsync(program.Id, Input(kind, buka, tutup, Session(1, 24, 9, 12), Session(1, 25, 9, 12), Session(1, 28, 9, 11)));
        Assert.Equal("Langkah 10 baru dapat diselesaikan setelah selesai (28/01/2030 11:00 WIB).", await walk.CompleteAsync(sop, "10", "Atasan Unit Kerja"));
        walk.Clock.Now = Campus.Wib(2030, 1, 28, 13, 0);
        Assert.StartsWith("Langkah 10 dikerjakan oleh C — Atasan Unit Kerja", await walk.CompleteAsync(sop, "10", "Unit Pelaksana"));
        await walk.DoneAsync(sop, "10", "Atasan Unit Kerja");
        var evaluasi = (await walk.In.InstanceAsync(sop)).Riwayat.Last(e => e.StepId == "10");
        Assert.Empty(evaluasi.Masukan);

        Assert.Equal(InstanceStatus.Selesai, (await walk.In.InstanceAsync(sop)).Status);
        await AssertFinishedInListAsync(c, walk, program.Id);
    }

    private static async Task AssertFinishedInListAsync(ProgramCampus c, ProgramSopWalk walk, Guid program)
    {
        var row = await walk.ProgramAsync(program);
        Assert.Equal((ProgramStatus.Selesai, true), (row.Status, row.SopSelesai));
        var (_, list) = await c.Admin.PageAsync($"{c.Campus.Prefix}/admin/program");
        var tr = list.QuerySelector($"tr[data-program='{program}']")!;
        Assert.Equal("selesai", tr.QuerySelector(".badge")!.TextContent.Trim());
        Assert.Contains("SOP selesai", tr.TextContent);
        // A programme its SOP finished is filed in the archive, with its letters' numbers.
        var (_, found) = await c.Admin.PageAsync($"{c.Campus.Prefix}/admin/arsip?Q={Uri.EscapeDataString(row.Judul)}");
        var hit = found.QuerySelector($"li.hit[data-subjek='{program}']")!;
        Assert.Contains("laporan", hit.QuerySelector(".keterangan")!.TextContent);
    }
}
