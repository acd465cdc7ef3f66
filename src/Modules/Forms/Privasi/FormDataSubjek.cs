using System.Text.Json;
using CampusKonseling.Forms.Data;
using CampusKonseling.Forms.Definitions;
using CampusKonseling.Forms.Intake;
using CampusKonseling.Privasi;
using CampusKonseling.Site;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Forms.Privasi;

/// <summary>
/// A data subject's requests (form, tracking code, when, who, their answers by the form's labels) and the consents they gave,
/// found by their account or their e-mail address. Attachments are named, not copied; the problem they told is the case's.
/// </summary>
public sealed class FormDataSubjek(FormsDb db, CampusClock campusClock, Microsoft.Extensions.Localization.IStringLocalizer<S> T) : IDataSubjek
{
    public async Task<IReadOnlyList<BagianData>> HimpunAsync(SubjekData subjek, HimpunOpsi opsi, CancellationToken ct = default)
    {
        var email = subjek.Email.Trim().ToLower();
        var id = subjek.PenggunaId ?? "-";
        var rows = (await db.Submissions.AsNoTracking().Where(s => s.PenggunaId == id || s.Email.ToLower() == email)
                .Join(db.Versions.AsNoTracking(), s => s.VersionId, v => v.Id, (s, v) => new { s, v.Json })
                .OrderBy(x => x.s.DikirimPada).ToListAsync(ct))
            .Where(x => subjek.Is(x.s.PenggunaId, x.s.Email)).ToList();
        var time = await campusClock.GetAsync(ct);
        var ids = rows.Select(x => x.s.Id).ToList();
        var consents = await db.Consents.AsNoTracking().Where(c => ids.Contains(c.SubmissionId)).OrderBy(c => c.DiberikanPada).ToListAsync(ct);
        var files = await db.Files.AsNoTracking().Where(f => f.SubmissionId != null && ids.Contains(f.SubmissionId.Value))
            .Select(f => new { f.SubmissionId, f.NamaAsli }).ToListAsync(ct);
        var permohonan = new List<IReadOnlyDictionary<string, string?>>();
        var kode = rows.ToDictionary(x => x.s.Id, x => x.s.KodePelacakan);
        foreach (var x in rows)
        {
            var form = FormJson.Deserialize(x.Json);
            var row = new Dictionary<string, string?>
            {
                ["Formulir"] = form.Judul, ["Kode pelacakan"] = x.s.KodePelacakan, ["Dikirim"] = time.Format(x.s.DikirimPada),
                ["Nama"] = x.s.Nama, ["E-mail"] = x.s.Email, ["Telepon"] = x.s.Telepon,
            };
            var stored = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(x.s.Jawaban) ?? [];
            foreach (var field in form.Isian.Where(RequestAnswers.Plain))
                if (stored.TryGetValue(field.Id, out var value) && RequestAnswers.Text(value) is { Length: > 0 } text) row.TryAdd(field.Label, text);
            var attached = files.Where(f => f.SubmissionId == x.s.Id).Select(f => f.NamaAsli).ToList();
            if (attached.Count > 0) row["Lampiran"] = string.Join(", ", attached);
            permohonan.Add(row);
        }
        return
        [
            new("permohonan", T["Permohonan dan jawaban formulir"], permohonan),
            new("persetujuan", T["Persetujuan yang diberikan"], consents.Select(c => (IReadOnlyDictionary<string, string?>)new Dictionary<string, string?>
            {
                ["Permohonan"] = kode.GetValueOrDefault(c.SubmissionId), ["Versi"] = c.Versi, ["Teks persetujuan"] = c.Teks,
                ["Retensi"] = $"{c.RetensiHari} hari", ["Diberikan"] = time.Format(c.DiberikanPada), ["Oleh"] = c.Oleh,
            }).ToList()),
        ];
    }
}
