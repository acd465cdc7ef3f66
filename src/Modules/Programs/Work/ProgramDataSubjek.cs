using CampusKonseling.Privasi;
using CampusKonseling.Programs.Data;
using CampusKonseling.Site;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Programs.Work;

/// <summary>A data subject's programme registrations (what they gave when registering, where they stand, whether they came), by their e-mail address.</summary>
public sealed class ProgramDataSubjek(ProgramsDb db, CampusClock campusClock, Microsoft.Extensions.Localization.IStringLocalizer<S> T) : IDataSubjek
{
    public async Task<IReadOnlyList<BagianData>> HimpunAsync(SubjekData subjek, HimpunOpsi opsi, CancellationToken ct = default)
    {
        var email = subjek.Email.Trim().ToLower();
        var rows = await db.Participants.AsNoTracking().Where(x => x.Email.ToLower() == email)
            .Join(db.Programs.AsNoTracking(), x => x.ProgramId, p => p.Id, (x, p) => new { x, p.Judul, p.Mulai })
            .OrderBy(r => r.Mulai).ToListAsync(ct);
        var time = await campusClock.GetAsync(ct);
        return
        [
            new("program", T["Pendaftaran program"], rows.Select(r => (IReadOnlyDictionary<string, string?>)new Dictionary<string, string?>
            {
                ["Program"] = r.Judul, ["Pelaksanaan"] = time.Format(r.Mulai), ["Nama"] = r.x.Nama, ["E-mail"] = r.x.Email, ["NIM"] = r.x.Nim, ["Telepon"] = r.x.Telepon, ["Program studi"] = r.x.Prodi, ["Didaftar"] = time.Format(r.x.DidaftarPada),
                ["Status"] = r.x.Status, ["Hadir"] = time.Format(r.x.HadirPada),
            }).ToList()),
        ];
    }
}
