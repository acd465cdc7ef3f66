using System.Security.Claims;
using CampusKonseling.Audit;
using CampusKonseling.Cases.Data;
using CampusKonseling.Cases.Privacy;
using CampusKonseling.Modules;
using CampusKonseling.Notifications;
using CampusKonseling.Site;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Cases.Work;

public sealed record AgreementInput(DateOnly? Tanggal, TimeOnly? Jam, int DurasiMenit, string? Tempat, string? Tautan, string? KodeRapat, string? SandiRapat);

/// <summary>
/// The scheduling agreement (kesepakatan) of IPDN's online SOP: date, time, place or online link with
/// code and password; the client is e-mailed and the counselor told on every change, with the reason
/// for a reschedule or cancellation.
/// </summary>
public sealed class Appointments(CasesDb db, CounselingProtector protector, IOutbox outbox, INotifier notifier, ISiteSettings site, CampusClock campusClock,
    KeyedTextRenderer texts, CampusKonseling.Users.IUserDirectory directory, CaseAudit audit, CampusKonseling.Workflows.ISopSteps steps,
    CampusKonseling.Shell.PublicLinks links, TimeProvider clock, IStringLocalizer<S> T)
{
    /// <summary>The instance date the SOP's "sesuai jadwal yang disepakati" steps count to (<c>acuan: "janji"</c>).</summary>
    public const string TanggalJanji = "tanggal.janji";

    public async Task<IReadOnlyList<Appointment>> OfAsync(Guid caseId, CancellationToken ct) =>
        await db.Appointments.AsNoTracking().Where(a => a.CaseId == caseId).OrderByDescending(a => a.Mulai).ToListAsync(ct);

    public string? Password(Appointment a) => a.SandiRapat is null ? null : protector.Unprotect(a.SandiRapat);

    /// <returns>Errors by field (empty when saved).</returns>
    public async Task<Dictionary<string, string>> AgreeAsync(ClaimsPrincipal user, CaseRow c, AgreementInput i, Guid? replaces, string? alasan, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        if (i.Tanggal is null) errors["Tanggal"] = T["Tanggal wajib diisi."];
        if (i.Jam is null) errors["Jam"] = T["Jam wajib diisi."];
        if (i.DurasiMenit is < 15 or > 480) errors["DurasiMenit"] = T["Durasi antara 15 dan 480 menit."];
        if (string.IsNullOrWhiteSpace(i.Tempat) && string.IsNullOrWhiteSpace(i.Tautan)) errors["Tempat"] = T["Isi tempat pertemuan atau tautan konseling online."];
        if (!string.IsNullOrWhiteSpace(i.Tautan) && !(Uri.TryCreate(i.Tautan.Trim(), UriKind.Absolute, out var u) && u.Scheme is "https" or "http"))
            errors["Tautan"] = T["Tautan harus alamat http(s) lengkap."];
        if (replaces is not null && string.IsNullOrWhiteSpace(alasan)) errors["Alasan"] = T["Tuliskan alasan penjadwalan ulang."];
        var campus = await site.GetAsync(ct);
        var time = campusClock.For(campus);
        DateTimeOffset start = default;
        if (i.Tanggal is { } d && i.Jam is { } t)
        {
            start = time.FromLocal(d.ToDateTime(t)).ToUniversalTime();
            if (start < clock.GetUtcNow()) errors["Tanggal"] = T["Waktu konseling sudah lewat; pilih waktu yang akan datang."];
        }
        if (errors.Count > 0) return errors;

        if (replaces is { } old && await db.Appointments.FirstOrDefaultAsync(a => a.Id == old && a.CaseId == c.Id, ct) is { } previous)
        {
            previous.Status = StatusJanji.Dijadwalkan;
            previous.Alasan = alasan!.Trim();
            await outbox.WithdrawAsync(ReminderKey(previous.Id), ct);
        }
        var appointment = new Appointment
        {
            Id = Guid.CreateVersion7(), CaseId = c.Id, Mulai = start, DurasiMenit = i.DurasiMenit, Tempat = Trim(i.Tempat), Tautan = Trim(i.Tautan),
            KodeRapat = Trim(i.KodeRapat), SandiRapat = Trim(i.SandiRapat) is { } p ? protector.Protect(p) : null,
            Status = StatusJanji.Terjadwal, OlehNama = CaseTimeline.NameOf(user), DibuatPada = clock.GetUtcNow(),
        };
        db.Appointments.Add(appointment);
        await db.SaveChangesAsync(ct);
        await FirstContact.RecordAsync(db, c.Id, appointment.DibuatPada, ct);
        var where = Where(appointment, Trim(i.SandiRapat));
        var agreed = T.Keyed("Kesepakatan pelaksanaan konseling: {0}, {1} menit.\n{2}", start, i.DurasiMenit, where);
        await TellAsync(c, replaces is null ? T.Keyed("Jadwal konseling {0}", c.Nomor) : T.Keyed("Jadwal konseling {0} diubah", c.Nomor),
            replaces is null ? agreed : agreed.Then(T.Keyed("Alasan perubahan: {0}", alasan!.Trim()), "\n"), campus, time, ct);
        await RemindAsync(c, appointment, where, campus, time, ct);
        await TellSopAsync(c, ct);
        await audit.RecordAsync(AuditKinds.Ubah, c, replaces is null ? $"Kesepakatan konseling kasus {c.Nomor} dibuat" : $"Kesepakatan konseling kasus {c.Nomor} dijadwalkan ulang", ct);
        return errors;
    }

    public async Task<string?> CancelAsync(ClaimsPrincipal user, CaseRow c, Guid id, string? alasan, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(alasan)) return T["Tuliskan alasan pembatalan."];
        var a = await db.Appointments.FirstOrDefaultAsync(x => x.Id == id && x.CaseId == c.Id, ct);
        if (a is null) return T["Jadwal tidak ditemukan."];
        a.Status = StatusJanji.Batal;
        a.Alasan = alasan.Trim();
        await db.SaveChangesAsync(ct);
        await outbox.WithdrawAsync(ReminderKey(a.Id), ct);
        var campus = await site.GetAsync(ct);
        await TellSopAsync(c, ct);
        await TellAsync(c, T.Keyed("Jadwal konseling {0} dibatalkan", c.Nomor), T.Keyed("Konseling pada {0} dibatalkan. Alasan: {1}", a.Mulai, a.Alasan), campus, campusClock.For(campus), ct);
        await audit.RecordAsync(AuditKinds.Ubah, c, $"Kesepakatan konseling kasus {c.Nomor} dibatalkan oleh {CaseTimeline.NameOf(user)}", ct);
        return null;
    }

    /// <summary>The SOP learns the agreed time (or that none stands any more), so steps due at the appointment get their due time.</summary>
    private async Task TellSopAsync(CaseRow c, CancellationToken ct)
    {
        if (c.SopInstanceId is not { } instance) return;
        var next = await db.Appointments.AsNoTracking().Where(a => a.CaseId == c.Id && a.Status == StatusJanji.Terjadwal)
            .OrderByDescending(a => a.DibuatPada).Select(a => (DateTimeOffset?)a.Mulai).FirstOrDefaultAsync(ct);
        await steps.UpdateAsync(instance, new Dictionary<string, string?> { [TanggalJanji] = next?.ToString("O", System.Globalization.CultureInfo.InvariantCulture) }, ct);
    }

    /// <summary>The agreement in force: the latest one still scheduled.</summary>
    public Task<Appointment?> CurrentAsync(Guid caseId, CancellationToken ct) =>
        db.Appointments.Where(a => a.CaseId == caseId && a.Status == StatusJanji.Terjadwal).OrderByDescending(a => a.DibuatPada).FirstOrDefaultAsync(ct);

    /// <summary>The client confirms the agreement in force (their konfirmasiJadwal step's evidence); the counselor is told.</summary>
    public async Task<string?> ConfirmAsync(ClaimsPrincipal client, CaseRow c, Guid id, CancellationToken ct)
    {
        if (await CurrentAsync(c.Id, ct) is not { } a || a.Id != id) return T["Jadwal ini sudah tidak berlaku. Muat ulang halaman untuk melihat jadwal terbaru."];
        a.DikonfirmasiPada = clock.GetUtcNow();
        a.DikonfirmasiOleh = client.FindFirstValue(ClaimTypes.NameIdentifier);
        await db.SaveChangesAsync(ct);
        await TellStaffAsync(c, new Notification("kasus-jadwal", T.Keyed("Klien mengonfirmasi jadwal konseling {0}", c.Nomor), T.Keyed("Jadwal {0} dikonfirmasi klien.", a.Mulai), $"admin/kasus/{c.Id}"), ct);
        await audit.RecordAsync(AuditKinds.Ubah, c, $"Kesepakatan konseling kasus {c.Nomor} dikonfirmasi klien", ct);
        return null;
    }

    /// <summary>The client asks for another date, with a reason: the counselor is told and the note kept; the agreement and the client's step stay open.</summary>
    public async Task<string?> AskOtherDateAsync(ClaimsPrincipal client, CaseRow c, Guid id, string? alasan, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(alasan)) return T["Tuliskan alasan dan waktu yang Anda usulkan."];
        if (alasan.Trim().Length > 1000) return T["Alasan paling panjang 1000 karakter."];
        if (await CurrentAsync(c.Id, ct) is not { } a || a.Id != id) return T["Jadwal ini sudah tidak berlaku. Muat ulang halaman untuk melihat jadwal terbaru."];
        var time = await campusClock.GetAsync(ct);
        // The case keeps the note in the campus's language; the notice is written for each reader.
        var asked = T.Keyed("Klien meminta jadwal lain untuk konseling {0}. Alasan: {1}", a.Mulai, alasan.Trim());
        var isi = texts.Render(asked, time, CultureScope.Of((await site.GetAsync(ct)).DefaultCulture));
        db.Entries.Add(new CaseEntry
        {
            CaseId = c.Id, Jenis = JenisCatatan.Catatan, Tingkat = Tingkat.Administratif, Isi = isi, OlehId = client.FindFirstValue(ClaimTypes.NameIdentifier) ?? "",
            OlehNama = CaseTimeline.NameOf(client), Pada = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(ct);
        await TellStaffAsync(c, new Notification("kasus-jadwal", T.Keyed("Klien meminta jadwal lain: kasus {0}", c.Nomor), asked, $"admin/kasus/{c.Id}", Surel: true), ct);
        await audit.RecordAsync(AuditKinds.Ubah, c, $"Klien kasus {c.Nomor} meminta jadwal lain", ct);
        return null;
    }

    /// <summary>The counselor of the case; before one is assigned, the staff roles whose step handed the case to the client.</summary>
    private async Task TellStaffAsync(CaseRow c, Notification n, CancellationToken ct)
    {
        if (c.KonselorId is { } konselor) await notifier.NotifyUsersAsync([konselor], n, ct);
        else foreach (var role in c.PeranMenunggu.Concat(c.PeranAktif).Distinct()) await notifier.NotifyRoleAsync(role, n, ct);
    }

    public static string ReminderKey(Guid appointmentId) => $"janji:{appointmentId}";

    /// <summary>Where the session is: the online link with its code and password, else the place.</summary>
    private KeyedText Where(Appointment a, string? password) =>
        a.Tautan is { } link ? T.Keyed("Online: {0} (kode {1}, kata sandi {2})", link, a.KodeRapat ?? "-", password ?? "-") : a.Tempat!;

    /// <summary>
    /// Reminders to the client and the counselor a day and two hours before the session, each in their own language;
    /// withdrawn if it moves or is cancelled.
    /// </summary>
    private async Task RemindAsync(CaseRow c, Appointment a, KeyedText where, CampusSettings campus, CampusTime time, CancellationToken ct)
    {
        var people = new List<(string Email, string Nama, string? UserId)>();
        if (!string.IsNullOrWhiteSpace(c.Email)) people.Add((c.Email, c.Nama, c.PenggunaId));
        if (c.KonselorId is { } k && (await directory.UsersAsync([k], ct)).FirstOrDefault() is { Email: { Length: > 0 } email } konselor) people.Add((email, konselor.Nama, konselor.Id));
        foreach (var before in new[] { TimeSpan.FromDays(1), TimeSpan.FromHours(2) })
        {
            var at = a.Mulai - before;
            if (at <= clock.GetUtcNow()) continue;
            foreach (var (to, nama, userId) in people)
            {
                var culture = await LanguageOfAsync(userId, campus, ct);
                var subject = texts.Render(T.Keyed("Pengingat: konseling {0}", a.Mulai), time, culture);
                var body = texts.Render(T.Keyed("Yth. {0},\n\n{1}\n\n{2}", nama,
                    T.Keyed("Pengingat jadwal konseling kasus {0}: {1}, {2} menit.\n{3}", c.Nomor, a.Mulai, a.DurasiMenit, where), campus.UnitName ?? campus.CampusName), time, culture);
                await outbox.EnqueueLaterAsync(new EmailMessage(to, $"[{campus.CampusName}] {subject}", body), at, ReminderKey(a.Id), ct);
            }
        }
    }

    /// <summary>The client is e-mailed in their own language (their account's choice, else the campus's); the counselor is notified.</summary>
    private async Task TellAsync(CaseRow c, KeyedText judul, KeyedText isi, CampusSettings campus, CampusTime time, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(c.Email))
        {
            var culture = await LanguageOfAsync(c.PenggunaId, campus, ct);
            // A client with an account confirms or moves the session on their own page; without one, they follow the request's status.
            var page = links.Absolute(c.PenggunaId is not null ? "permohonan-saya" : "formulir/status");
            var text = page is null ? isi : isi.Then(T.Keyed("Lihat di: {0}", page), "\n\n");
            var body = T.Keyed("Yth. {0},\n\n{1}\n\n{2}", c.Nama, text, campus.UnitName ?? campus.CampusName);
            await outbox.EnqueueAsync(new EmailMessage(c.Email, $"[{campus.CampusName}] {texts.Render(judul, time, culture)}", texts.Render(body, time, culture)), null, ct);
            outbox.Wake();
        }
        if (c.KonselorId is { } konselor) await notifier.NotifyUsersAsync([konselor], new Notification("kasus-jadwal", judul, isi, $"admin/kasus/{c.Id}"), ct);
    }

    private async Task<System.Globalization.CultureInfo> LanguageOfAsync(string? userId, CampusSettings campus, CancellationToken ct) =>
        CultureScope.Of((userId is null ? null : (await directory.UsersAsync([userId], ct)).FirstOrDefault()?.Bahasa) ?? campus.DefaultCulture);

    private static string? Trim(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
