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
        row.Unit = e.Unit;
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
        row.Keterangan = e.Keterangan is { Length: > 300 } k ? k[..300] : e.Keterangan;
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

    /// <summary>
    /// Files many new records at once (an import of a campus's historical archive): counseling words of the
    /// whole batch are stemmed in one query, and the rows with their weighted tsvectors go in one statement.
    /// Subjects already archived are left as they are. Returns how many were filed.
    /// </summary>
    public async Task<int> FileManyAsync(IReadOnlyList<ArchiveEntry> entries, CancellationToken ct = default)
    {
        if (entries.Count == 0) return 0;
        var lexemes = await words.LexemesManyAsync(entries.Select(e => e.TeksKonseling ?? "").ToList(), ct);
        var tokens = new string[entries.Count];
        var ciphers = new string?[entries.Count];
        for (var i = 0; i < entries.Count; i++)
        {
            tokens[i] = string.Join(' ', await words.TokensOfAsync(lexemes[i], ct));
            ciphers[i] = string.IsNullOrWhiteSpace(entries[i].TeksKonseling) ? null : words.Protect(entries[i].TeksKonseling!);
        }
        var now = clock.GetUtcNow();
        T[] Col<T>(Func<ArchiveEntry, T> pick) => entries.Select(pick).ToArray();
        var conn = (Npgsql.NpgsqlConnection)db.Database.GetDbConnection();
        if (conn.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(ct);
        await using var cmd = new Npgsql.NpgsqlCommand(@"
            INSERT INTO arsip.records (id, jenis, subjek_id, judul, nomor, sop_kode, sop_judul, tahun, semester, jenis_klien, bidang, saluran, konselor_id, konselor_nama,
                nama, nim, dibuka, ditutup, hasil, teks_umum, cari, konseling_token, konseling_teks, diarsipkan_pada, versi, unit)
            SELECT id, jenis, subjek_id, judul, nomor, sop_kode, sop_judul, tahun, semester, jenis_klien, bidang, saluran, konselor_id, konselor_nama, nama, nim, dibuka, ditutup, hasil, teks,
                setweight(to_tsvector('indonesian', judul || ' ' || coalesce(nomor, '') || ' ' || coalesce(nama, '') || ' ' || coalesce(nim, '')), 'A') || setweight(to_tsvector('indonesian', teks), 'B'),
                CASE WHEN tok = '' THEN '{}'::text[] ELSE string_to_array(tok, ' ') END, teks_k, $23, 1, unit
            FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::int[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[],
                $15::text[], $16::text[], $17::timestamptz[], $18::timestamptz[], $19::text[], $20::text[], $21::text[], $22::text[], $24::text[])
                AS x(id, jenis, subjek_id, judul, nomor, sop_kode, sop_judul, tahun, semester, jenis_klien, bidang, saluran, konselor_id, konselor_nama, nama, nim, dibuka, ditutup, hasil, teks, tok, teks_k, unit)
            ON CONFLICT (jenis, subjek_id) DO NOTHING", conn);
        var p = cmd.Parameters;
        p.AddWithValue(Col(_ => Guid.CreateVersion7(now)));
        p.AddWithValue(Col(e => e.Jenis)); p.AddWithValue(Col(e => e.SubjekId)); p.AddWithValue(Col(e => e.Judul)); p.AddWithValue(Col(e => e.Nomor));
        p.AddWithValue(Col(e => e.SopKode)); p.AddWithValue(Col(e => e.SopJudul)); p.AddWithValue(Col(e => (e.Ditutup ?? e.Dibuka).Year)); p.AddWithValue(Col(e => SemesterOf(e.Ditutup ?? e.Dibuka)));
        p.AddWithValue(Col(e => e.JenisKlien)); p.AddWithValue(Col(e => e.Bidang)); p.AddWithValue(Col(e => e.Saluran)); p.AddWithValue(Col(e => e.KonselorId)); p.AddWithValue(Col(e => e.KonselorNama));
        p.AddWithValue(Col(e => e.Nama)); p.AddWithValue(Col(e => e.Nim)); p.AddWithValue(Col(e => e.Dibuka.ToUniversalTime())); p.AddWithValue(Col(e => e.Ditutup?.ToUniversalTime()));
        p.AddWithValue(Col(e => e.Hasil)); p.AddWithValue(Col(e => e.TeksUmum)); p.AddWithValue(tokens); p.AddWithValue(ciphers); p.AddWithValue(now); p.AddWithValue(Col(e => e.Unit));
        return await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The academic half-year: Ganjil runs August–January, Genap February–July.</summary>
    public static string SemesterOf(DateTimeOffset at)
    {
        var startYear = at.Month >= 8 ? at.Year : at.Month == 1 ? at.Year - 1 : at.Year - 1;
        return at.Month is >= 8 or 1 ? $"Ganjil {startYear}/{startYear + 1}" : $"Genap {at.Year - 1}/{at.Year}";
    }
}
