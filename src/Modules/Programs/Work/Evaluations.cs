using CampusKonseling.Programs.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Programs.Work;

public sealed record EvaluationInput(int? Materi, int? Narasumber, int? Penyelenggaraan, int? Keseluruhan, string? Komentar);

/// <summary>Mean ratings (1–5) per aspect, how many answered of how many attended, and the comments (no names).</summary>
public sealed record EvaluationSummary(int Jumlah, int Hadir, double? Materi, double? Narasumber, double? Penyelenggaraan, double? Keseluruhan, IReadOnlyList<string> Komentar)
{
    public string Teks(Func<double?, string> f) => $"{Jumlah}/{Hadir}: materi {f(Materi)}, narasumber {f(Narasumber)}, penyelenggaraan {f(Penyelenggaraan)}, keseluruhan {f(Keseluruhan)}";
}

/// <summary>The participants' evaluation: one per attended participant, through their own link; staff see only the summary.</summary>
public sealed class Evaluations(ProgramsDb db, CampusKonseling.Data.TenantDbConnection connection, ParticipantMail mail, TimeProvider clock, IStringLocalizer<S> T)
{
    public async Task<Dictionary<string, string>> SubmitAsync(ParticipantRow p, EvaluationInput input, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        foreach (var (name, value) in new[] { ("Materi", input.Materi), ("Narasumber", input.Narasumber), ("Penyelenggaraan", input.Penyelenggaraan), ("Keseluruhan", input.Keseluruhan) })
            if (value is not (>= 1 and <= 5)) errors[name] = T["Pilih nilai 1 sampai 5."];
        if (input.Komentar is { Length: > 2000 }) errors["Komentar"] = T["Komentar paling panjang 2.000 karakter."];
        if (p.HadirPada is null) errors["Evaluasi"] = T["Evaluasi hanya untuk peserta yang tercatat hadir."];
        else if (await db.Evaluations.AnyAsync(e => e.ParticipantId == p.Id, ct)) errors["Evaluasi"] = T["Evaluasi Anda sudah kami terima. Terima kasih."];
        if (errors.Count > 0) return errors;
        db.Evaluations.Add(new EvaluationRow
        {
            Id = Guid.CreateVersion7(), ProgramId = p.ProgramId, ParticipantId = p.Id, Materi = input.Materi!.Value, Narasumber = input.Narasumber!.Value,
            Penyelenggaraan = input.Penyelenggaraan!.Value, Keseluruhan = input.Keseluruhan!.Value,
            Komentar = string.IsNullOrWhiteSpace(input.Komentar) ? null : input.Komentar.Trim(), DikirimPada = clock.GetUtcNow(),
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            errors["Evaluasi"] = T["Evaluasi Anda sudah kami terima. Terima kasih."]; // a double submit raced the unique index
        }
        return errors;
    }

    public async Task<EvaluationSummary> SummaryAsync(Guid programId, CancellationToken ct)
    {
        var rows = await db.Evaluations.AsNoTracking().Where(e => e.ProgramId == programId).OrderBy(e => e.DikirimPada).ToListAsync(ct);
        var hadir = await db.Participants.CountAsync(p => p.ProgramId == programId && p.HadirPada != null, ct);
        double? Mean(Func<EvaluationRow, int> f) => rows.Count == 0 ? null : Math.Round(rows.Average(f), 2);
        return new(rows.Count, hadir, Mean(r => r.Materi), Mean(r => r.Narasumber), Mean(r => r.Penyelenggaraan), Mean(r => r.Keseluruhan),
            rows.Select(r => r.Komentar).OfType<string>().ToList());
    }

    /// <summary>
    /// E-mails the evaluation link to attendees who have not had it yet; returns how many. The rows are claimed and the
    /// mails queued in one transaction, so two servers (or the button and the background task) never send one twice.
    /// </summary>
    public async Task<int> SendLinksAsync(ProgramRow program, CancellationToken ct)
    {
        await connection.OpenAsync(ct);
        await using var tx = await connection.Connection.BeginTransactionAsync(ct);
        await connection.EnlistAsync(db, tx, ct);
        var now = clock.GetUtcNow();
        var claimed = await db.Database.SqlQuery<Guid>($"UPDATE program.participants SET evaluasi_dikirim_pada = {now} WHERE program_id = {program.Id} AND hadir_pada IS NOT NULL AND evaluasi_dikirim_pada IS NULL RETURNING id AS \"Value\"").ToListAsync(ct);
        var due = await db.Participants.AsNoTracking().Where(p => claimed.Contains(p.Id)).ToListAsync(ct);
        foreach (var p in due) await mail.EvaluationAsync(program, p, tx, ct);
        await tx.CommitAsync(ct);
        await connection.ReleaseAsync();
        mail.Wake();
        return due.Count;
    }
}
