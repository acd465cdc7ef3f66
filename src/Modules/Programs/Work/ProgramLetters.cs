using System.Globalization;
using CampusKonseling.Documents;
using CampusKonseling.Modules;
using CampusKonseling.Programs.Data;
using CampusKonseling.Site;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Programs.Work;

/// <summary>
/// The program's numbered letters (Surat Tugas, Surat Pemberitahuan, Laporan) from the campus's templates,
/// filled with what the program knows; only when the Letters feature is on.
/// </summary>
public sealed class ProgramLetters(ShellFeatureServices features, ProgramsDb db, ISiteSettings site, Evaluations evaluations, ProgramArchiving archiving, IStringLocalizer<S> T)
{
    public const string Owner = "program";
    private ILetterService? Letters => features.Contract<ILetterService>();
    public bool Available => Letters is not null;

    public async Task<IReadOnlyList<GeneratedLetter>> OfAsync(ProgramRow p, CancellationToken ct) =>
        Letters is { } l ? await l.OfOwnerAsync(Owner, p.Id.ToString(), ct) : [];

    public async Task<LetterFile?> OpenAsync(ProgramRow p, Guid id, bool html, CancellationToken ct) =>
        Letters is { } l && (await l.OfOwnerAsync(Owner, p.Id.ToString(), ct)).Any(x => x.Id == id) ? await l.OpenAsync(id, html, ct) : null;

    /// <summary>
    /// Makes the letter filled from the programme (and the signer's profile), or refuses it naming the required fields still
    /// empty, in Indonesian. A finished programme's archive record is filed again, so its letters are found with it.
    /// </summary>
    public async Task<(GeneratedLetter? Letter, string? Refusal)> GenerateAsync(ProgramRow p, string templat, IReadOnlyDictionary<string, string>? extra, CancellationToken ct,
        System.Security.Claims.ClaimsPrincipal? signer = null)
    {
        var values = await KnownAsync(p, ct);
        foreach (var (k, v) in await Letters!.SignerAsync(templat, signer, ct)) values[k] = v;
        foreach (var (k, v) in extra ?? new Dictionary<string, string>()) values[k] = v;
        var empty = (await Letters.RequiredAsync(templat, ct)).Where(n => string.IsNullOrWhiteSpace(values.GetValueOrDefault(n))).ToList();
        if (empty.Count > 0)
            return (null, T["Surat belum dibuat: isian wajib masih kosong: {0}. Lengkapi data program atau profil penanda tangan.", string.Join(", ", empty.Select(LetterFields.Label))]);
        var letter = await Letters.GenerateAsync(new LetterRequest(templat, Owner, p.Id.ToString(), values), null, ct);
        if (p.Status == ProgramStatus.Selesai) await archiving.FileAsync(p, ct);
        return (letter, null);
    }

    /// <summary>Every value a program letter may use; templates take the ones they name.</summary>
    public async Task<Dictionary<string, string>> KnownAsync(ProgramRow p, CancellationToken ct)
    {
        var zone = CampusClock.Zone((await site.GetAsync(ct)).TimeZone);
        var id = CultureInfo.GetCultureInfo("id-ID");
        var sessions = await db.Sessions.AsNoTracking().Where(s => s.ProgramId == p.Id).OrderBy(s => s.Mulai).ToListAsync(ct);
        var tanggal = string.Join("; ", sessions.Select(s => $"{TimeZoneInfo.ConvertTime(s.Mulai, zone).ToString("dddd, d MMMM yyyy HH.mm", id)}–{TimeZoneInfo.ConvertTime(s.Selesai, zone).ToString("HH.mm", id)} {CampusZones.Abbreviation(zone, s.Selesai)}"));
        var committee = await db.Committee.AsNoTracking().Where(c => c.ProgramId == p.Id).ToListAsync(ct);
        var ordered = committee.OrderBy(c => Array.IndexOf(PeranPanitia.All, c.Peran)).ThenBy(c => c.Nama).ToList();
        var panitia = string.Join("\n", ordered.Select((c, i) => $"{i + 1}. {c.Nama} — {T[PeranPanitia.Label(c.Peran)]}"));
        var ketua = ordered.FirstOrDefault(c => c.Peran == PeranPanitia.Ketua)?.Nama ?? "";
        var participants = await db.Participants.AsNoTracking().Where(x => x.ProgramId == p.Id).ToListAsync(ct);
        var terdaftar = participants.Count(x => x.Status == StatusPeserta.Terdaftar);
        var hadir = participants.Count(x => x.HadirPada != null);
        var summary = await evaluations.SummaryAsync(p.Id, ct);
        var evaluasi = summary.Jumlah == 0 ? T["belum ada evaluasi peserta"].Value
            : T["{0} dari {1} peserta hadir mengisi evaluasi; rata-rata (1–5): materi {2}, narasumber {3}, penyelenggaraan {4}, keseluruhan {5}",
                summary.Jumlah, summary.Hadir, F(summary.Materi), F(summary.Narasumber), F(summary.Penyelenggaraan), F(summary.Keseluruhan)].Value;
        var referred = participants.Where(x => x.CaseNomor != null).OrderBy(x => x.Nama).ToList();
        var dirujuk = referred.Count == 0 ? T["tidak ada peserta yang dirujuk"].Value
            : string.Join("\n", referred.Select((x, i) => $"{i + 1}. {x.Nama}{(x.Nim is null ? "" : $" ({x.Nim})")} — {T["kasus {0}", x.CaseNomor!]}"));
        var tindakLanjut = referred.Count == 0 ? T["tidak ada peserta yang dirujuk ke konseling karier"].Value
            : T["{0} peserta dirujuk ke layanan konseling karier:\n{1}", referred.Count, dirujuk].Value;
        var jumlah = T["{0} terdaftar, {1} hadir", terdaftar, hadir].Value;
        return new Dictionary<string, string>
        {
            ["kegiatan"] = p.Judul, ["judul"] = p.Judul, ["tema"] = p.Tema ?? "", ["narasumber"] = p.Narasumber ?? "",
            ["tanggal_kegiatan"] = tanggal, ["tempat_kegiatan"] = p.Tempat ?? p.Tautan ?? "", ["sasaran"] = p.Sasaran ?? "",
            ["panitia"] = panitia, ["tim"] = panitia, ["ketua_panitia"] = ketua, ["ketua_pelaksana"] = ketua,
            ["pendaftaran"] = p.PendaftaranTutup is { } tutup ? T["sampai {0}", TimeZoneInfo.ConvertTime(tutup, zone).ToString("d MMMM yyyy HH.mm", id) + " " + CampusZones.Abbreviation(zone, tutup)] : T["melalui situs layanan"],
            ["jumlah_peserta"] = jumlah, ["jumlah_terdaftar"] = terdaftar.ToString(), ["jumlah_hadir"] = hadir.ToString(),
            ["evaluasi"] = evaluasi, ["tindak_lanjut"] = tindakLanjut, ["dirujuk"] = dirujuk, ["hasil"] = jumlah,
            // The programme's audience names the study programmes a Surat Pemberitahuan goes to.
            ["prodi"] = p.SasaranProdi.Length > 0 ? string.Join(", ", p.SasaranProdi) : T["seluruh program studi"],
        };
    }

    private static string F(double? v) => v?.ToString("0.00", CultureInfo.GetCultureInfo("id-ID")) ?? "-";
}
