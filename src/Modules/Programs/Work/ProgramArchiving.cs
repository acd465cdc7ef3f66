using System.Text;
using CampusKonseling.Archive;
using CampusKonseling.Documents;
using CampusKonseling.Modules;
using CampusKonseling.Programs.Data;
using CampusKonseling.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Programs.Work;

/// <summary>
/// Files a finished programme (workshop, sosialisasi) in the campus archive, as closed cases are: its title, SOP and unit,
/// its letters by number, how many registered and came, the evaluation and the report. Counts only: no participant is named
/// (the report's list of students referred to counseling stays with the programme). Filed again when a letter is added later.
/// </summary>
public sealed class ProgramArchiving(ProgramsDb db, ShellFeatureServices features, ISopLauncher sops, Evaluations evaluations, IStringLocalizer<S> T)
{
    public const string Jenis = "program";

    public async Task FileAsync(ProgramRow p, CancellationToken ct)
    {
        if (features.Contract<IArchive>() is not { } archive) return;
        var participants = db.Participants.AsNoTracking().Where(x => x.ProgramId == p.Id);
        var terdaftar = await participants.CountAsync(x => x.Status == StatusPeserta.Terdaftar, ct);
        var hadir = await participants.CountAsync(x => x.HadirPada != null, ct);
        var dirujuk = await participants.CountAsync(x => x.CaseId != null, ct);
        var kind = await db.Kinds.AsNoTracking().FirstOrDefaultAsync(k => k.Kode == p.JenisKode, ct);
        var letterService = features.Contract<ILetterService>();
        var letters = letterService is null ? [] : await letterService.OfOwnerAsync(ProgramLetters.Owner, p.Id.ToString(), ct);
        var latest = letters.GroupBy(l => l.Nomor).Select(g => g.MaxBy(l => l.Versi)!).OrderBy(l => l.DibuatPada).ToList();
        var report = kind?.Laporan is { } laporan ? latest.LastOrDefault(l => l.Templat == laporan) : null;
        var summary = await evaluations.SummaryAsync(p.Id, ct);

        var text = new StringBuilder();
        text.AppendLine(p.Judul);
        foreach (var line in new[] { p.Tema, p.Narasumber, p.Tempat, p.Sasaran }) if (!string.IsNullOrWhiteSpace(line)) text.AppendLine(line);
        text.AppendLine(T["{0} terdaftar, {1} hadir", terdaftar, hadir]);
        if (dirujuk > 0) text.AppendLine(T["{0} peserta dirujuk ke konseling", dirujuk]);
        if (summary.Jumlah > 0) text.AppendLine(T["Evaluasi: {0} peserta menilai, rata-rata keseluruhan {1:0.00}", summary.Jumlah, summary.Keseluruhan ?? 0]);
        foreach (var l in latest) text.AppendLine($"{l.Judul} {l.Nomor}");
        if (report is not null && letterService is not null)
            foreach (var (key, value) in await letterService.ValuesAsync(report.Id, ct))
                // The report's words, but never the list naming the students referred to counseling.
                if (key is not ("dirujuk" or "tindak_lanjut" or "panitia" or "tim") && !string.IsNullOrWhiteSpace(value)) text.AppendLine(value);

        var keterangan = string.Join(" · ", new[]
        {
            T[p.Jenis].Value, T["{0} terdaftar, {1} hadir", terdaftar, hadir].Value,
            report is null ? T["belum ada laporan"].Value : T["laporan {0}", report.Nomor].Value,
        });
        var unit = (await sops.ListAsync(ct)).FirstOrDefault(s => s.Kode == p.SopKode)?.Unit;
        await archive.FileAsync(new ArchiveEntry(Jenis, p.Id.ToString(), T["Program: {0}", p.Judul], string.Join(' ', latest.Select(l => l.Nomor)) is { Length: > 0 } n ? n : null,
            p.SopKode, p.SopJudul, null, null, null, null, null, null, null, p.Mulai ?? p.DibuatPada, p.Selesai ?? p.Mulai ?? p.DibuatPada,
            p.Status == ProgramStatus.Dibatalkan ? "dibatalkan" : "selesai", text.ToString(), null, unit) { Keterangan = keterangan }, ct);
    }
}

/// <summary>Destroys a programme whose archive retention has passed: its letters (all versions), then the programme with its participants and evaluations.</summary>
public sealed class ProgramArchiveOwner(ProgramsDb db, ShellFeatureServices features) : IArchiveSubjectOwner
{
    public string Jenis => ProgramArchiving.Jenis;

    public async Task DestroyAsync(string subjekId, CancellationToken ct = default)
    {
        if (!Guid.TryParse(subjekId, out var id)) return;
        if (features.Contract<ILetterService>() is { } letters) await letters.DestroyOwnerAsync(ProgramLetters.Owner, subjekId, ct);
        await db.Programs.Where(p => p.Id == id).ExecuteDeleteAsync(ct);
    }
}
