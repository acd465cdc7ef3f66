using System.Data.Common;
using CampusKonseling.Cases.Data;
using CampusKonseling.Cases.Privacy;
using CampusKonseling.Data;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Cases.Intake;

/// <summary>
/// Opens a case in the caller's transaction, numbered KS-{year}-{sequence}. The client's own account of
/// the problem becomes the first counseling-tier entry, encrypted; the case row carries none of it.
/// </summary>
public sealed class CaseIntake(CasesDb db, TenantDbConnection connection, CounselingProtector protector, TimeProvider clock) : ICaseIntake
{
    public async Task<(Guid Id, string Nomor)> OpenAsync(CaseOpening o, DbTransaction transaction, CancellationToken ct = default)
    {
        await connection.EnlistAsync(db, transaction, ct);
        var now = clock.GetUtcNow();
        var seq = await db.Database.SqlQueryRaw<long>("SELECT nextval('kasus.case_seq') AS \"Value\"").SingleAsync(ct);
        var row = new CaseRow
        {
            Id = Guid.CreateVersion7(now), Nomor = $"KS-{now.Year}-{seq:000000}", Sumber = o.Sumber, Nama = o.Nama, Email = o.Email, Telepon = o.Telepon,
            Nim = o.Nim, JenisKlien = o.JenisKlien, Saluran = o.Saluran, Bidang = o.Bidang, WaktuDiinginkan = o.WaktuDiinginkan,
            KodePelacakan = o.KodePelacakan, PenggunaId = o.PenggunaId, Perujuk = o.Perujuk, Status = CaseStatus.Baru,
            SopInstanceId = o.SopInstanceId, SopKode = o.SopKode, DibukaPada = now, DiperbaruiPada = now,
        };
        db.Cases.Add(row);
        if (!string.IsNullOrWhiteSpace(o.Uraian))
            db.Entries.Add(new CaseEntry
            {
                CaseId = row.Id, Jenis = JenisCatatan.Uraian, Tingkat = Tingkat.Konseling, Isi = protector.Protect(o.Uraian.Trim()), Terenkripsi = true,
                OlehId = o.PenggunaId ?? "klien", OlehNama = o.Nama, Pada = now,
            });
        await db.SaveChangesAsync(ct);
        return (row.Id, row.Nomor);
    }
}
