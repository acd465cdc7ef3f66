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
public sealed class Evaluations(ProgramsDb db, ParticipantMail mail, TimeProvider clock, IStringLocalizer<S> T)
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

    /// <summary>E-mails the evaluation link to attendees who have not had it yet; returns how many.</summary>
    public async Task<int> SendLinksAsync(ProgramRow program, CancellationToken ct)
    {
        var due = await db.Participants.Where(p => p.ProgramId == program.Id && p.HadirPada != null && p.EvaluasiDikirimPada == null).ToListAsync(ct);
        foreach (var p in due)
        {
            await mail.EvaluationAsync(program, p, ct);
            p.EvaluasiDikirimPada = clock.GetUtcNow();
        }
        await db.SaveChangesAsync(ct);
        mail.Wake();
        return due.Count;
    }
}
