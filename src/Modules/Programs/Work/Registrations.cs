using System.Net.Mail;
using System.Text.RegularExpressions;
using CampusKonseling.Data;
using CampusKonseling.Modules;
using CampusKonseling.Programs.Data;
using CampusKonseling.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Programs.Work;

public sealed record RegistrationInput(string? Nama, string? Nim, string? Email, string? Telepon);

public sealed record RegistrationResult(ParticipantRow? Participant, Dictionary<string, string> Errors);

/// <summary>
/// Registration with capacity and a waiting list. Each registration and cancellation locks its program's row,
/// so two people taking the last seat at once cannot both get it; the confirmation e-mail is queued in the
/// same transaction, so nobody is told of a seat that was not saved.
/// </summary>
public sealed partial class Registrations(ProgramsDb db, TenantDbConnection connection, ParticipantMail mail, ShellFeatureServices features, TimeProvider clock, IStringLocalizer<S> T)
{
    public async Task<RegistrationResult> RegisterAsync(ProgramRow program, RegistrationInput input, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        var now = clock.GetUtcNow();
        var nama = input.Nama?.Trim() ?? "";
        var email = input.Email?.Trim() ?? "";
        var nim = string.IsNullOrWhiteSpace(input.Nim) ? null : input.Nim.Trim().ToUpperInvariant();
        var telepon = NormalizePhone(input.Telepon);
        if (nama.Length == 0) errors["Nama"] = T["Nama lengkap wajib diisi."];
        else if (nama.Length > 200) errors["Nama"] = T["Nama paling panjang 200 karakter."];
        if (email.Length == 0) errors["Email"] = T["Alamat e-mail wajib diisi: bukti pendaftaran dan kode QR dikirim ke sana."];
        else if (email.Length > 256 || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email || !email.Contains('.')) errors["Email"] = T["Alamat e-mail tidak valid. Contoh: nama@mail.com"];
        if (nim is not null && !NimPattern().IsMatch(nim)) errors["Nim"] = T["NIM terdiri dari 5–20 angka atau huruf (boleh titik dan tanda hubung)."];
        if (!string.IsNullOrWhiteSpace(input.Telepon) && telepon is null) errors["Telepon"] = T["Nomor HP tidak valid. Contoh: 0812 3456 7890"];
        StudentRecord? student = null;
        if (nim is not null && !errors.ContainsKey("Nim") && features.Contract<IStudentDirectory>() is { } directory)
        {
            student = await directory.FindAsync(nim, ct);
            if (student is { Status: StudentStatus.Keluar }) errors["Nim"] = T["NIM ini tercatat sudah keluar di direktori mahasiswa. Hubungi panitia bila ini keliru."];
        }
        if (!ProgramRules.RegistrationOpen(program, now)) errors["Program"] = T["Pendaftaran program ini sedang tidak dibuka."];
        if (errors.Count > 0) return new(null, errors);

        await connection.OpenAsync(ct);
        await using var tx = await connection.Connection.BeginTransactionAsync(ct);
        await connection.EnlistAsync(db, tx, ct);
        await LockAsync(program.Id, ct);
        var active = db.Participants.Where(p => p.ProgramId == program.Id && p.Status != StatusPeserta.Batal);
        var lower = email.ToLowerInvariant();
        if (await active.AnyAsync(p => p.Email.ToLower() == lower, ct)) errors["Email"] = T["E-mail ini sudah terdaftar di program ini. Cek kotak masuk Anda untuk bukti pendaftaran."];
        else if (nim is not null && await active.AnyAsync(p => p.Nim == nim, ct)) errors["Nim"] = T["NIM ini sudah terdaftar di program ini."];
        if (errors.Count > 0)
        {
            await tx.RollbackAsync(ct);
            await connection.ReleaseAsync();
            return new(null, errors);
        }

        var taken = await active.CountAsync(p => p.Status == StatusPeserta.Terdaftar, ct);
        var row = new ParticipantRow
        {
            Id = Guid.CreateVersion7(now), ProgramId = program.Id, Nama = nama, Nim = nim, Email = email, Telepon = telepon, Prodi = student?.Prodi,
            Terverifikasi = student is not null, Status = program.Kapasitas is { } cap && taken >= cap ? StatusPeserta.Menunggu : StatusPeserta.Terdaftar,
            Token = ProgramRules.NewToken(), Kode = ProgramRules.NewCode(), DidaftarPada = now,
        };
        db.Participants.Add(row);
        await db.SaveChangesAsync(ct);
        await mail.ConfirmationAsync(program, row, tx, ct);
        await tx.CommitAsync(ct);
        await connection.ReleaseAsync();
        mail.Wake();
        return new(row, errors);
    }

    /// <summary>
    /// Cancels a registration (the participant's own link, or staff); a freed seat goes to the first person waiting,
    /// who is e-mailed their ticket. Cancelling twice changes nothing.
    /// </summary>
    public async Task<ParticipantRow?> CancelAsync(ProgramRow program, Guid participantId, CancellationToken ct)
    {
        await connection.OpenAsync(ct);
        await using var tx = await connection.Connection.BeginTransactionAsync(ct);
        await connection.EnlistAsync(db, tx, ct);
        await LockAsync(program.Id, ct);
        var row = await db.Participants.FirstOrDefaultAsync(p => p.Id == participantId && p.ProgramId == program.Id, ct);
        if (row is null || row.Status == StatusPeserta.Batal)
        {
            await tx.RollbackAsync(ct);
            await connection.ReleaseAsync();
            return null;
        }
        var freed = row.Status == StatusPeserta.Terdaftar;
        row.Status = StatusPeserta.Batal;
        row.DibatalkanPada = clock.GetUtcNow();
        ParticipantRow? promoted = null;
        if (freed && ProgramRules.StatusOf(program, clock.GetUtcNow()) is not (ProgramStatus.Selesai or ProgramStatus.Dibatalkan))
        {
            promoted = await db.Participants.Where(p => p.ProgramId == program.Id && p.Status == StatusPeserta.Menunggu)
                .OrderBy(p => p.DidaftarPada).ThenBy(p => p.Id).FirstOrDefaultAsync(ct);
            if (promoted is not null) promoted.Status = StatusPeserta.Terdaftar;
        }
        await db.SaveChangesAsync(ct);
        await mail.CancelledAsync(program, row, tx, ct);
        if (promoted is not null) await mail.PromotedAsync(program, promoted, tx, ct);
        await tx.CommitAsync(ct);
        await connection.ReleaseAsync();
        mail.Wake();
        return promoted;
    }

    private Task LockAsync(Guid programId, CancellationToken ct) =>
        db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM program.programs WHERE id = {programId} FOR UPDATE", ct);

    /// <summary>An Indonesian mobile number as 08…; null when it is not one.</summary>
    public static string? NormalizePhone(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone)) return null;
        var digits = new string(phone.Where(char.IsDigit).ToArray());
        if (digits.StartsWith("62")) digits = "0" + digits[2..];
        return digits.Length is >= 10 and <= 14 && digits.StartsWith("08") ? digits : null;
    }

    [GeneratedRegex(@"^[0-9A-Z][0-9A-Z.\-]{3,18}[0-9A-Z]$")]
    private static partial Regex NimPattern();
}
