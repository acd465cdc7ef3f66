using System.Globalization;
using System.Security.Claims;
using CampusKonseling.Cases.Data;
using CampusKonseling.Documents;
using CampusKonseling.Site;
using CampusKonseling.Users;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Cases.Work;

/// <summary>
/// Letters of a case (surat rekomendasi, berita acara, surat rujukan, …) made from the campus's templates,
/// pre-filled with what the case knows; only when the Letters feature is on. Downloads are checked against
/// the case, so a letter is read only through a case its reader may work.
/// </summary>
public sealed class CaseLetters(CampusKonseling.Modules.ShellFeatureServices features, CasesDb db, ISiteSettings site, Microsoft.Extensions.Localization.IStringLocalizer<S> T)
{
    public const string Owner = "kasus";
    private ILetterService? Letters => features.Contract<ILetterService>();
    public bool Available => Letters is not null;

    public async Task<IReadOnlyList<(string Kode, string Judul)>> TemplatesAsync(CancellationToken ct) =>
        Letters is { } l ? await l.TemplatesAsync(ct) : [];

    public async Task<IReadOnlyList<GeneratedLetter>> OfAsync(CaseRow c, CancellationToken ct) =>
        Letters is { } l ? await l.OfOwnerAsync(Owner, c.Id.ToString(), ct) : [];

    /// <summary>
    /// The template's placeholders, each with the value known for it: the case (client, counselor, sessions, dispositions), the
    /// request's form answers (prodi, tingkat, status…), the student directory, and the signer's profile (<paramref name="signer"/>
    /// making it, or the holder of the template's signing role). A new version (<paramref name="versiDari"/>) starts from the values
    /// of the letter it corrects; what that letter left empty is filled from what is known now.
    /// </summary>
    public async Task<IReadOnlyList<(string Nama, string Nilai)>> FieldsAsync(CaseRow c, string templat, StudentRecord? student, CancellationToken ct,
        ClaimsPrincipal? signer = null, Guid? versiDari = null)
    {
        if (Letters is not { } l) return [];
        var known = await KnownAsync(c, student, ct);
        foreach (var (k, v) in await l.SignerAsync(templat, signer, ct)) known[k] = v;
        if (signer is not null && string.IsNullOrWhiteSpace(known.GetValueOrDefault(LetterFields.Penandatangan))) known[LetterFields.Penandatangan] = CaseTimeline.NameOf(signer);
        if (versiDari is { } earlier && (await l.OfOwnerAsync(Owner, c.Id.ToString(), ct)).Any(x => x.Id == earlier && x.Templat == templat))
            foreach (var (k, v) in await l.ValuesAsync(earlier, ct))
                if (!string.IsNullOrWhiteSpace(v)) known[k] = v;
        return (await l.PlaceholdersAsync(templat, ct)).Select(n => (n, known.GetValueOrDefault(n, ""))).ToList();
    }

    /// <summary>The placeholders of the template a letter may not leave empty.</summary>
    public async Task<IReadOnlyList<string>> RequiredAsync(string templat, CancellationToken ct) =>
        Letters is { } l ? await l.RequiredAsync(templat, ct) : [];

    /// <summary>Makes the letter, or refuses it naming the required fields left empty (by their labels, in Indonesian).</summary>
    public async Task<(GeneratedLetter? Letter, string? Refusal)> GenerateAsync(CaseRow c, string templat, IReadOnlyDictionary<string, string> values, Guid? versiDari, CancellationToken ct)
    {
        var empty = (await RequiredAsync(templat, ct)).Where(n => string.IsNullOrWhiteSpace(values.GetValueOrDefault(n))).ToList();
        if (empty.Count > 0) return (null, T["Surat belum dibuat: isian wajib masih kosong: {0}.", string.Join(", ", empty.Select(LetterFields.Label))]);
        return (await Letters!.GenerateAsync(new LetterRequest(templat, Owner, c.Id.ToString(), values), versiDari, ct), null);
    }

    public async Task<LetterFile?> OpenAsync(CaseRow c, Guid id, bool html, CancellationToken ct) =>
        Letters is { } l && (await l.OfOwnerAsync(Owner, c.Id.ToString(), ct)).Any(x => x.Id == id) ? await l.OpenAsync(id, html, ct) : null;

