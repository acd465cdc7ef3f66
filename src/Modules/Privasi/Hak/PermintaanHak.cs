using System.Security.Claims;
using CampusKonseling.Audit;
using CampusKonseling.Data;
using CampusKonseling.Notifications;
using CampusKonseling.Privasi.Data;
using CampusKonseling.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Privasi.Hak;

/// <summary>
/// Data subjects' requests (UU 27/2022 Pasal 5–13): a signed-in person (or someone without an account, from an address they
/// proved by e-mail) asks, the request runs on the campus's SOP for them
/// (the one whose first step takes the entry channel "hak"), the counselor's review and the unit's answer are recorded
/// here and are the evidence the SOP's steps need. The person is their account and its e-mail address, never a name.
/// </summary>
public sealed class PermintaanHak(PrivasiDb db, TenantDbConnection connection, CampusKonseling.Modules.ShellFeatureServices features, ISopLauncher sops, ISopSteps steps, INotifier notifier,
    VerifikasiSurel verifikasi, IAuditLog audit, CampusKonseling.Site.CampusClock campusClock, TimeProvider clock, IStringLocalizer<S> T)
{
    public const int MaksUraian = 2000, MaksJawaban = 4000;

    /// <summary>The SOP requests run on, or null when the campus has none (the page says so instead of taking requests).</summary>
    public async Task<SopSummary?> SopAsync(CancellationToken ct) =>
        (await sops.ListAsync(ct)).FirstOrDefault(s => s.Masuk.Contains(HakSubjek.Masuk, StringComparer.OrdinalIgnoreCase));

    /// <summary>The person's requests: by account, or — for an address proved by e-mail — those made without an account from it.</summary>
    public Task<List<PermintaanRow>> MilikAsync(Pemohon pemohon, CancellationToken ct) => Milik(pemohon).OrderByDescending(p => p.DiajukanPada).ToListAsync(ct);

    private IQueryable<PermintaanRow> Milik(Pemohon pemohon)
    {
        if (pemohon.PenggunaId is { } id) return db.Permintaan.AsNoTracking().Where(p => p.PenggunaId == id);
        var email = pemohon.Email.ToLower();
        return db.Permintaan.AsNoTracking().Where(p => p.PenggunaId == null && p.Email.ToLower() == email);
    }

    public Task<List<PermintaanRow>> SemuaAsync(CancellationToken ct) =>
        db.Permintaan.AsNoTracking().OrderBy(p => p.DijawabPada != null).ThenByDescending(p => p.DiajukanPada).Take(500).ToListAsync(ct);

    public Task<PermintaanRow?> FindAsync(Guid id, CancellationToken ct) => db.Permintaan.FirstOrDefaultAsync(p => p.Id == id, ct);

    public Task<PermintaanRow?> OfInstanceAsync(Guid instanceId, CancellationToken ct) =>
        db.Permintaan.AsNoTracking().FirstOrDefaultAsync(p => p.SopInstanceId == instanceId, ct);

    /// <summary>Records the request and starts its SOP in one transaction; the refusal in Indonesian otherwise.</summary>
    public async Task<(PermintaanRow? Row, string? Refusal)> AjukanAsync(Pemohon? pemohon, string? jenis, string? uraian, CancellationToken ct)
    {
        if (pemohon is null) return (null, T["Akun Anda tidak memiliki alamat e-mail; hubungi unit layanan."]);
        if (jenis is null || !JenisHak.Semua.Contains(jenis)) return (null, T["Pilih jenis permintaan."]);
        uraian = string.IsNullOrWhiteSpace(uraian) ? null : uraian.Trim();
        if (uraian is { Length: > MaksUraian }) return (null, T["Uraian paling panjang {0} karakter.", MaksUraian]);
        if (uraian is null && jenis is JenisHak.Perbaikan or JenisHak.Penarikan or JenisHak.Pembatasan)
            return (null, jenis switch
            {
                JenisHak.Perbaikan => T["Tuliskan data mana yang salah dan bagaimana yang benar."],
                JenisHak.Penarikan => T["Tuliskan persetujuan mana yang Anda tarik (formulir atau program)."],
                _ => T["Tuliskan pemrosesan mana yang Anda minta dibatasi dan alasannya."],
            });
        if (await Milik(pemohon).FirstOrDefaultAsync(p => p.Jenis == jenis && p.DijawabPada == null, ct) is { } open)
            return (null, T["Permintaan {0} dengan jenis yang sama masih diproses; jawabannya akan datang ke halaman ini.", open.Nomor]);
        if (await SopAsync(ct) is not { } sop) return (null, T["Kampus ini belum menetapkan SOP pelayanan hak subjek data; hubungi pejabat pelindungan data pribadi."]);

        var now = clock.GetUtcNow();
        var row = new PermintaanRow
        {
            Id = Guid.CreateVersion7(now), Nomor = "", Jenis = jenis, PenggunaId = pemohon.PenggunaId, Email = pemohon.Email,
            Nama = Short(pemohon.Nama),
            Uraian = uraian, DiajukanPada = now, JatuhTempo = now + HakSubjek.BatasJawab,
        };
        await connection.OpenAsync(ct);
        SopLaunch launch;
        await using (var tx = await connection.Connection.BeginTransactionAsync(ct))
        {
            await connection.EnlistAsync(db, tx, ct);
            // Numbered per year in the order received; the transaction-scoped lock keeps two requests at once apart.
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(hashtext('privasi.permintaan.nomor'))", ct);
            var year = (await campusClock.GetAsync(ct)).Now.Year;
            var prefix = $"PDP-{year}-";
            var count = await db.Permintaan.CountAsync(p => p.Nomor.StartsWith(prefix), ct);
            row.Nomor = $"{prefix}{count + 1:0000}";
            launch = await sops.StartAsync(sop.Kode, T["Permintaan {0} ({1})", row.Nomor, Nama(jenis)],
                pemohon.PenggunaId is { } id ? new Dictionary<string, string> { ["klien"] = id, ["jenis-hak"] = jenis } : new Dictionary<string, string> { ["jenis-hak"] = jenis },
                tx, ct, masuk: "formulir");
            row.SopInstanceId = launch.InstanceId;
            db.Permintaan.Add(row);
            await db.SaveChangesAsync(ct);
            await audit.RecordAsync(new AuditEvent(AuditKinds.Buat, "privasi-permintaan", row.Id.ToString(), $"Permintaan {row.Nomor}: {Nama(jenis)}"), tx, ct);
            await tx.CommitAsync(ct);
            await connection.ReleaseAsync();
        }
        await launch.AfterCommitAsync(ct);
        return (row, null);
    }

    /// <summary>The counselor's review: counseling notes and others' data given or withheld, with the reason when withheld.</summary>
    public async Task<string?> TelaahAsync(Guid id, ClaimsPrincipal user, string? keputusan, string? alasan, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { SopInstanceId: { } instance } row) return T["Permintaan tidak ditemukan."];
        if (await StepAsync(instance, AksiJenis.Telaah, user, ct) is not { } step) return T["Telaah permintaan ini bukan langkah Anda saat ini."];
        if (keputusan is not (Data.Telaah.Disertakan or Data.Telaah.Ditahan)) return T["Pilih: sertakan catatan konseling, atau tahan."];
        alasan = string.IsNullOrWhiteSpace(alasan) ? null : alasan.Trim();
        if (keputusan == Data.Telaah.Ditahan && alasan is null) return T["Tuliskan alasan menahan catatan konseling; alasan ini disampaikan kepada pemohon."];
        if (alasan is { Length: > MaksUraian }) return T["Alasan paling panjang {0} karakter.", MaksUraian];
        row.Telaah = keputusan;
        row.TelaahAlasan = alasan;
        row.TelaahOleh = Short(user.FindFirstValue(ClaimTypes.GivenName) ?? user.Identity?.Name ?? "-");
        row.TelaahOlehId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        row.TelaahPada = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(new AuditEvent(AuditKinds.Ubah, "privasi-permintaan", row.Id.ToString(),
            $"Telaah {row.Nomor}: catatan konseling {(keputusan == Data.Telaah.Disertakan ? "disertakan" : "ditahan")}"), ct);
        return await steps.CompleteAsync(instance, step.StepId, user, catatan: keputusan == Data.Telaah.Ditahan ? T["Catatan konseling ditahan: {0}", alasan!] : T["Catatan konseling disertakan."], ct: ct);
    }

    /// <summary>The unit's answer; the subject is told (in the app and by e-mail) and finds it on their own page.</summary>
    public async Task<string?> JawabAsync(Guid id, ClaimsPrincipal user, string? jawaban, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { SopInstanceId: { } instance } row) return T["Permintaan tidak ditemukan."];
        if (await StepAsync(instance, AksiJenis.Jawab, user, ct) is not { } step) return T["Menjawab permintaan ini bukan langkah Anda saat ini."];
        jawaban = string.IsNullOrWhiteSpace(jawaban) ? null : jawaban.Trim();
        if (jawaban is null) return T["Tuliskan jawaban kepada pemohon."];
        if (jawaban.Length > MaksJawaban) return T["Jawaban paling panjang {0} karakter.", MaksJawaban];
        // Erasure, restriction and withdrawal are carried out by the modules holding the data, within their retention duties; the answer says what was done.
        if (row.Jenis is JenisHak.Penghapusan or JenisHak.Pembatasan or JenisHak.Penarikan)
        {
            var done = new List<string>();
            foreach (var pelaksana in features.Contracts<IHakSubjekPelaksana>()) done.AddRange(await pelaksana.LaksanakanAsync(new SubjekData(row.PenggunaId, row.Email), row.Jenis, ct));
            var report = T["Yang sudah dilaksanakan:"] + "\n" + (done.Count == 0 ? T["Tidak ada data yang disimpan tentang Anda untuk permintaan ini."].Value : string.Join("\n", done.Select(d => "- " + d)));
            jawaban = (jawaban + "\n\n" + report) is var full && full.Length > MaksJawaban ? full[..MaksJawaban] : full;
        }
        row.Jawaban = jawaban;
        row.DijawabOleh = Short(user.FindFirstValue(ClaimTypes.GivenName) ?? user.Identity?.Name ?? "-");
        row.DijawabPada = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(new AuditEvent(AuditKinds.Ubah, "privasi-permintaan", row.Id.ToString(), $"Permintaan {row.Nomor} dijawab"), ct);
        if (await steps.CompleteAsync(instance, step.StepId, user, catatan: T["Permintaan dijawab."], ct: ct) is { } refused) return refused;
        if (row.PenggunaId is { } subjek)
            await notifier.NotifyUsersAsync([subjek], new Notification("privasi-jawaban", T.Keyed("Permintaan {0} sudah dijawab", row.Nomor),
                T.Keyed("Unit layanan sudah menjawab permintaan {0} atas data pribadi Anda. Buka halaman Data pribadi saya untuk membacanya.", row.Nomor),
                "data-pribadi-saya", Surel: true), ct);
        else await verifikasi.KirimJawabanAsync(row, ct);
        return null;
    }

    /// <summary>The active step carrying the action, when the reader may do it now.</summary>
    public async Task<SopLangkah?> StepAsync(Guid instance, string jenis, ClaimsPrincipal user, CancellationToken ct) =>
        (await steps.ActiveAsync(instance, user, ct)).FirstOrDefault(s => s.BolehDikerjakan && s.Aksi.Any(a => a.Jenis == jenis));

    /// <summary>The request's current step as the reader sees it, and whether the reader may do it now.</summary>
    public async Task<(string Langkah, bool Giliran)> LangkahAsync(PermintaanRow row, ClaimsPrincipal user, CancellationToken ct)
    {
        if (row.SopInstanceId is not { } instance) return ("-", false);
        var active = await steps.ActiveAsync(instance, user, ct);
        if (active.Count == 0) return (row.DijawabPada is null ? T["-"] : T["Selesai"], false);
        return (string.Join("; ", active.Select(a => $"{a.Label}. {a.Uraian}")), active.Any(a => a.BolehDikerjakan));
    }

    public string Nama(string jenis) => jenis switch
    {
        JenisHak.Akses => T["akses dan salinan data"],
        JenisHak.Perbaikan => T["perbaikan data"],
        JenisHak.Penghapusan => T["penghapusan data"],
        JenisHak.Pembatasan => T["pembatasan pemrosesan"],
        JenisHak.Penarikan => T["penarikan persetujuan"],
        _ => jenis,
    };

    private static string Short(string s) => s.Length > 200 ? s[..200] : s;
}
