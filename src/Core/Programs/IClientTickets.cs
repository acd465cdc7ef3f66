namespace CampusKonseling.Programs;

/// <summary>A registration for a programme as its participant sees it on their own page.</summary>
/// <param name="Status">terdaftar, menunggu (waiting list) or batal.</param>
/// <param name="TautanTiket">The ticket page, relative to the campus ("program/tiket/…").</param>
public sealed record ClientTicket(string Judul, string Jenis, DateTimeOffset? Mulai, DateTimeOffset? Selesai, string? Tempat, string? Tautan,
    string Status, string StatusProgram, bool Hadir, string TautanTiket);

/// <summary>The programmes (workshops, sosialisasi) a person registered for with their e-mail address.</summary>
public interface IClientTickets
{
    Task<IReadOnlyList<ClientTicket>> OfEmailAsync(string email, CancellationToken ct = default);
}
