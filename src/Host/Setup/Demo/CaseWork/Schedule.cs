using CampusKonseling.Cases.Data;
using CampusKonseling.Cases.Work;
using CampusKonseling.Host.Setup.Demo.Texts;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Host.Setup.Demo.CaseWork;

/// <summary>The scheduling agreement (kesepakatan) and the client's confirmation of it, through the Cases module's appointments.</summary>
public static class Schedule
{
    private static readonly TimeOnly[] Slots = [new(9, 0), new(10, 0), new(13, 0), new(14, 0)];

    /// <summary>
    /// Agrees a session a few working days after <paramref name="at"/> (never before <paramref name="notBefore"/>): in the counseling
    /// room, or online with a meeting link when the client asked for online counseling.
    /// </summary>
    public static Task AgreeAsync(Stage stage, Guid caseId, Member counselor, DateTimeOffset at, DateTimeOffset? notBefore, Random rng, CancellationToken ct) =>
        stage.RunAsync(at, counselor.Principal, async sp =>
        {
            var c = await sp.GetRequiredService<CasesDb>().Cases.FirstAsync(x => x.Id == caseId, ct);
            var campus = stage.Campus;
            var day = DateOnly.FromDateTime(campus.Local(at)).AddDays(rng.Next(1, 6));
            if (notBefore is { } floor && campus.At(day, Slots[0]) < floor) day = DateOnly.FromDateTime(campus.Local(floor)).AddDays(rng.Next(1, 5));
            while (!campus.Calendar.IsWorkingDay(day)) day = day.AddDays(1);
            var online = (c.Saluran ?? "").Contains("online", StringComparison.OrdinalIgnoreCase);
            var code = $"{rng.Next(100, 999)}-{rng.Next(1000, 9999)}";
            var input = new AgreementInput(day, rng.Pick(Slots), rng.Pick([45, 60, 60, 90]),
                online ? null : $"Ruang Konseling {rng.Next(1, 4)}, Gedung Layanan Mahasiswa",
                online ? $"https://meet.{DemoMail.Domain}/{code}" : null, online ? code : null, online ? $"k{rng.Next(1000, 9999)}" : null);
            var current = (await sp.GetRequiredService<Appointments>().CurrentAsync(c.Id, ct))?.Id;
            var errors = await sp.GetRequiredService<Appointments>().AgreeAsync(counselor.Principal, c, input, current, current is null ? null : "Jadwal disesuaikan dengan permintaan klien", ct);
            if (errors.Count > 0) throw new InvalidOperationException("Demo appointment: " + string.Join("; ", errors.Values));
        }, ct);

    /// <summary>The client confirms the agreement in force from their own page (staff on their behalf when the client has no account).</summary>
    public static Task ConfirmAsync(Stage stage, Guid caseId, Member client, DateTimeOffset at, CancellationToken ct) =>
        stage.RunAsync(at, client.Principal, async sp =>
        {
            var c = await sp.GetRequiredService<CasesDb>().Cases.FirstAsync(x => x.Id == caseId, ct);
            var appointments = sp.GetRequiredService<Appointments>();
            if (await appointments.CurrentAsync(c.Id, ct) is { } current && current.DikonfirmasiPada is null)
                await appointments.ConfirmAsync(client.Principal, c, current.Id, ct);
        }, ct);

    /// <summary>When the agreed session starts, if there is one.</summary>
    public static Task<DateTimeOffset?> SessionAsync(Stage stage, Guid caseId) =>
        stage.ReadAsync(async sp => (await sp.GetRequiredService<Appointments>().CurrentAsync(caseId, CancellationToken.None))?.Mulai);
}
