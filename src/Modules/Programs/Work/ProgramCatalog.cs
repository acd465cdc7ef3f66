using CampusKonseling.Data;
using CampusKonseling.Programs.Data;
using CampusKonseling.Site;
using CampusKonseling.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Programs.Work;

/// <summary>One session as staff enter it, in the campus's local time.</summary>
public sealed record SessionInput(DateOnly? Tanggal, TimeOnly? Mulai, TimeOnly? Selesai, string? Keterangan = null);

public sealed record ProgramInput(
    string? JenisKode, string? Judul, string? Tema, string? Narasumber, string? Tempat, string? Tautan, string? Sasaran, int? Kapasitas,
    DateTime? PendaftaranBuka, DateTime? PendaftaranTutup, IReadOnlyList<SessionInput> Sesi);

/// <summary>
/// The campus's programs: made from a program kind of its recipe, each starting its SOP in the same
/// transaction (the program and its first step exist together or not at all).
/// </summary>
public sealed class ProgramCatalog(ProgramsDb db, TenantDbConnection connection, ISopLauncher sops, CampusClock campusClock, TimeProvider clock, IStringLocalizer<S> T)
{
    public async Task<TimeZoneInfo> ZoneAsync(CancellationToken ct) => (await campusClock.GetAsync(ct)).Zone;

    /// <summary>The campus's clock, for pages that show the programme's times (in its zone, with its name).</summary>
    public Task<CampusTime> TimeAsync(CancellationToken ct) => campusClock.GetAsync(ct);

    public async Task<IReadOnlyList<ProgramKind>> KindsAsync(CancellationToken ct) => await db.Kinds.AsNoTracking().OrderBy(k => k.Nama).ToListAsync(ct);

    public Task<ProgramRow?> FindAsync(Guid id, CancellationToken ct) => db.Programs.FirstOrDefaultAsync(p => p.Id == id, ct);

    public async Task<IReadOnlyList<SessionRow>> SessionsAsync(Guid id, CancellationToken ct) =>
        await db.Sessions.AsNoTracking().Where(s => s.ProgramId == id).OrderBy(s => s.Mulai).ToListAsync(ct);

