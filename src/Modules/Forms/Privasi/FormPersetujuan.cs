using CampusKonseling.Forms.Data;
using CampusKonseling.Forms.Definitions;
using CampusKonseling.Privasi;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Forms.Privasi;

/// <summary>The consents a person gave on the campus's forms, each with the form version's purpose and the retention it promised.</summary>
public sealed class FormPersetujuan(FormsDb db, IStringLocalizer<S> T) : IPersetujuanSubjek
{
    public async Task<IReadOnlyList<Persetujuan>> PersetujuanAsync(SubjekData subjek, CancellationToken ct = default)
    {
        var email = subjek.Email.Trim().ToLower();
        var id = subjek.PenggunaId ?? "-";
        var rows = (await db.Submissions.AsNoTracking().Where(s => s.PenggunaId == id || s.Email.ToLower() == email)
                .Join(db.Consents.AsNoTracking(), s => s.Id, c => c.SubmissionId, (s, c) => new { s.PenggunaId, s.Email, s.KodePelacakan, s.VersionId, c })
                .Join(db.Versions.AsNoTracking(), x => x.VersionId, v => v.Id, (x, v) => new { x.PenggunaId, x.Email, x.KodePelacakan, x.c, v.Json })
                .OrderBy(x => x.c.DiberikanPada).ToListAsync(ct))
            .Where(x => subjek.Is(x.PenggunaId, x.Email)).ToList();
        return rows.Select(x =>
        {
            var form = FormJson.Deserialize(x.Json);
            var kegiatan = FormPemrosesan.Describe(form);
            return new Persetujuan(kegiatan.Kunci, T["Formulir {0}", form.Judul], x.KodePelacakan, x.c.Versi, kegiatan.Tujuan, T["{0} hari", x.c.RetensiHari],
                x.c.DiberikanPada, T["Dicentang pada formulir daring oleh {0}", x.c.Oleh], x.c.DitarikPada);
        }).ToList();
    }
}
