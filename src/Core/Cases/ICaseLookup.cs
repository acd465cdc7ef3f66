namespace CampusKonseling.Cases;

/// <summary>An agreed counseling session as the client may be told: when, where or which online meeting.</summary>
public sealed record ClientAppointment(DateTimeOffset Mulai, int DurasiMenit, string? Tempat, string? Tautan, string? KodeRapat, string Status)
{
    /// <summary>The agreement's id (for its calendar file); the counselor's name when the client may be told it.</summary>
    public Guid Id { get; init; }
    public string? Konselor { get; init; }
}

/// <summary>A note of the case that its counselor released to the client.</summary>
public sealed record ReleasedNote(DateTimeOffset Pada, string Isi);

/// <summary>The client of a case as the service writes to them (never what they told the counselor).</summary>
/// <param name="PenggunaId">Their account, when they have one.</param>
public sealed record CaseClient(string Nomor, string Nama, string? Email, string? Telepon, string? KodePelacakan, string? PenggunaId);

/// <summary>What a requester may see of their case, looked up by the tracking code of their request.</summary>
public interface ICaseLookup
{
    /// <summary>The client of the case an SOP instance runs (for a message to them from a step); null when no case runs it.</summary>
    Task<CaseClient?> ClientAsync(Guid sopInstanceId, CancellationToken ct = default);

    Task<IReadOnlyList<ClientAppointment>> AppointmentsAsync(string kodePelacakan, CancellationToken ct = default);

    /// <summary>What the counselor released to the client (e.g. the service report), oldest first.</summary>
    Task<IReadOnlyList<ReleasedNote>> ReleasedAsync(string kodePelacakan, CancellationToken ct = default);
}
