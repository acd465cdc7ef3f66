using System.Security.Claims;
using CampusKonseling.Cases;
using CampusKonseling.Forms.Data;
using CampusKonseling.Modules;
using CampusKonseling.Notifications;
using CampusKonseling.Programs;
using CampusKonseling.Workflows;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Forms.Mine;

/// <summary>
/// One request on its sender's own page: where its SOP stands (steps done, the one under way and when it is due), the
/// sessions agreed, what the unit wrote to them (step messages, notes the counselor released) and, for a request sent from
/// this account, the steps waiting for them. Never answers, staff notes or counseling records.
/// </summary>
public sealed record Permohonan(string Kode, string Formulir, DateTimeOffset DikirimPada, SopProgress? Progress, IReadOnlyList<ClientAppointment> Jadwal,
    IReadOnlyList<ReleasedNote> Dirilis, IReadOnlyList<ClientMessage> Pesan, Guid? Instance = null, IReadOnlyList<SopLangkah>? Tugas = null,
    ClientAgreement? Kesepakatan = null)
{
    /// <summary>For a step letting the client choose a person (tunjuk: the counselor), whom they may choose, by assignment name.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<CampusKonseling.Users.UserRef>> Pilihan { get; init; } = new Dictionary<string, IReadOnlyList<CampusKonseling.Users.UserRef>>();

    public bool MenungguAnda => Tugas is { Count: > 0 };
}

/// <summary>
/// Gathers "Permohonan saya" for the signed-in person: their requests (sent while signed in, or with their account's
/// e-mail), newest first, from this module and the contracts of the enabled ones (cases, messages, programmes). The steps a
/// client does are offered only on requests sent from this account: the client is known by account id, never by an address.
/// </summary>
public sealed class PermohonanSaya(FormsDb db, ISopLauncher sops, ISopSteps steps, ShellFeatureServices features)
{
    public async Task<IReadOnlyList<Permohonan>> OfAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var me = user.FindFirstValue(ClaimTypes.NameIdentifier);
        // Addresses are compared without case: people type "Dewi@Kampus.ac.id" as readily as "dewi@kampus.ac.id".
        var email = user.FindFirstValue(ClaimTypes.Email)?.ToLowerInvariant();
        var found = await db.Submissions.AsNoTracking()
            .Where(s => s.PenggunaId == me || (email != null && s.Email.ToLower() == email))
            .OrderByDescending(s => s.DikirimPada).Take(50)
            .Join(db.Forms.AsNoTracking(), s => s.FormId, f => f.Id, (s, f) => new { s.KodePelacakan, f.Judul, s.DikirimPada, s.SopInstanceId, s.PenggunaId })
            .ToListAsync(ct);
        var cases = features.Contract<ICaseLookup>();
        var client = features.Contract<ICaseClient>();
        var messages = features.Contract<IClientMessages>();
        var rows = new List<Permohonan>();
        foreach (var s in found)
        {
            var row = new Permohonan(s.KodePelacakan, s.Judul, s.DikirimPada, s.SopInstanceId is { } id ? await sops.ProgressAsync(id, ct) : null,
                cases is null ? [] : await cases.AppointmentsAsync(s.KodePelacakan, ct), cases is null ? [] : await cases.ReleasedAsync(s.KodePelacakan, ct),
                messages is null || s.SopInstanceId is not { } instanceId ? [] : await messages.OfInstanceAsync(instanceId, ct));
            if (s.SopInstanceId is { } instance && s.PenggunaId == me)
            {
                var tugas = (await steps.ActiveAsync(instance, user, ct)).Where(l => l.Klien && l.BolehDikerjakan).ToList();
                var agreement = client is not null && tugas.Any(l => l.Aksi.Any(a => a.Jenis == AksiJenis.KonfirmasiJadwal))
                    ? await client.AgreementAsync(instance, user, ct) : null;
                var pilihan = new Dictionary<string, IReadOnlyList<CampusKonseling.Users.UserRef>>();
                if (client is not null)
                    foreach (var aksi in tugas.SelectMany(l => l.Aksi).Where(a => a.Jenis == AksiJenis.Tunjuk && a.Bukti is null && a.Penugasan is not null))
                        pilihan[aksi.Penugasan!] = await client.ChoicesAsync(instance, aksi.Penugasan!, aksi.PenugasanPeran, user, ct);
                row = row with { Instance = instance, Tugas = tugas, Kesepakatan = agreement, Pilihan = pilihan };
            }
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>The programmes the person registered for with their account's address (the address their tickets went to).</summary>
    public async Task<IReadOnlyList<ClientTicket>> TicketsAsync(ClaimsPrincipal user, CancellationToken ct) =>
        features.Contract<IClientTickets>() is { } tickets && user.FindFirstValue(ClaimTypes.Email) is { Length: > 0 } email
            ? await tickets.OfEmailAsync(email, ct) : [];
}
