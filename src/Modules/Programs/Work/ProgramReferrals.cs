using CampusKonseling.Cases;
using CampusKonseling.Data;
using CampusKonseling.Modules;
using CampusKonseling.Programs.Data;
using CampusKonseling.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Programs.Work;

/// <summary>
/// A participant referred to career counseling (the SOP's follow-up): a case opens in the referral SOP of the
/// program's kind, with its SOP started in the same transaction, as a walk-in case does. Only the person's
/// contact data goes with it; no counseling content is written here.
/// </summary>
public sealed class ProgramReferrals(ProgramsDb db, TenantDbConnection connection, ISopLauncher sops, ShellFeatureServices features, TimeProvider clock, IStringLocalizer<S> T)
{
    public bool Available => features.Contract<ICaseIntake>() is not null;

    public async Task<(string? Nomor, string? Error)> ReferAsync(ProgramRow program, Guid participantId, CancellationToken ct)
    {
        if (features.Contract<ICaseIntake>() is not { } cases) return (null, T["Fitur kasus konseling tidak aktif di kampus ini."]);
        if (program.RujukanSopKode is not { } sop) return (null, T["Jenis program ini tidak menyebut SOP rujukan."]);
        if (await sops.DescribeAsync(sop, ct) is null) return (null, T["SOP rujukan {0} tidak ada di kampus ini.", sop]);
        var p = await db.Participants.FirstOrDefaultAsync(x => x.Id == participantId && x.ProgramId == program.Id, ct);
        if (p is null || p.Status == StatusPeserta.Batal) return (null, T["Peserta tidak ditemukan."]);
        if (p.CaseNomor is { } already) return (already, T["{0} sudah dirujuk (kasus {1}).", p.Nama, already]);

        await connection.OpenAsync(ct);
        SopLaunch launch;
        await using (var tx = await connection.Connection.BeginTransactionAsync(ct))
        {
            launch = await sops.StartAsync(sop, T["Rujukan dari {0}", program.Judul], new Dictionary<string, string> { ["saluran"] = "Rujukan program", ["program"] = program.Id.ToString() }, tx, ct);
            var opened = await cases.OpenAsync(new CaseOpening(CaseSources.Rujukan, p.Nama, p.Email, p.Telepon, p.Nim, "Mahasiswa", "Rujukan program", "Karier",
                SopInstanceId: launch.InstanceId, SopKode: sop, Perujuk: T["Panitia {0}", program.Judul]), tx, ct);
            await connection.EnlistAsync(db, tx, ct);
            p.CaseId = opened.Id;
            p.CaseNomor = opened.Nomor;
            p.DirujukPada = clock.GetUtcNow();
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            await connection.ReleaseAsync();
        }
        await launch.AfterCommitAsync(ct);
        return (p.CaseNomor, null);
    }
}
