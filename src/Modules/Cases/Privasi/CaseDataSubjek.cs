using CampusKonseling.Cases.Data;
using CampusKonseling.Cases.Privacy;
using CampusKonseling.Cases.Work;
using CampusKonseling.Privasi;
using CampusKonseling.Site;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Cases.Privasi;

/// <summary>
/// A data subject's cases as the unit keeps them (number, service, status, dates, counselor), their sessions and the letters
/// made on them, found by the client's account or e-mail address. The notes (their own account of the problem, the
/// counselor's notes) only when the counselor's review of the request gave them; leadership notes never: they are the
/// institution's deliberation, not a record of the person.
/// </summary>
public sealed class CaseDataSubjek(CasesDb db, CounselingProtector protector, CaseLetters letters, CampusClock campusClock, Microsoft.Extensions.Localization.IStringLocalizer<S> T) : IDataSubjek
{
    public async Task<IReadOnlyList<BagianData>> HimpunAsync(SubjekData subjek, HimpunOpsi opsi, CancellationToken ct = default)
    {
        var id = subjek.PenggunaId ?? "-";
        var email = subjek.Email.Trim().ToLower();
        var cases = (await db.Cases.AsNoTracking().Where(c => c.PenggunaId == id || (c.Email != null && c.Email.ToLower() == email))
            .OrderBy(c => c.DibukaPada).ToListAsync(ct)).Where(c => subjek.Is(c.PenggunaId, c.Email)).ToList();
        var time = await campusClock.GetAsync(ct);
        var ids = cases.Select(c => c.Id).ToList();
        var nomor = cases.ToDictionary(c => c.Id, c => c.Nomor);
        var janji = await db.Appointments.AsNoTracking().Where(a => ids.Contains(a.CaseId)).OrderBy(a => a.Mulai).ToListAsync(ct);
        var surat = new List<IReadOnlyDictionary<string, string?>>();
        if (letters.Available)
            foreach (var c in cases)
            foreach (var l in await letters.OfAsync(c, ct))
                surat.Add(new Dictionary<string, string?> { ["Kasus"] = c.Nomor, ["Nomor surat"] = l.Nomor, ["Judul"] = l.Judul, ["Dibuat"] = time.Format(l.DibuatPada) });
        var bagian = new List<BagianData>
        {
            new("kasus", T["Kasus layanan"], cases.Select(c => (IReadOnlyDictionary<string, string?>)new Dictionary<string, string?>
            {
                ["Nomor"] = c.Nomor, ["Layanan"] = c.SopJudul, ["Status"] = c.Status, ["Dibuka"] = time.Format(c.DibukaPada), ["Ditutup"] = time.Format(c.DitutupPada),
                ["Nama"] = c.Nama, ["E-mail"] = c.Email, ["Telepon"] = c.Telepon, ["NIM"] = c.Nim, ["Program studi"] = c.Prodi,
                ["Saluran"] = c.Saluran, ["Bidang"] = c.Bidang, ["Konselor"] = c.KonselorNama,
            }).ToList()),
            new("jadwal", T["Jadwal konseling"], janji.Select(a => (IReadOnlyDictionary<string, string?>)new Dictionary<string, string?>
            {
                ["Kasus"] = nomor[a.CaseId], ["Mulai"] = time.Format(a.Mulai), ["Durasi"] = $"{a.DurasiMenit} menit", ["Tempat"] = a.Tempat, ["Tautan"] = a.Tautan, ["Status"] = a.Status,
            }).ToList()),
            new("surat", T["Surat yang dibuat pada kasus"], surat),
        };
        if (opsi.CatatanKonseling && opsi.Penelaah is { } penelaah)
        {
            // Only what the reviewing counselor could read and did review: cases of the person's own account that they counsel, up to the review.
            var reviewed = cases.Where(c => subjek.ByAccount(c.PenggunaId) && c.KonselorId == penelaah).Select(c => c.Id).ToList();
            var until = opsi.Sampai ?? DateTimeOffset.MaxValue;
            var notes = await db.Entries.AsNoTracking().Where(e => reviewed.Contains(e.CaseId) && e.Tingkat != Tingkat.Pimpinan && e.Pada <= until).OrderBy(e => e.Pada).ToListAsync(ct);
            bagian.Add(new("catatan", T["Catatan layanan dan konseling"], notes.Select(e => (IReadOnlyDictionary<string, string?>)new Dictionary<string, string?>
            {
                ["Kasus"] = nomor[e.CaseId], ["Jenis"] = e.Jenis, ["Ditulis"] = time.Format(e.Pada), ["Oleh"] = e.OlehNama,
                ["Isi"] = e.Terenkripsi ? protector.Unprotect(e.Isi) : e.Isi,
            }).ToList()));
        }
        return bagian;
    }
}
