using System.Security.Claims;
using CampusKonseling.Cases.Data;
using CampusKonseling.Cases.Privacy;
using CampusKonseling.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Cases.Work;

public sealed record ReferralInput(string? Kepada, string? Jenis, string? Kontak, string? Layanan);

/// <summary>
/// Referral to an external psychologist, psychiatrist or hospital: recorded with its numbered Surat Rujukan
/// (when the campus has that template), then the external result is entered into the case as an encrypted
/// counseling note — seed 001 steps 5 and 6.
/// </summary>
public sealed class Referrals(CasesDb db, CaseLetters letters, CaseTimeline timeline, CaseAccess access, TimeProvider clock, IStringLocalizer<S> T)
{
    public static readonly string[] Kinds = ["psikolog", "psikiater", "rumah-sakit", "lainnya"];
    public const string LetterTemplate = "surat-rujukan";

    public async Task<IReadOnlyList<ExternalReferral>> OfAsync(Guid caseId, CancellationToken ct) =>
        await db.Referrals.AsNoTracking().Where(r => r.CaseId == caseId).OrderBy(r => r.DirujukPada).ToListAsync(ct);

    public async Task<Dictionary<string, string>> ReferAsync(ClaimsPrincipal user, CaseRow c, ReferralInput i, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(i.Kepada)) errors["Kepada"] = T["Sebutkan nama psikolog, psikiater atau rumah sakit tujuan rujukan."];
        if (!Kinds.Contains(i.Jenis)) errors["JenisRujukan"] = T["Pilih jenis pihak eksternal."];
        if (errors.Count > 0) return errors;

        var referral = new ExternalReferral
        {
            Id = Guid.CreateVersion7(), CaseId = c.Id, Kepada = i.Kepada!.Trim(), Jenis = i.Jenis!, Kontak = string.IsNullOrWhiteSpace(i.Kontak) ? null : i.Kontak.Trim(),
            DirujukPada = clock.GetUtcNow(), DirujukOleh = CaseTimeline.NameOf(user),
        };
        // The letter first (its own transaction), so a referral never points to a letter that was not made.
        if ((await letters.TemplatesAsync(ct)).Any(t => t.Kode == LetterTemplate))
        {
            var fields = await letters.FieldsAsync(c, LetterTemplate, null, ct, user);
            var values = fields.ToDictionary(f => f.Nama, f => f.Nilai);
            values["dirujuk_kepada"] = referral.Kepada;
            if (!string.IsNullOrWhiteSpace(i.Layanan)) values["layanan"] = i.Layanan.Trim();
            var (letter, refusal) = await letters.GenerateAsync(c, LetterTemplate, values, null, ct);
            if (letter is null)
            {
                errors["Kepada"] = refusal!;
                return errors;
            }
            referral.SuratId = letter.Id;
            referral.NomorSurat = letter.Nomor;
        }
        db.Referrals.Add(referral);
        await db.SaveChangesAsync(ct);
        await timeline.WriteAsync(user, c, "rujukan-eksternal", Tingkat.Administratif,
            T["Dirujuk ke {0} ({1}){2}", referral.Kepada, T.Kode(referral.Jenis), referral.NomorSurat is { } n ? " — " + T["surat {0}", n] : ""], ct);
        return errors;
    }

    /// <returns>An Indonesian refusal, or null when recorded.</returns>
    public async Task<string?> RecordResultAsync(ClaimsPrincipal user, CaseRow c, Guid id, string? hasil, CancellationToken ct)
    {
        var referral = await db.Referrals.FirstOrDefaultAsync(r => r.Id == id && r.CaseId == c.Id, ct);
        if (referral is null) return T["Rujukan tidak ditemukan."];
        if (string.IsNullOrWhiteSpace(hasil)) return T["Tuliskan laporan hasil layanan eksternal."];
        if (!await access.CanReadCounselingAsync(user, c, ct)) return T["Hasil layanan eksternal hanya dapat dicatat oleh konselor kasus ini."];
        if (await timeline.WriteAsync(user, c, "hasil-rujukan", Tingkat.Konseling, T["Hasil dari {0}: {1}", referral.Kepada, hasil.Trim()], ct) is { } refusal) return refusal;
        referral.HasilDiterimaPada = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return null;
    }
}
