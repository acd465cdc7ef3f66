using System.Globalization;
using System.Security.Claims;
using CampusKonseling.Audit;
using CampusKonseling.Data;
using CampusKonseling.Documents;
using CampusKonseling.Modules;
using Microsoft.EntityFrameworkCore;
using CampusKonseling.Notifications;
using CampusKonseling.Privasi.Data;
using CampusKonseling.Shell;
using CampusKonseling.Site;
using CampusKonseling.Workflows;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Privasi.Insiden;

/// <summary>The assessment as the unit head and the DPO write it.</summary>
public sealed record PenilaianInsiden(string? Terbukti, string? DataTerungkap, string? CaraTerungkap, int? JumlahSubjek, bool Spesifik, string? Risiko, string? Penanganan);

/// <summary>The notification: the people concerned (e-mailed now) and when and how the authority's letter went.</summary>
public sealed record PemberitahuanInsiden(string? Subjek, DateTime? LembagaPada, string? LembagaMelalui);

/// <summary>
/// The work of a breach's steps, each done by the step's own people when it is theirs: the assessment (proven or not, which
/// the SOP's decision follows), the letters from the campus's templates, the notification of the people concerned by
/// e-mail and of the authority, the closure. Each is a line of the breach's history and an audit entry.
/// </summary>
public sealed class KerjaInsiden(RegisterInsiden register, PrivasiDb db, TenantDbConnection connection, ISopSteps steps, IOutbox outbox, IPejabatPdp pejabat,
    CampusKonseling.Modules.ShellFeatureServices features, IAuditLog audit, CampusClock campusClock, ISiteSettings site, PublicLinks links, TimeProvider clock,
    IStringLocalizer<S> T)
{
    public const string Pemilik = "insiden", TemplatSubjek = "pemberitahuan-insiden-subjek", TemplatLembaga = "pemberitahuan-insiden-lembaga";
    public const int MaksTeks = 2000, MaksPenutupan = 4000;

    public ILetterService? Letters => features.Contract<ILetterService>();

    public async Task<Dictionary<string, string>> NilaiAsync(InsidenRow row, ClaimsPrincipal user, PenilaianInsiden input, CancellationToken ct)
    {
        var galat = new Dictionary<string, string>();
        if (await register.StepAsync(row, AksiJenis.Nilai, user, ct) is not { } step) return new() { [""] = T["Penilaian insiden ini bukan langkah Anda saat ini."] };
        if (input.Terbukti is not ("ya" or "tidak")) galat["Terbukti"] = T["Pilih: kegagalan terbukti, atau tidak terbukti."];
        var terbukti = input.Terbukti == "ya";
        Text("DataTerungkap", input.DataTerungkap, terbukti, T["Tuliskan data pribadi apa yang terungkap."], galat);
        Text("CaraTerungkap", input.CaraTerungkap, terbukti, T["Tuliskan bagaimana data itu terungkap."], galat);
        Text("Penanganan", input.Penanganan, terbukti, T["Tuliskan upaya penanganan dan pemulihan; isinya disampaikan kepada subjek data dan lembaga."], galat);
        Text("Risiko", input.Risiko, false, "", galat);
        if (terbukti && input.JumlahSubjek is null) galat["JumlahSubjek"] = T["Isi perkiraan jumlah subjek data yang terdampak."];
        else if (input.JumlahSubjek is < 0 or > 10_000_000) galat["JumlahSubjek"] = T["Jumlah subjek data tidak masuk akal."];
        if (galat.Count > 0) return galat;

        var now = clock.GetUtcNow();
        var oleh = Oleh(user);
        await using (var kunci = await KunciAsync(row, ct))
        {
            // Two people of the lane at once: the second finds it assessed and changes nothing.
            if (row.DinilaiPada >= step.DiaktifkanPada) return new() { [""] = T["Insiden ini sudah dinilai oleh {0}.", row.DinilaiOleh ?? "-"] };
            (row.Terbukti, row.DataTerungkap, row.CaraTerungkap, row.JumlahSubjek, row.Spesifik, row.Risiko, row.Penanganan) =
                (terbukti, Trim(input.DataTerungkap), Trim(input.CaraTerungkap), input.JumlahSubjek, input.Spesifik, Trim(input.Risiko), Trim(input.Penanganan));
            (row.DinilaiPada, row.DinilaiOleh) = (now, oleh);
            using (CultureScope.Use(CultureScope.Of(null)))
                register.Catat(row, now, oleh, JenisPeristiwa.Dinilai, terbukti
                    ? T["Dinilai: kegagalan terbukti; {0} subjek data{1}.", row.JumlahSubjek ?? 0, row.Spesifik ? T[", termasuk data pribadi spesifik"] : ""]
                    : T["Dinilai: kegagalan tidak terbukti."]);
            RegisterInsiden.Libatkan(row, user);
            await db.SaveChangesAsync(ct);
            await audit.RecordAsync(new AuditEvent(AuditKinds.Ubah, "privasi-insiden", row.Id.ToString(), $"Insiden {row.Nomor} dinilai: {(terbukti ? "terbukti" : "tidak terbukti")}"), kunci.Tx, ct);
            await kunci.CommitAsync(ct);
        }
        // The SOP's decision (step 3) follows the assessment: proven goes on to notification, else to closure.
        await steps.UpdateAsync(row.SopInstanceId!.Value, new Dictionary<string, string?> { [SopInsiden.Terbukti] = terbukti ? "ya" : "tidak" }, ct);
        return await steps.CompleteAsync(row.SopInstanceId!.Value, step.StepId, user, catatan: terbukti ? T["Kegagalan terbukti."] : T["Kegagalan tidak terbukti."], ct: ct) is { } refused
            ? new() { [""] = refused } : galat;
    }

    /// <summary>The letters of the breach, oldest first.</summary>
    public async Task<IReadOnlyList<GeneratedLetter>> SuratAsync(InsidenRow row, CancellationToken ct) =>
        Letters is { } l ? await l.OfOwnerAsync(Pemilik, row.Id.ToString(), ct) : [];

    /// <summary>Makes the letter of the template, filled from the assessment, the DPO and the signer; the refusal names what is missing.</summary>
    public async Task<string?> BuatSuratAsync(InsidenRow row, ClaimsPrincipal user, string? templat, CancellationToken ct)
    {
        if (Letters is not { } letters) return T["Fitur surat belum aktif di kampus ini."];
        if (row.SopInstanceId is not { } instance || (await steps.ActiveAsync(instance, user, ct))
                .FirstOrDefault(s => s.BolehDikerjakan && s.Aksi.Any(a => a.Jenis == AksiJenis.Surat && a.Templat == templat)) is null)
            return T["Surat ini bukan pekerjaan langkah Anda saat ini."];
        // The letter is the campus's official Indonesian document, whatever language the staff member reads the pages in.
        Dictionary<string, string> values;
        using (CultureScope.Use(CultureScope.Of(null))) values = await NilaiSuratAsync(row, ct);
        foreach (var (k, v) in await letters.SignerAsync(templat!, user, ct)) values[k] = v;
        var empty = (await letters.RequiredAsync(templat!, ct)).Where(n => string.IsNullOrWhiteSpace(values.GetValueOrDefault(n))).ToList();
        if (empty.Count > 0)
            return T["Surat belum dibuat: isian wajib masih kosong: {0}. Lengkapi penilaian insiden, data pejabat PDP, atau profil penanda tangan.", string.Join(", ", empty.Select(LetterFields.Label))];
        var letter = await letters.GenerateAsync(new LetterRequest(templat!, Pemilik, row.Id.ToString(), values), null, ct);
        var now = clock.GetUtcNow();
        using (CultureScope.Use(CultureScope.Of(null))) register.Catat(row, now, Oleh(user), JenisPeristiwa.Surat, T["Surat {0} nomor {1} dibuat.", letter.Judul, letter.Nomor]);
        RegisterInsiden.Libatkan(row, user);
        await db.SaveChangesAsync(ct);
        await steps.CompleteDoneAsync(instance, user, ct);
        return null;
    }

    /// <summary>Every value the breach's letters use.</summary>
    public async Task<Dictionary<string, string>> NilaiSuratAsync(InsidenRow row, CancellationToken ct)
    {
        var waktu = await campusClock.GetAsync(ct);
        var id = CultureInfo.GetCultureInfo("id-ID");
        var dpo = await pejabat.GetAsync(ct);
        return new Dictionary<string, string>
        {
            ["nomor_insiden"] = row.Nomor, ["judul_insiden"] = row.Judul, ["data_terungkap"] = row.DataTerungkap ?? "",
            ["waktu_terungkap"] = T["diketahui {0}", waktu.Format(row.DiketahuiPada, "dddd, d MMMM yyyy HH.mm", id)],
            ["cara_terungkap"] = row.CaraTerungkap ?? "", ["penanganan"] = row.Penanganan ?? "",
            ["jumlah_subjek"] = row.JumlahSubjek?.ToString(id) ?? "",
            ["kontak_ppdp"] = dpo is null ? "" : string.Join(", ", new[] { dpo.Nama, dpo.Jabatan, dpo.Email, dpo.Telepon }.Where(s => !string.IsNullOrWhiteSpace(s))),
        };
    }

    /// <summary>
    /// E-mails the people concerned the notification (the subject letter's number and contents, in the same transaction as the
    /// record) and records when and how the authority's letter went; completes the step when its letters are made.
    /// </summary>
    public async Task<Dictionary<string, string>> BeritahuAsync(InsidenRow row, ClaimsPrincipal user, PemberitahuanInsiden input, CancellationToken ct)
    {
        if (await register.StepAsync(row, AksiJenis.Beritahu, user, ct) is not { } step) return new() { [""] = T["Pemberitahuan insiden ini bukan langkah Anda saat ini."] };
        var galat = new Dictionary<string, string>();
        var letters = await SuratAsync(row, ct);
        var subjekSurat = letters.LastOrDefault(l => l.Templat == TemplatSubjek && l.DibuatPada >= step.DiaktifkanPada);
        if (subjekSurat is null || !letters.Any(l => l.Templat == TemplatLembaga && l.DibuatPada >= step.DiaktifkanPada))
            galat[""] = T["Buat dulu kedua surat pemberitahuan (kepada subjek data dan kepada lembaga)."];
        var (alamat, salah) = RegisterInsiden.Alamat(input.Subjek);
        if (salah is not null) galat["Subjek"] = T["Bukan alamat e-mail: {0}. Tulis satu alamat per baris.", salah];
        else if (alamat.Count == 0) galat["Subjek"] = T["Tuliskan alamat e-mail subjek data yang terdampak, satu per baris."];
        else if (alamat.Count > RegisterInsiden.MaksSubjek) galat["Subjek"] = T["Paling banyak {0} alamat.", RegisterInsiden.MaksSubjek];
        var waktu = await campusClock.GetAsync(ct);
        var now = clock.GetUtcNow();
        DateTimeOffset lembagaPada = default;
        if (input.LembagaPada is not { } local) galat["LembagaPada"] = T["Isi kapan surat kepada lembaga dikirim."];
        else if (!RegisterInsiden.Masuk(local, now)) galat["LembagaPada"] = T["Waktu pengiriman tidak masuk akal."];
        else if ((lembagaPada = waktu.FromLocal(local).ToUniversalTime()) > now.AddMinutes(5)) galat["LembagaPada"] = T["Waktu pengiriman tidak boleh di masa depan."];
        else if (lembagaPada < row.DiketahuiPada.AddMinutes(-1)) galat["LembagaPada"] = T["Surat kepada lembaga tidak mungkin dikirim sebelum insiden diketahui ({0}).", waktu.Format(row.DiketahuiPada)];
        var melalui = Trim(input.LembagaMelalui);
        if (melalui is null) galat["LembagaMelalui"] = T["Tuliskan melalui apa surat kepada lembaga dikirim (alamat e-mail, kurir, portal)."];
        else if (melalui.Length > 500) galat["LembagaMelalui"] = T["Paling panjang {0} karakter.", 500];
        if (galat.Count > 0) return galat;

        var oleh = Oleh(user);
        var campus = await site.GetAsync(ct);
        // The notice and the history are the campus's record, in Indonesian, whatever language the staff member reads.
        using var indonesia = CultureScope.Use(CultureScope.Of(null));
        var values = await NilaiSuratAsync(row, ct);
        var saya = links.Base is { } b ? $"{b}/data-pribadi-saya" : null;
        var body = string.Join("\n", new[]
        {
            T["Yth. Bapak/Ibu,"].Value, "",
            T["Sesuai Pasal 46 Undang-Undang Nomor 27 Tahun 2022 tentang Pelindungan Data Pribadi, kami memberitahukan kegagalan pelindungan data pribadi yang menyangkut data Anda (surat nomor {0}).", subjekSurat!.Nomor].Value, "",
            T["Data pribadi yang terungkap: {0}", values["data_terungkap"]].Value,
            T["Waktu terungkap: {0}", values["waktu_terungkap"]].Value,
            T["Cara terungkap: {0}", values["cara_terungkap"]].Value,
            T["Upaya penanganan dan pemulihan: {0}", values["penanganan"]].Value, "",
            values["kontak_ppdp"].Length > 0 ? T["Pejabat Pelindungan Data Pribadi: {0}", values["kontak_ppdp"]].Value : "",
        }.Concat(saya is null ? [] : [T["Hak Anda atas data pribadi (akses, perbaikan, penghapusan): {0}", saya].Value]).Concat(["", campus.UnitName ?? campus.CampusName]));
        var subject = $"[{campus.CampusName}] " + T["Pemberitahuan kegagalan pelindungan data pribadi"];

        await using (var kunci = await KunciAsync(row, ct))
        {
            // A second click, or a colleague of the lane at once, finds the people already told: nobody is mailed twice.
            if (row.SubjekDiberitahuPada >= step.DiaktifkanPada) return new() { [""] = T["Subjek data insiden ini sudah diberi tahu."] };
            var tx = kunci.Tx;
            foreach (var to in alamat) await outbox.EnqueueAsync(new EmailMessage(to, subject, body), tx, ct);
            (row.SubjekEmail, row.SubjekDiberitahu, row.SubjekDiberitahuPada) = (alamat, alamat.Count, now);
            (row.LembagaDiberitahuPada, row.LembagaMelalui) = (lembagaPada, melalui);
            register.Catat(row, now, oleh, JenisPeristiwa.SubjekDiberitahu, T["{0} subjek data diberi tahu melalui e-mail (surat {1}).", alamat.Count, subjekSurat.Nomor]);
            register.Catat(row, now, oleh, JenisPeristiwa.LembagaDiberitahu, T["Surat kepada lembaga dikirim {0} melalui {1}.", waktu.Format(lembagaPada), melalui!]);
            RegisterInsiden.Libatkan(row, user);
            await db.SaveChangesAsync(ct);
            await audit.RecordAsync(new AuditEvent(AuditKinds.Ubah, "privasi-insiden", row.Id.ToString(), $"Insiden {row.Nomor}: {alamat.Count} subjek data dan lembaga diberi tahu"), tx, ct);
            await kunci.CommitAsync(ct);
        }
        outbox.Wake();
        return await steps.CompleteAsync(row.SopInstanceId!.Value, step.StepId, user, catatan: T["Subjek data dan lembaga diberi tahu."], ct: ct) is { } refused
            ? new() { [""] = refused } : galat;
    }

    public async Task<Dictionary<string, string>> TutupAsync(InsidenRow row, ClaimsPrincipal user, string? penutupan, CancellationToken ct)
    {
        if (await register.StepAsync(row, AksiJenis.Tutup, user, ct) is not { } step) return new() { [""] = T["Menutup insiden ini bukan langkah Anda saat ini."] };
        var galat = new Dictionary<string, string>();
        var text = Trim(penutupan);
        if (text is null) galat["Penutupan"] = T["Tuliskan penanganan, pemulihan, dan langkah pencegahan yang sudah dilakukan."];
        else if (text.Length > MaksPenutupan) galat["Penutupan"] = T["Paling panjang {0} karakter.", MaksPenutupan];
        if (galat.Count > 0) return galat;
        var now = clock.GetUtcNow();
        var oleh = Oleh(user);
        await using (var kunci = await KunciAsync(row, ct))
        {
            if (row.DitutupPada >= step.DiaktifkanPada) return new() { [""] = T["Insiden ini sudah ditutup oleh {0}.", row.DitutupOleh ?? "-"] };
            (row.Penutupan, row.DitutupPada, row.DitutupOleh) = (text, now, oleh);
            using (CultureScope.Use(CultureScope.Of(null))) register.Catat(row, now, oleh, JenisPeristiwa.Ditutup, T["Insiden ditutup."]);
            RegisterInsiden.Libatkan(row, user);
            await db.SaveChangesAsync(ct);
            await audit.RecordAsync(new AuditEvent(AuditKinds.Ubah, "privasi-insiden", row.Id.ToString(), $"Insiden {row.Nomor} ditutup"), kunci.Tx, ct);
            await kunci.CommitAsync(ct);
        }
        return await steps.CompleteAsync(row.SopInstanceId!.Value, step.StepId, user, catatan: T["Insiden ditutup."], ct: ct) is { } refused
            ? new() { [""] = refused } : galat;
    }

    /// <summary>A transaction holding the breach's row, reloaded inside it: the same step done twice at once is done once.</summary>
    private async Task<Kunci> KunciAsync(InsidenRow row, CancellationToken ct)
    {
        if (connection.Connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync(ct);
        var tx = await connection.Connection.BeginTransactionAsync(ct);
        await connection.EnlistAsync(db, tx, ct);
        await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM privasi.insiden WHERE id = {row.Id} FOR UPDATE", ct);
        await db.Entry(row).ReloadAsync(ct);
        return new Kunci(connection, tx);
    }

    private sealed class Kunci(TenantDbConnection connection, System.Data.Common.DbTransaction tx) : IAsyncDisposable
    {
        public System.Data.Common.DbTransaction Tx => tx;

        public Task CommitAsync(CancellationToken ct) => tx.CommitAsync(ct);

        /// <summary>Rolls back what was not committed and lets the module's DbContext work on its own again.</summary>
        public async ValueTask DisposeAsync()
        {
            await tx.DisposeAsync();
            await connection.ReleaseAsync();
        }
    }

    private void Text(string field, string? value, bool required, string missing, Dictionary<string, string> galat)
    {
        var t = Trim(value);
        if (t is null && required) galat[field] = missing;
        else if (t is { Length: > MaksTeks }) galat[field] = T["Paling panjang {0} karakter.", MaksTeks];
    }

    private static string? Trim(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static string Oleh(ClaimsPrincipal user) => RegisterInsiden.Short(user.FindFirstValue(ClaimTypes.GivenName) ?? user.Identity?.Name ?? "-");
}
