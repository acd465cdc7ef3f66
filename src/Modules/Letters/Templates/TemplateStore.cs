using CampusKonseling.Letters.Data;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Letters.Templates;

/// <summary>Saves templates by code (recipe and admin alike); numbers already given are never touched.</summary>
public sealed class TemplateStore(LettersDb db, TimeProvider clock)
{
    public async Task SaveAsync(TemplateInput input, string by, CancellationToken ct)
    {
        var row = await db.Templates.FirstOrDefaultAsync(t => t.Kode == input.Kode, ct);
        if (row is null)
        {
            row = new LetterTemplate { Id = Guid.NewGuid(), Kode = input.Kode, Judul = "", PolaNomor = "", Isi = "", TtdJabatan = "", DiubahOleh = by };
            db.Templates.Add(row);
        }
        row.Judul = input.Judul.Trim();
        row.PolaNomor = input.Pola.Trim();
        row.Perihal = Clean(input.Perihal);
        row.Kepada = Clean(input.Kepada);
        row.Isi = Clean(input.Isi)!;
        row.TtdJabatan = Clean(input.Jabatan)!;
        row.TtdNama = Clean(input.Nama);
        row.TtdNip = Clean(input.Nip);
        row.TtdTempat = Clean(input.Tempat);
        row.TtdPeran = Clean(input.Peran);
        var wajib = input.Wajib.Select(w => w.Trim()).Where(w => w.Length > 0).Distinct().ToList();
        if (!wajib.SequenceEqual(row.Wajib)) row.Wajib = wajib;
        if (db.Entry(row).State == EntityState.Added || db.ChangeTracker.HasChanges())
        {
            row.DiubahPada = clock.GetUtcNow();
            row.DiubahOleh = by;
        }
        await db.SaveChangesAsync(ct);
    }

    public static TemplateInput ToInput(LetterTemplate t) =>
        new(t.Kode, t.Judul, t.PolaNomor, t.Perihal, t.Kepada, t.Isi, t.TtdJabatan, t.TtdNama, t.TtdNip, t.TtdTempat) { Wajib = t.Wajib, Peran = t.TtdPeran };

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Replace("\r", "").Trim();
}
