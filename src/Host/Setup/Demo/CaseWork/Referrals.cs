using CampusKonseling.Cases.Data;
using CampusKonseling.Cases.Work;
using CampusKonseling.Host.Setup.Demo.Texts;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Host.Setup.Demo.CaseWork;

/// <summary>The external referral (with its Surat Rujukan where the campus has the template) and, later, the external result.</summary>
public static class Referrals
{
    public static Task ReferAsync(Stage stage, Guid caseId, Member counselor, DateTimeOffset at, Random rng, CancellationToken ct) =>
        stage.RunAsync(at, counselor.Principal, async sp =>
        {
            var c = await sp.GetRequiredService<CasesDb>().Cases.FirstAsync(x => x.Id == caseId, ct);
            var (kepada, jenis, layanan) = rng.Pick(Notes.Rujukan);
            var errors = await sp.GetRequiredService<CampusKonseling.Cases.Work.Referrals>()
                .ReferAsync(counselor.Principal, c, new ReferralInput(kepada, jenis, "telp. 0800-0000-000 (fiktif)", layanan), ct);
            if (errors.Count > 0) throw new InvalidOperationException("Demo referral: " + string.Join("; ", errors.Values));
        }, ct);

    public static Task ResultAsync(Stage stage, Guid caseId, Member counselor, DateTimeOffset at, Random rng, CancellationToken ct) =>
        stage.RunAsync(at, counselor.Principal, async sp =>
        {
            var c = await sp.GetRequiredService<CasesDb>().Cases.FirstAsync(x => x.Id == caseId, ct);
            var referrals = sp.GetRequiredService<CampusKonseling.Cases.Work.Referrals>();
            if ((await referrals.OfAsync(c.Id, ct)).LastOrDefault(r => r.HasilDiterimaPada is null) is not { } open) return;
            if (await referrals.RecordResultAsync(counselor.Principal, c, open.Id, rng.Pick(Notes.HasilRujukan), ct) is { } refusal)
                throw new InvalidOperationException("Demo referral result: " + refusal);
        }, ct);
}
