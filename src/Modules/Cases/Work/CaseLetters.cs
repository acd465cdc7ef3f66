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

    /// <summary>The template's placeholders with the values the case already knows, and the signed-in signer's (<paramref name="signer"/>).</summary>
    public async Task<IReadOnlyList<(string Nama, string Nilai)>> FieldsAsync(CaseRow c, string templat, StudentRecord? student, CancellationToken ct, ClaimsPrincipal? signer = null)
    {
        if (Letters is not { } l) return [];
        var known = await KnownAsync(c, student, ct);
        if (signer is not null) known["penandatangan"] = CaseTimeline.NameOf(signer);
        return (await l.PlaceholdersAsync(templat, ct)).Select(n => (n, known.GetValueOrDefault(n, ""))).ToList();
    }

    /// <summary>The placeholders of the template a letter may not leave empty.</summary>
    public async Task<IReadOnlyList<string>> RequiredAsync(string templat, CancellationToken ct) =>
        Letters is { } l ? await l.RequiredAsync(templat, ct) : [];

    /// <summary>Makes the letter, or refuses it naming the required fields left empty.</summary>
    public async Task<(GeneratedLetter? Letter, string? Refusal)> GenerateAsync(CaseRow c, string templat, IReadOnlyDictionary<string, string> values, Guid? versiDari, CancellationToken ct)
    {
        var empty = (await RequiredAsync(templat, ct)).Where(n => string.IsNullOrWhiteSpace(values.GetValueOrDefault(n))).ToList();
        if (empty.Count > 0) return (null, T["Surat belum dibuat: isian wajib masih kosong: {0}.", string.Join(", ", empty.Select(n => n.Replace('_', ' ')))]);
        return (await Letters!.GenerateAsync(new LetterRequest(templat, Owner, c.Id.ToString(), values), versiDari, ct), null);
    }

    public async Task<LetterFile?> OpenAsync(CaseRow c, Guid id, bool html, CancellationToken ct) =>
        Letters is { } l && (await l.OfOwnerAsync(Owner, c.Id.ToString(), ct)).Any(x => x.Id == id) ? await l.OpenAsync(id, html, ct) : null;

    private async Task<Dictionary<string, string>> KnownAsync(CaseRow c, StudentRecord? student, CancellationToken ct)
    {
        var zone = CampusClock.Zone((await site.GetAsync(ct)).TimeZone);
        var id = CultureInfo.GetCultureInfo("id-ID");
        var values = new Dictionary<string, string>
        {
            ["nama"] = c.Nama, ["nim"] = c.Nim ?? "", ["jenis_klien"] = c.JenisKlien ?? "", ["email"] = c.Email ?? "", ["telepon"] = c.Telepon ?? "",
            ["saluran"] = c.Saluran ?? "", ["bidang"] = c.Bidang ?? "", ["nomor_kasus"] = c.Nomor, ["kasus"] = c.Nomor, ["konselor"] = c.KonselorNama ?? "",
            ["perujuk"] = c.Perujuk ?? "", ["prodi"] = student?.Prodi ?? c.Prodi ?? "", ["semester"] = student?.Semester?.ToString() ?? "",
            ["sumber"] = c.Sumber, ["waktu_diinginkan"] = c.WaktuDiinginkan ?? "", ["kode_pelacakan"] = c.KodePelacakan ?? "",
            ["nomor_permohonan"] = c.KodePelacakan ?? "",
        };
        Dispositions.AddLetterValues(await db.Dispositions.AsNoTracking().Where(d => d.CaseId == c.Id).OrderByDescending(d => d.DibuatPada).ToListAsync(ct), values);
        var session = await db.Appointments.AsNoTracking().Where(a => a.CaseId == c.Id && a.Status != StatusJanji.Batal).OrderByDescending(a => a.Mulai).FirstOrDefaultAsync(ct);
        if (session is not null)
        {
            var local = TimeZoneInfo.ConvertTime(session.Mulai, zone);
            values["tanggal_konseling"] = local.ToString("dddd, d MMMM yyyy", id);
            values["waktu_konseling"] = local.ToString("HH.mm", id) + " " + CampusZones.Abbreviation(zone, session.Mulai);
            values["tempat_konseling"] = session.Tempat ?? session.Tautan ?? "";
        }
        return values;
    }
}
