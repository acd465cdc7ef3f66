using System.Security.Claims;
using CampusKonseling.Audit;
using CampusKonseling.Cases.Data;
using CampusKonseling.Cases.Privacy;
using CampusKonseling.Documents;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Cases.Work;

public sealed record DocumentInfo(Guid Id, string Nama, string NamaBerkas, long Ukuran, string Tingkat, string OlehNama, DateTimeOffset Pada, bool Tertutup);

/// <summary>
/// Documents on a case (the kelengkapan of its steps): PDF, JPG or PNG checked by content, at most 10 MB;
/// counseling-tier documents encrypted and served only to those who may read the counseling tier.
/// </summary>
public sealed class CaseDocuments(CasesDb db, CaseAccess access, CounselingProtector protector, CaseAudit audit, TimeProvider clock, IStringLocalizer<S> T)
{
    public const long MaxBytes = 10 * 1024 * 1024;
    private static readonly string[] Accepted = ["pdf", "jpg", "png"];

    public async Task<IReadOnlyList<DocumentInfo>> OfAsync(ClaimsPrincipal user, CaseRow c, CancellationToken ct)
    {
        var counseling = await access.CanReadCounselingAsync(user, c, ct);
        return (await db.Documents.AsNoTracking().Where(d => d.CaseId == c.Id).OrderBy(d => d.Pada)
                .Select(d => new { d.Id, d.Nama, d.NamaBerkas, d.Ukuran, d.Tingkat, d.OlehNama, d.Pada }).ToListAsync(ct))
            .Select(d => new DocumentInfo(d.Id, d.Nama, d.NamaBerkas, d.Ukuran, d.Tingkat, d.OlehNama, d.Pada, d.Tingkat == Tingkat.Konseling && !counseling)).ToList();
    }

    /// <param name="jenis">The kind the SOP names, when a step's upload form sent it (it is then also the document's name).</param>
    /// <returns>Errors by field; empty when stored.</returns>
    public async Task<Dictionary<string, string>> AddAsync(ClaimsPrincipal user, CaseRow c, string? nama, string? tingkat, IFormFile? file, CancellationToken ct, string? jenis = null)
    {
        if (!string.IsNullOrWhiteSpace(jenis) && string.IsNullOrWhiteSpace(nama)) nama = jenis;
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(nama)) errors["NamaDokumen"] = T["Sebutkan dokumen apa ini (mis. Surat Hasil Pemeriksaan)."];
        if (!Data.Tingkat.All.Contains(tingkat ?? "")) errors["TingkatDokumen"] = T["Pilih tingkat kerahasiaan dokumen."];
        else if (tingkat == Data.Tingkat.Konseling && !await access.CanReadCounselingAsync(user, c, ct))
            errors["TingkatDokumen"] = T["Dokumen konseling hanya dapat diunggah oleh konselor kasus ini."];
        if (file is null || file.Length == 0) errors["Berkas"] = T["Pilih berkas PDF, JPG atau PNG."];
        else if (file.Length > MaxBytes) errors["Berkas"] = T["Berkas lebih besar dari 10 MB."];
        if (errors.Count > 0) return errors;

        using var buffer = new MemoryStream();
        await file!.CopyToAsync(buffer, ct);
        var bytes = buffer.ToArray();
        if (FileKinds.Sniff(bytes.Length > 16 ? bytes[..16] : bytes, Accepted) is not { } kind)
        {
            errors["Berkas"] = T["Isi berkas bukan PDF, JPG atau PNG."];
            return errors;
        }
        var secret = tingkat == Data.Tingkat.Konseling;
        var doc = new CaseDocument
        {
            Id = Guid.CreateVersion7(), CaseId = c.Id, Nama = nama!.Trim(), Jenis = string.IsNullOrWhiteSpace(jenis) ? null : jenis, NamaBerkas = Path.GetFileName(file.FileName), Mime = FileKinds.Known[kind].Mime,
            Ukuran = bytes.Length, Isi = secret ? protector.Protect(bytes) : bytes, Terenkripsi = secret, Tingkat = tingkat!, OlehNama = CaseTimeline.NameOf(user), Pada = clock.GetUtcNow(),
        };
        db.Documents.Add(doc);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(AuditKinds.Dokumen, c, $"Dokumen \"{doc.Nama}\" ({doc.Tingkat}) diunggah ke kasus {c.Nomor}", ct);
        return errors;
    }

    public async Task<CaseDocument?> OpenAsync(ClaimsPrincipal user, CaseRow c, Guid id, CancellationToken ct)
    {
        var doc = await db.Documents.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id && d.CaseId == c.Id, ct);
        if (doc is null) return null;
        if (doc.Tingkat == Data.Tingkat.Konseling)
        {
            if (!await access.CanReadCounselingAsync(user, c, ct)) return null;
            await audit.RecordAsync(AuditKinds.BacaKonseling, c, $"Dokumen konseling kasus {c.Nomor} dibuka (id {doc.Id})", ct);
        }
        else await audit.RecordAsync(AuditKinds.Unduh, c, $"Dokumen ({doc.Tingkat}) kasus {c.Nomor} diunduh", ct);
        if (doc.Terenkripsi) doc.Isi = protector.Unprotect(doc.Isi);
        return doc;
    }

}
