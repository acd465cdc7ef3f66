using System.Text;
using CampusKonseling.Archive;
using CampusKonseling.Cases.Data;
using CampusKonseling.Cases.Privacy;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Cases.Work;

/// <summary>
/// Files a closed case in the campus archive (when the Archive feature is on): its metadata, the text staff
/// may search (administrative and leadership notes, dispositions, referrals, letter numbers) and, apart, its
/// counseling text, which the archive keeps only as keyed word hashes and encrypted text.
/// </summary>
public sealed class CaseArchiving(CasesDb db, CounselingProtector protector, CaseLetters letters, CampusKonseling.Modules.ShellFeatureServices features,
    CampusKonseling.Workflows.ISopLauncher sops)
{
    /// <summary>
    /// A letter filed on a case is searchable at once (subject "{case}/{number}"), even while the case is open; a new
    /// version of the letter re-files it. It goes with its case when the case's retention ends.
    /// </summary>
    public async Task FileLetterAsync(CaseRow c, CampusKonseling.Documents.GeneratedLetter letter, IReadOnlyDictionary<string, string> values, CancellationToken ct)
    {
        if (features.Contract<IArchive>() is not { } archive) return;
        await archive.FileAsync(new ArchiveEntry("surat", $"{c.Id}/{letter.Nomor}", $"{letter.Judul} {letter.Nomor}", $"{letter.Nomor} {c.Nomor}", c.SopKode, c.SopJudul,
            c.JenisKlien, c.Bidang, c.Saluran, c.KonselorId, c.KonselorNama, c.Nama, c.Nim, c.DibukaPada, letter.DibuatPada, "surat",
            string.Join('\n', values.Values.Where(v => !string.IsNullOrWhiteSpace(v))), null, await UnitAsync(c, ct)), ct);
    }

    public async Task FileAsync(CaseRow c, CancellationToken ct)
    {
        if (features.Contract<IArchive>() is not { } archive) return;
        var entries = await db.Entries.AsNoTracking().Where(e => e.CaseId == c.Id && e.Jenis != JenisCatatan.BukaDarurat).OrderBy(e => e.Pada).ToListAsync(ct);
        var umum = new StringBuilder();
        var konseling = new StringBuilder();
        foreach (var e in entries)
            (e.Tingkat == Tingkat.Konseling ? konseling : umum).AppendLine(e.Terenkripsi ? protector.Unprotect(e.Isi) : e.Isi);
        foreach (var d in await db.Dispositions.AsNoTracking().Where(d => d.CaseId == c.Id).ToListAsync(ct))
            umum.AppendLine($"Disposisi {d.DariPeran} kepada {d.KepadaPeran}: {d.Instruksi} {d.Laporan}");
        var referrals = await db.Referrals.AsNoTracking().Where(r => r.CaseId == c.Id).ToListAsync(ct);
        foreach (var r in referrals) umum.AppendLine($"Rujukan ke {r.Kepada} ({r.Jenis}) {r.NomorSurat}");
        var letterList = await letters.OfAsync(c, ct);
        foreach (var l in letterList) umum.AppendLine($"{l.Judul} {l.Nomor}");
        var numbers = string.Join(' ', letterList.Select(l => l.Nomor).Prepend(c.Nomor).Distinct());
        var hasil = c.Status == CaseStatus.Dibatalkan ? "dibatalkan" : referrals.Count > 0 ? "dirujuk eksternal" : "selesai";
        await archive.FileAsync(new ArchiveEntry("kasus", c.Id.ToString(), $"Kasus {c.Nomor} — {c.SopJudul}", numbers, c.SopKode, c.SopJudul, c.JenisKlien, c.Bidang,
            c.Saluran, c.KonselorId, c.KonselorNama, c.Nama, c.Nim, c.DibukaPada, c.DitutupPada, hasil, umum.ToString(), konseling.Length > 0 ? konseling.ToString() : null,
            await UnitAsync(c, ct)), ct);
    }

    private async Task<string?> UnitAsync(CaseRow c, CancellationToken ct) => (await sops.ListAsync(ct)).FirstOrDefault(s => s.Kode == c.SopKode)?.Unit;
}
