using CampusKonseling.Programs.Data;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Programs.Work;

/// <summary>
/// A person's registrations for programmes, by the e-mail they registered with (the address their ticket went to), for
/// their own page: the programme, where they stand (registered, waiting, cancelled), whether they came, and their ticket.
/// </summary>
public sealed class ClientTickets(ProgramsDb db, TimeProvider clock) : IClientTickets
{
    public async Task<IReadOnlyList<ClientTicket>> OfEmailAsync(string email, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(email)) return [];
        var address = email.Trim().ToLowerInvariant();
        var rows = await db.Participants.AsNoTracking().Where(x => x.Email.ToLower() == address)
            .Join(db.Programs.AsNoTracking(), x => x.ProgramId, p => p.Id, (x, p) => new { x, p })
            .OrderByDescending(r => r.p.Mulai).Take(50).ToListAsync(ct);
        var now = clock.GetUtcNow();
        return rows.Select(r => new ClientTicket(r.p.Judul, r.p.Jenis, r.p.Mulai, r.p.Selesai, r.p.Tempat, r.p.Tautan, r.x.Status,
            ProgramRules.StatusOf(r.p, now), r.x.HadirPada is not null, $"program/tiket/{r.x.Token}")).ToList();
    }
}
