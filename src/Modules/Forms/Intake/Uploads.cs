using CampusKonseling.Documents;
using CampusKonseling.Forms.Data;
using CampusKonseling.Forms.Definitions;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Forms.Intake;

public sealed record PendingFile(Guid Id, string NamaAsli, long Ukuran);

/// <summary>
/// Files attached to a form: checked by size and by their content, kept under the form's send
/// key until the request is sent (so a form shown again for another mistake keeps them).
/// </summary>
public sealed class Uploads(FormsDb db, TimeProvider clock, IStringLocalizer<S> T)
{
    public async Task<Dictionary<string, PendingFile>> PendingAsync(Guid kunciKirim, CancellationToken ct) =>
        await db.Files.AsNoTracking().Where(f => f.KunciKirim == kunciKirim && f.SubmissionId == null)
            .ToDictionaryAsync(f => f.IsianId, f => new PendingFile(f.Id, f.NamaAsli, f.Ukuran), ct);

    /// <summary>Stores a new file for a field (replacing an earlier one), or says why it is refused.</summary>
    public async Task<string?> AcceptAsync(Isian field, IFormFile file, Guid kunciKirim, CancellationToken ct)
    {
        var limit = (field.MaksKb ?? 2048) * 1024L;
        if (file.Length > limit) return T["Berkas terlalu besar ({0} KB); paling besar {1} KB.", file.Length / 1024, limit / 1024];
        await using var stream = file.OpenReadStream();
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, ct);
        var bytes = buffer.ToArray();
        var kind = FileKinds.Sniff(bytes.Length > 16 ? bytes[..16] : bytes, field.Tipe);
        if (kind is null) return T["Berkas harus berjenis {0}; isi berkas ini tidak sesuai.", string.Join(", ", field.Tipe.Select(t => t.ToUpperInvariant()))];

        await db.Files.Where(f => f.KunciKirim == kunciKirim && f.IsianId == field.Id && f.SubmissionId == null).ExecuteDeleteAsync(ct);
        db.Files.Add(new UploadedFile
        {
            Id = Guid.CreateVersion7(), KunciKirim = kunciKirim, IsianId = field.Id, NamaAsli = Path.GetFileName(file.FileName),
            Mime = FileKinds.Known[kind].Mime, Ukuran = bytes.Length, Isi = bytes, DiunggahPada = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(ct);
        return null;
    }
}
