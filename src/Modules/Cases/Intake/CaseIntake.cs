using System.Data.Common;
using CampusKonseling.Cases.Data;
using CampusKonseling.Cases.Privacy;
using CampusKonseling.Data;
using CampusKonseling.Modules;
using CampusKonseling.Users;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Cases.Intake;

/// <summary>
/// Opens a case in the caller's transaction, numbered KS-{year}-{sequence}. The client's own account of
/// the problem becomes the first counseling-tier entry, encrypted; the case row carries none of it.
/// </summary>
public sealed class CaseIntake(CasesDb db, TenantDbConnection connection, CounselingProtector protector, ShellFeatureServices features, TimeProvider clock) : ICaseIntake
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
            SopInstanceId = o.SopInstanceId, SopKode = o.SopKode, DibukaPada = now, DiperbaruiPada = now, Prodi = await ProdiAsync(o, ct),
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

    /// <summary>The prodi as given (a form field, the referral), else as the student directory knows the NIM: a snapshot for reports.</summary>
    private async Task<string?> ProdiAsync(CaseOpening o, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(o.Prodi)) return Clip(o.Prodi.Trim());
        if (string.IsNullOrWhiteSpace(o.Nim) || features.Contract<IStudentDirectory>() is not { } students) return null;
        return (await students.FindAsync(o.Nim, ct))?.Prodi is { Length: > 0 } prodi ? Clip(prodi) : null;
    }

    private static string Clip(string s) => s.Length > 100 ? s[..100] : s;
}
