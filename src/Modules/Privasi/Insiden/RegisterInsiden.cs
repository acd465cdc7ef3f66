using System.Net.Mail;
using System.Security.Claims;
using CampusKonseling.Audit;
using CampusKonseling.Data;
using CampusKonseling.Modules;
using CampusKonseling.Notifications;
using CampusKonseling.Privasi.Data;
using CampusKonseling.Shell;
using CampusKonseling.Site;
using CampusKonseling.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Privasi.Insiden;

/// <summary>What a person who learnt of a breach writes in the register; the time is the campus's local time.</summary>
public sealed record CatatanInsiden(string? Judul, string? Uraian, DateTime? Diketahui, string? Subjek);

/// <summary>
/// The campus's breach register (UU 27/2022 Pasal 46): any staff member records a suspected breach with when the unit learnt
/// of it; it runs on the campus's SOP for breaches (the one whose first step takes the entry channel "insiden"), whose time
/// standards count from that moment; the DPO is told by e-mail at once; every step is a line of the breach's history.
/// </summary>
public sealed class RegisterInsiden(PrivasiDb db, TenantDbConnection connection, ISopLauncher sops, ISopSteps steps, IOutbox outbox, IPejabatPdp pejabat,
    IAuditLog audit, CampusClock campusClock, ISiteSettings site, PublicLinks links, TimeProvider clock, IStringLocalizer<S> T)
{
    public const int MaksJudul = 200, MaksUraian = 4000, MaksSubjek = 5000;

    public async Task<SopSummary?> SopAsync(CancellationToken ct) =>
        (await sops.ListAsync(ct)).FirstOrDefault(s => s.Masuk.Contains(SopInsiden.Masuk, StringComparer.OrdinalIgnoreCase));

    /// <summary>The whole register (the law asks for every breach, and a campus has few), open ones first.</summary>
    public Task<List<InsidenRow>> SemuaAsync(CancellationToken ct) =>
        db.Insiden.AsNoTracking().OrderBy(i => i.DitutupPada != null).ThenByDescending(i => i.DiketahuiPada).ToListAsync(ct);

    public Task<InsidenRow?> FindAsync(Guid id, CancellationToken ct) => db.Insiden.FirstOrDefaultAsync(i => i.Id == id, ct);

    public Task<List<PeristiwaRow>> RiwayatAsync(Guid id, CancellationToken ct) =>
        db.Peristiwa.AsNoTracking().Where(p => p.InsidenId == id).OrderBy(p => p.Pada).ThenBy(p => p.Urutan).ToListAsync(ct);

    /// <summary>The e-mail addresses in a pasted list (one per line, or separated by commas or semicolons), or the first that is not one.</summary>
    /// More than <see cref="MaksSubjek"/> stops the reading there (the caller refuses the list), so a huge paste costs little.
    public static (List<string> Alamat, string? Salah) Alamat(string? text)
    {
        var list = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in (text ?? "").Split(['\n', '\r', ',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (part.Length > 256 || !MailAddress.TryCreate(part, out var a) || a.Address != part) return (list, part.Length > 80 ? part[..80] : part);
            if (seen.Add(part)) list.Add(part);
            if (list.Count > MaksSubjek) break;
        }
        return (list, null);
    }

    /// <summary>Whether a date and time typed in a form is one the register can hold (not year 1, not centuries ahead).</summary>
    public static bool Masuk(DateTime local, DateTimeOffset now) => local.Year >= 2000 && local <= now.UtcDateTime.AddDays(2);

    /// <summary>Records the breach and starts its SOP in one transaction, tells the DPO; the refusals by field, in Indonesian.</summary>
    public async Task<(InsidenRow? Row, Dictionary<string, string> Galat)> CatatAsync(ClaimsPrincipal user, CatatanInsiden input, CancellationToken ct)
    {
        var galat = new Dictionary<string, string>();
        var judul = input.Judul?.Trim() ?? "";
        var uraian = input.Uraian?.Trim() ?? "";
        if (judul.Length == 0) galat["Judul"] = T["Tuliskan judul singkat insiden."];
        else if (judul.Length > MaksJudul) galat["Judul"] = T["Judul paling panjang {0} karakter.", MaksJudul];
        if (uraian.Length == 0) galat["Uraian"] = T["Tuliskan apa yang terjadi: data apa, di mana, bagaimana diketahui."];
        else if (uraian.Length > MaksUraian) galat["Uraian"] = T["Uraian paling panjang {0} karakter.", MaksUraian];
        var waktu = await campusClock.GetAsync(ct);
        var now = clock.GetUtcNow();
        DateTimeOffset diketahui = default;
        if (input.Diketahui is not { } local) galat["Diketahui"] = T["Isi kapan insiden ini diketahui; batas pemberitahuan 3 x 24 jam dihitung dari saat itu."];
        else if (!Masuk(local, now)) galat["Diketahui"] = T["Waktu diketahui tidak masuk akal."];
        else if ((diketahui = waktu.FromLocal(local).ToUniversalTime()) > now.AddMinutes(5)) galat["Diketahui"] = T["Waktu diketahui tidak boleh di masa depan."];
        var (alamat, salah) = Alamat(input.Subjek);
        if (salah is not null) galat["Subjek"] = T["Bukan alamat e-mail: {0}. Tulis satu alamat per baris.", salah];
        else if (alamat.Count > MaksSubjek) galat["Subjek"] = T["Paling banyak {0} alamat.", MaksSubjek];
        if (galat.Count > 0) return (null, galat);
        if (await SopAsync(ct) is not { } sop)
            return (null, new() { [""] = T["Kampus ini belum menetapkan SOP penanganan kegagalan pelindungan data pribadi; hubungi pejabat pelindungan data pribadi."] });

        var oleh = Short(user.FindFirstValue(ClaimTypes.GivenName) ?? user.Identity?.Name ?? "-");
        var row = new InsidenRow
        {
            Id = Guid.CreateVersion7(now), Nomor = "", Judul = judul, Uraian = uraian, DiketahuiPada = diketahui, DicatatPada = now,
            DicatatOleh = oleh, DicatatOlehId = user.FindFirstValue(ClaimTypes.NameIdentifier), SubjekEmail = alamat,
            Terlibat = user.FindFirstValue(ClaimTypes.NameIdentifier) is { } me ? [me] : [],
        };
        var dpo = await pejabat.GetAsync(ct);
        await connection.OpenAsync(ct);
        SopLaunch launch;
        await using (var tx = await connection.Connection.BeginTransactionAsync(ct))
        {
            await connection.EnlistAsync(db, tx, ct);
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(hashtext('privasi.insiden.nomor'))", ct);
            // The register, the SOP's subject and the DPO's mail are the campus's record: in Indonesian whatever the recorder reads.
            using var indonesia = CultureScope.Use(CultureScope.Of(null));
            var prefix = $"INS-{waktu.Now.Year}-";
            row.Nomor = $"{prefix}{await db.Insiden.CountAsync(i => i.Nomor.StartsWith(prefix), ct) + 1:0000}";
            launch = await sops.StartAsync(sop.Kode, T["Insiden {0}: {1}", row.Nomor, judul],
                new Dictionary<string, string>
                {
                    ["insiden"] = row.Id.ToString(),
                    ["tanggal." + SopInsiden.Diketahui] = diketahui.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture),
                }, tx, ct, masuk: "formulir");
            row.SopInstanceId = launch.InstanceId;
            db.Insiden.Add(row);
            Catat(row, now, oleh, JenisPeristiwa.Dicatat, T["Dicatat; diketahui {0}.", waktu.Format(diketahui)]);
            if (dpo is not null)
            {
                // The DPO learns of it with the recording: the mail says what and where, never the description's details.
                var campus = await site.GetAsync(ct);
                var url = links.Base is { } b ? $"{b}/admin/privasi/insiden/{row.Id}" : null;
                var body = string.Join("\n", new[]
                {
                    T["Yth. {0},", dpo.Nama].Value, "",
                    T["{0} mencatat dugaan kegagalan pelindungan data pribadi {1} ({2}) di register insiden.", oleh, row.Nomor, judul].Value,
                    T["Diketahui: {0}. Pemberitahuan kepada subjek data dan lembaga paling lambat {1}.", waktu.Format(diketahui), waktu.Format(row.BatasPemberitahuan)].Value,
                }.Concat(url is null ? [] : ["", T["Buka: {0}", url].Value]).Concat(["", campus.UnitName ?? campus.CampusName]));
                await outbox.EnqueueAsync(new EmailMessage(dpo.Email, $"[{campus.CampusName}] " + T["Insiden data pribadi {0}", row.Nomor], body), tx, ct);
                Catat(row, now, oleh, JenisPeristiwa.PejabatDiberitahu, T["Pejabat PDP {0} diberi tahu melalui e-mail {1}.", dpo.Nama, dpo.Email]);
            }
            await db.SaveChangesAsync(ct);
            await audit.RecordAsync(new AuditEvent(AuditKinds.Buat, "privasi-insiden", row.Id.ToString(), $"Insiden {row.Nomor} dicatat: {judul}"), tx, ct);
            await tx.CommitAsync(ct);
            await connection.ReleaseAsync();
        }
        await launch.AfterCommitAsync(ct);
        outbox.Wake();
        return (row, galat);
    }

    /// <summary>Adds a line to the breach's history (saved with the caller's next SaveChanges).</summary>
    public void Catat(InsidenRow row, DateTimeOffset pada, string oleh, string jenis, string uraian) =>
        db.Peristiwa.Add(new PeristiwaRow
        {
            Id = Guid.CreateVersion7(pada), InsidenId = row.Id, Pada = pada, Urutan = ++_urutan, Oleh = Short(oleh), Jenis = jenis,
            Uraian = uraian.Length > 2000 ? uraian[..2000] : uraian,
        });

    private int _urutan;

    /// <summary>Keeps the worker of a step among those who see the breach afterwards (saved with the caller's next SaveChanges).</summary>
    public static void Libatkan(InsidenRow row, ClaimsPrincipal user)
    {
        if (user.FindFirstValue(ClaimTypes.NameIdentifier) is { } id && !row.Terlibat.Contains(id)) row.Terlibat = [.. row.Terlibat, id];
    }

    /// <summary>Whether the reader sees the breach: they recorded or worked it, or have its current step (the DPO sees all, checked by the caller).</summary>
    public static bool Terlibat(InsidenRow row, ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) is { } id && row.Terlibat.Contains(id);

    /// <summary>The active step carrying the action, when the reader may do it now.</summary>
    public async Task<SopLangkah?> StepAsync(InsidenRow row, string jenis, ClaimsPrincipal user, CancellationToken ct) =>
        row.SopInstanceId is { } instance ? (await steps.ActiveAsync(instance, user, ct)).FirstOrDefault(s => s.BolehDikerjakan && s.Aksi.Any(a => a.Jenis == jenis)) : null;

    /// <summary>The breach's current step as the reader sees it, and whether the reader may do it now.</summary>
    public async Task<(string Langkah, bool Giliran)> LangkahAsync(InsidenRow row, ClaimsPrincipal user, CancellationToken ct)
    {
        if (row.SopInstanceId is not { } instance) return ("-", false);
        var active = await steps.ActiveAsync(instance, user, ct);
        if (active.Count == 0) return (row.DitutupPada is null ? T["-"] : T["Ditutup"], false);
        return (string.Join("; ", active.Select(a => $"{a.Label}. {a.Uraian}")), active.Any(a => a.BolehDikerjakan));
    }

    public static string Short(string s) => s.Length > 200 ? s[..200] : s;
}
