using CampusKonseling.Archive.Data;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Archive.Search;

/// <summary>Files a record (replacing an earlier one of the same subject) with its weighted tsvector and counseling tokens.</summary>
public sealed class ArchiveStore(ArchiveDb db, CounselingWords words, IServiceProvider services, TimeProvider clock) : IArchive
{
    public async Task FileAsync(ArchiveEntry e, CancellationToken ct = default)
    {
        var row = await db.Records.FirstOrDefaultAsync(r => r.Jenis == e.Jenis && r.SubjekId == e.SubjekId, ct);
        if (row is null) db.Records.Add(row = new ArchiveRecord { Id = Guid.CreateVersion7(), Jenis = e.Jenis, SubjekId = e.SubjekId, Judul = e.Judul, Semester = "", TeksUmum = "" });
        var when = e.Ditutup ?? e.Dibuka;
        row.Judul = e.Judul;
        row.Nomor = e.Nomor;
        row.SopKode = e.SopKode;
        row.SopJudul = e.SopJudul;
        row.Tahun = when.Year;
        row.Semester = SemesterOf(when);
        row.JenisKlien = e.JenisKlien;
        row.Bidang = e.Bidang;
        row.Saluran = e.Saluran;
        row.KonselorId = e.KonselorId;
        row.KonselorNama = e.KonselorNama;
        row.Nama = e.Nama;
        row.Nim = e.Nim;
        row.Dibuka = e.Dibuka;
        row.Ditutup = e.Ditutup;
        row.Hasil = e.Hasil;
        row.TeksUmum = e.TeksUmum;
        row.KonselingToken = string.IsNullOrWhiteSpace(e.TeksKonseling) ? [] : await words.TokensAsync(e.TeksKonseling, ct);
        row.KonselingTeks = string.IsNullOrWhiteSpace(e.TeksKonseling) ? null : words.Protect(e.TeksKonseling);
        row.DiarsipkanPada = clock.GetUtcNow();
        row.Versi++;
        await db.SaveChangesAsync(ct);
        if (services.GetService<CampusKonseling.Audit.IAuditLog>() is { } audit)
            await audit.RecordAsync(new CampusKonseling.Audit.AuditEvent(row.Versi == 1 ? CampusKonseling.Audit.AuditKinds.Buat : CampusKonseling.Audit.AuditKinds.Ubah,
                e.Jenis, e.SubjekId, $"Arsip {e.Jenis} versi {row.Versi}"), ct);
        // Title and numbers weigh above the body (A over B).
        await db.Database.ExecuteSqlInterpolatedAsync($@"UPDATE arsip.records SET cari =
            setweight(to_tsvector('indonesian', judul || ' ' || coalesce(nomor, '') || ' ' || coalesce(nama, '') || ' ' || coalesce(nim, '')), 'A')
            || setweight(to_tsvector('indonesian', teks_umum), 'B') WHERE id = {row.Id}", ct);
    }

    /// <summary>The academic half-year: Ganjil runs August–January, Genap February–July.</summary>
    public static string SemesterOf(DateTimeOffset at)
    {
        var startYear = at.Month >= 8 ? at.Year : at.Month == 1 ? at.Year - 1 : at.Year - 1;
        return at.Month is >= 8 or 1 ? $"Ganjil {startYear}/{startYear + 1}" : $"Genap {at.Year - 1}/{at.Year}";
    }
}