    private async Task<Dictionary<string, string>> KnownAsync(CaseRow c, StudentRecord? student, CancellationToken ct)
    {
        var zone = CampusClock.Zone((await site.GetAsync(ct)).TimeZone);
        var id = CultureInfo.GetCultureInfo("id-ID");
        if (student is null && c.Nim is { Length: > 0 } nim && features.Contract<IStudentDirectory>() is { } directory) student = await directory.FindAsync(nim, ct);
        // The request's answers fill what the case did not keep (a form's prodi without "petakan", IPDN's tingkat, UNIPMA's status).
        var answers = c.KodePelacakan is { } kode && features.Contract<CampusKonseling.Forms.IRequestAnswers>() is { } requests
            ? await requests.OfRequestAsync(kode, ct) : new Dictionary<string, string>();
        var values = new Dictionary<string, string>(answers);
        void Set(string key, string? value) { if (!string.IsNullOrWhiteSpace(value)) values[key] = value.Trim(); }
        Set("nama", c.Nama);
        Set("nim", c.Nim);
        Set("npp", c.Nim);
        Set("jenis_klien", c.JenisKlien);
        Set("email", c.Email);
        Set("telepon", c.Telepon);
        Set("kontak", string.Join(" / ", new[] { c.Telepon, c.Email }.Where(v => !string.IsNullOrWhiteSpace(v))));
        Set("saluran", c.Saluran);
        Set("bidang", c.Bidang);
        Set("nomor_kasus", c.Nomor);
        Set("kasus", c.Nomor);
        Set("konselor", c.KonselorNama);
        Set("perujuk", c.Perujuk);
        Set("prodi", student?.Prodi ?? c.Prodi ?? answers.GetValueOrDefault("prodi"));
        Set("semester", student?.Semester?.ToString() ?? answers.GetValueOrDefault("semester"));
        // IPDN's "Tingkat / Unit kerja": a praja's tingkat, else (an employee) the unit the case names as prodi.
        Set("tingkat", TingkatPraja(answers.GetValueOrDefault("tingkat"), student?.Semester) ?? values.GetValueOrDefault("prodi"));
        Set("status", answers.GetValueOrDefault("status") ?? c.JenisKlien);
        Set("sumber", c.Sumber);
        Set("waktu_diinginkan", c.WaktuDiinginkan);
        Set("kode_pelacakan", c.KodePelacakan);
        Set("nomor_permohonan", c.KodePelacakan);
        Dispositions.AddLetterValues(await db.Dispositions.AsNoTracking().Where(d => d.CaseId == c.Id).OrderByDescending(d => d.DibuatPada).ToListAsync(ct), values);
        var sessions = await db.Appointments.AsNoTracking().Where(a => a.CaseId == c.Id && a.Status != StatusJanji.Batal && a.Status != StatusJanji.Dijadwalkan)
            .OrderByDescending(a => a.Mulai).ToListAsync(ct);
        if (sessions.FirstOrDefault() is { } session)
        {
            var local = TimeZoneInfo.ConvertTime(session.Mulai, zone);
            values["tanggal_konseling"] = local.ToString("dddd, d MMMM yyyy", id);
            values["waktu_konseling"] = local.ToString("HH.mm", id) + " " + CampusZones.Abbreviation(zone, session.Mulai);
            values["tempat_konseling"] = session.Tempat ?? session.Tautan ?? "";
            values["jumlah_sesi"] = sessions.Count.ToString(id);
        }
        return values;
    }

    /// <summary>A praja's tingkat as the form gave it ("II" → "Tingkat II"), else from the directory's semester (semester 3 is Tingkat II).</summary>
    private static string? TingkatPraja(string? answer, int? semester)
    {
        if (!string.IsNullOrWhiteSpace(answer))
            return answer.Trim().StartsWith("Tingkat", StringComparison.OrdinalIgnoreCase) ? answer.Trim() : $"Tingkat {answer.Trim()}";
        return semester is >= 1 and <= 14 ? $"Tingkat {Roman[(semester.Value + 1) / 2 - 1]}" : null;
    }

    private static readonly string[] Roman = ["I", "II", "III", "IV", "V", "VI", "VII"];
}
