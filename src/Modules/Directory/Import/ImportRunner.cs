using CampusKonseling.Direktori.Data;
using CampusKonseling.Direktori.Students;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

namespace CampusKonseling.Direktori.Import;

/// <summary>
/// Runs one import: valid rows are upserted a thousand at a time, refused rows are recorded cell by cell
/// and never written. Progress is saved after every batch. Rerunning a job (after a stopped node) starts
/// it over, which is harmless because upserts are idempotent.
/// </summary>
public sealed class ImportRunner(DirectoryDb db, StudentStore store, IStringLocalizer<S> T, TimeProvider clock, ILogger<ImportRunner> logger)
{
    public const int BatchSize = 1000;
    public const int MaxStoredErrors = 10_000;
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(2);

    /// <returns>False when no job was waiting.</returns>
    public async Task<bool> RunNextAsync(CancellationToken ct)
    {
        if (await ClaimAsync(ct) is not { } id) return false;
        var job = await db.ImportJobs.FirstAsync(j => j.Id == id, ct);
        try
        {
            await RunAsync(job, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Student import {Job} failed", job.Id);
            db.ChangeTracker.Clear();
            await db.ImportJobs.Where(j => j.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, ImportStatus.Gagal).SetProperty(j => j.Isi, (byte[]?)null).SetProperty(j => j.SelesaiPada, clock.GetUtcNow())
                .SetProperty(j => j.Pesan, T["Impor berhenti karena gangguan sistem. Unggah berkas itu lagi."].Name), ct);
        }
        return true;
    }

    /// <summary>Takes the oldest waiting (or stalled) job; other nodes skip it while it is being taken.</summary>
    private async Task<Guid?> ClaimAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var stale = now - StaleAfter;
        var ids = await db.Database.SqlQuery<Guid>($"""
            UPDATE direktori.import_jobs SET status = {ImportStatus.Berjalan}, mulai_pada = {now}, denyut_pada = {now}
            WHERE id = (SELECT id FROM direktori.import_jobs
                        WHERE status = {ImportStatus.Menunggu} OR (status = {ImportStatus.Berjalan} AND denyut_pada < {stale})
                        ORDER BY dibuat_pada FOR UPDATE SKIP LOCKED LIMIT 1)
            RETURNING id AS "Value"
            """).ToListAsync(ct);
        return ids.Count == 0 ? null : ids[0];
    }

    private async Task RunAsync(ImportJob job, CancellationToken ct)
    {
        await db.ImportErrors.Where(e => e.JobId == job.Id).ExecuteDeleteAsync(ct);
        job.Dibaca = job.Diimpor = job.Ditolak = 0;
        job.Pesan = null;
        var (csv, problem) = StudentCsv.Open(job.Isi ?? [], T);
        if (csv is null)
        {
            await FinishAsync(job, ImportStatus.Gagal, problem!.Name, ct);
            return;
        }

        var now = clock.GetUtcNow();
        var seen = new HashSet<string>();
        var batch = new List<Student>(BatchSize);
        var stored = 0;
        foreach (var row in csv.Rows())
        {
            job.Dibaca++;
            var (student, errors) = StudentRules.Check(row.Input, T, Sumber.Csv, now);
            if (student is not null && seen.Contains(student.Nim))
                errors.Add(new FieldError("nim", "ganda", T["NIM ini sudah ada di baris sebelumnya dalam berkas ini (baris pertama yang dipakai)."]));
            if (errors.Count > 0)
            {
                job.Ditolak++;
                foreach (var e in errors.Where(_ => stored++ < MaxStoredErrors))
                    db.ImportErrors.Add(new ImportError { JobId = job.Id, Baris = row.Baris, Kolom = e.Kolom, Nilai = Cut(ValueOf(row.Input, e.Kolom)), Pesan = e.Pesan.Name });
                continue;
            }
            seen.Add(student!.Nim);
            batch.Add(student);
            if (batch.Count == BatchSize) await FlushAsync(job, batch, ct);
        }
        await FlushAsync(job, batch, ct);
        await FinishAsync(job, ImportStatus.Selesai, stored > MaxStoredErrors ? T["Lebih dari 10.000 kesalahan: hanya 10.000 yang pertama dicatat."].Name : null, ct);
        logger.LogInformation("Student import {Job}: {Read} rows read, {Imported} imported, {Refused} refused", job.Id, job.Dibaca, job.Diimpor, job.Ditolak);
    }

    private async Task FlushAsync(ImportJob job, List<Student> batch, CancellationToken ct)
    {
        var count = await store.UpsertAsync(batch, ct);
        job.Diimpor += count.Baru + count.Diperbarui;
        batch.Clear();
        job.DenyutPada = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
    }

    private async Task FinishAsync(ImportJob job, string status, string? pesan, CancellationToken ct)
    {
        job.Status = status;
        job.Pesan = pesan;
        job.Isi = null;
        job.SelesaiPada = job.DenyutPada = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
    }

    private static string? ValueOf(StudentInput input, string column) => column switch
    {
        "nim" => input.Nim, "nama" => input.Nama, "prodi" => input.Prodi, "semester" => input.Semester,
        "status" => input.Status, "email" => input.Email, "telepon" => input.Telepon, _ => null,
    };

    private static string? Cut(string? value) => value is { Length: > 200 } ? value[..200] : value;
}