    /// <summary>Programs not finished nor cancelled whose last session has not ended, soonest first (the campus site).</summary>
    public async Task<IReadOnlyList<ProgramRow>> UpcomingAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return await db.Programs.AsNoTracking()
            .Where(p => p.Status != ProgramStatus.Selesai && p.Status != ProgramStatus.Dibatalkan && p.Mulai != null && p.Selesai > now)
            .OrderBy(p => p.Mulai).ToListAsync(ct);
    }

    /// <summary>Checks what staff entered; every problem is keyed by its field. The sessions come back in UTC.</summary>
    public (List<SessionRow> Sessions, DateTimeOffset? Buka, DateTimeOffset? Tutup) Validate(ProgramInput input, TimeZoneInfo zone, Dictionary<string, string> errors)
    {
        if (string.IsNullOrWhiteSpace(input.Judul)) errors["Judul"] = T["Judul program wajib diisi."];
        else if (input.Judul.Trim().Length > 200) errors["Judul"] = T["Judul paling panjang 200 karakter."];
        if (input.Kapasitas is < 1 or > 100000) errors["Kapasitas"] = T["Kapasitas harus antara 1 dan 100.000 peserta, atau kosong bila tidak dibatasi."];
        if (!string.IsNullOrWhiteSpace(input.Tautan) && !(Uri.TryCreate(input.Tautan.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"))
            errors["Tautan"] = T["Tautan daring harus alamat lengkap yang diawali https://."];
        if (string.IsNullOrWhiteSpace(input.Tempat) && string.IsNullOrWhiteSpace(input.Tautan)) errors["Tempat"] = T["Isi tempat kegiatan atau tautan daring."];
        var sessions = new List<SessionRow>();
        for (var i = 0; i < input.Sesi.Count; i++)
        {
            var s = input.Sesi[i];
            if (s.Tanggal is null && s.Mulai is null && s.Selesai is null) continue;
            if (s.Tanggal is null || s.Mulai is null || s.Selesai is null) { errors[$"Sesi[{i}]"] = T["Lengkapi tanggal, jam mulai, dan jam selesai sesi."]; continue; }
            if (s.Selesai <= s.Mulai) { errors[$"Sesi[{i}]"] = T["Jam selesai harus setelah jam mulai."]; continue; }
            sessions.Add(new SessionRow { Id = Guid.CreateVersion7(), Mulai = Utc(s.Tanggal.Value, s.Mulai.Value, zone), Selesai = Utc(s.Tanggal.Value, s.Selesai.Value, zone), Keterangan = Trim(s.Keterangan) });
        }
        if (sessions.Count == 0 && !errors.Keys.Any(k => k.StartsWith("Sesi"))) errors["Sesi[0]"] = T["Isi paling sedikit satu sesi (tanggal dan jam)."];
        DateTimeOffset? buka = input.PendaftaranBuka is { } b ? Utc(b, zone) : null, tutup = input.PendaftaranTutup is { } t ? Utc(t, zone) : null;
        if (buka is not null && tutup is not null && tutup <= buka) errors["PendaftaranTutup"] = T["Pendaftaran harus ditutup setelah dibuka."];
        if (tutup is not null && sessions.Count > 0 && tutup > sessions.Min(s => s.Mulai)) errors["PendaftaranTutup"] = T["Pendaftaran harus ditutup sebelum sesi pertama dimulai."];
        return (sessions, buka, tutup);
    }

    public async Task<(Guid? Id, Dictionary<string, string> Errors)> CreateAsync(ProgramInput input, string oleh, CancellationToken ct)
    {
        var zone = await ZoneAsync(ct);
        var errors = new Dictionary<string, string>();
        var kind = input.JenisKode is null ? null : await db.Kinds.AsNoTracking().FirstOrDefaultAsync(k => k.Kode == input.JenisKode, ct);
        if (kind is null) errors["JenisKode"] = T["Pilih jenis program."];
        var (sessions, buka, tutup) = Validate(input, zone, errors);
        if (errors.Count > 0) return (null, errors);

        var now = clock.GetUtcNow();
        var row = new ProgramRow
        {
            Id = Guid.CreateVersion7(now), JenisKode = kind!.Kode, Jenis = kind.Jenis, Judul = input.Judul!.Trim(), Tema = Trim(input.Tema), Narasumber = Trim(input.Narasumber),
            Tempat = Trim(input.Tempat), Tautan = Trim(input.Tautan), Sasaran = Trim(input.Sasaran) ?? kind.Sasaran, SasaranSemester = kind.SasaranSemester, SasaranStatus = kind.SasaranStatus,
            Kapasitas = input.Kapasitas, PendaftaranBuka = buka, PendaftaranTutup = tutup, SopKode = kind.SopKode, RujukanSopKode = kind.RujukanSopKode,
            Mulai = sessions.Min(s => s.Mulai), Selesai = sessions.Max(s => s.Selesai), DibuatPada = now, DibuatOleh = oleh,
        };
        foreach (var s in sessions) s.ProgramId = row.Id;

        await connection.OpenAsync(ct);
        SopLaunch launch;
        await using (var tx = await connection.Connection.BeginTransactionAsync(ct))
        {
            // The instance knows the programme's dates from its first step, so its due times count from them.
            var konteks = new Dictionary<string, string> { [ProgramSuratAction.Program] = row.Id.ToString(), ["judul"] = row.Judul };
            foreach (var (key, value) in ProgramSopDates.Of(row, zone)) if (value is not null) konteks[key] = value;
            launch = await sops.StartAsync(kind.SopKode, row.Judul, konteks, tx, ct);
            await connection.EnlistAsync(db, tx, ct);
            row.SopInstanceId = launch.InstanceId;
            row.SopJudul = launch.Entry.Judul;
            db.Programs.Add(row);
            db.Sessions.AddRange(sessions);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            await connection.ReleaseAsync();
        }
        await launch.AfterCommitAsync(ct);
        return (row.Id, errors);
    }

    /// <summary>Closes a program as finished or cancelled; everyone registered or waiting for a cancelled program is e-mailed with the change.</summary>
    public async Task SetStatusAsync(ProgramRow row, string status, ParticipantMail mail, CancellationToken ct, ProgramArchiving? archiving = null)
    {
        await connection.OpenAsync(ct);
        await using (var tx = await connection.Connection.BeginTransactionAsync(ct))
        {
            await connection.EnlistAsync(db, tx, ct);
            row.Status = status;
            await db.SaveChangesAsync(ct);
            if (status == ProgramStatus.Dibatalkan)
                foreach (var p in await db.Participants.AsNoTracking().Where(p => p.ProgramId == row.Id && p.Status != StatusPeserta.Batal).ToListAsync(ct))
                    await mail.ProgramCancelledAsync(row, p, tx, ct);
            await tx.CommitAsync(ct);
            await connection.ReleaseAsync();
        }
        mail.Wake();
        if (status == ProgramStatus.Selesai && archiving is not null) await archiving.FileAsync(row, ct);
    }

    public static DateTimeOffset Utc(DateOnly date, TimeOnly time, TimeZoneInfo zone) => Utc(date.ToDateTime(time), zone);

    public static DateTimeOffset Utc(DateTime local, TimeZoneInfo zone) =>
        new(TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone), TimeSpan.Zero);

    public static string? Trim(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
