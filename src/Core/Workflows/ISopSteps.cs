using System.Security.Claims;

namespace CampusKonseling.Workflows;

/// <summary>A kelengkapan item of a step and what on the instance meets it (an earlier step's recorded output), or null: someone confirms it.</summary>
public sealed record SopKelengkapan(string Nama, string? Dipenuhi);

/// <summary>
/// An active step as the people working a case (or the client on their own page) see it: its actions with their evidence,
/// its kelengkapan, its outcomes, whether the reader may complete it now.
/// </summary>
public sealed record SopLangkah(
    Guid InstanceId, string SopJudul, string StepId, string Label, string Uraian, string? Waktu, string? Output,
    bool Keputusan, IReadOnlyList<string> Pilihan, bool Opsional, bool Klien, bool Otomatis, bool BolehDikerjakan,
    DateTimeOffset DiaktifkanPada, DateTimeOffset? JatuhTempo, bool Terlambat, IReadOnlyList<string> Pelaksana,
    IReadOnlyList<SopAksi> Aksi, IReadOnlyList<SopKelengkapan> Kelengkapan)
{
    /// <summary>The roles of the step's lanes, in the order of <see cref="Pelaksana"/> (null for a client lane).</summary>
    public IReadOnlyList<string?> PelaksanaPeran { get; init; } = [];
}

/// <summary>A step of an instance's SOP that carries an action of some kind, active or not: where that work is done, by which lanes.</summary>
public sealed record SopLangkahAksi(string StepId, string Label, string Uraian, IReadOnlyList<string> Pelaksana, SopAksi Aksi);

/// <summary>
/// How other modules work an instance's steps without reaching into the SOP module: list the active steps for a reader,
/// complete one (the step's actions are checked on the case, its outputs recorded), tell the instance a fact changed.
/// </summary>
public interface ISopSteps
{
    Task<IReadOnlyList<SopLangkah>> ActiveAsync(Guid instanceId, ClaimsPrincipal user, CancellationToken ct = default);

    /// <summary>Completes a step as <paramref name="user"/>; null when done, else the reason in the reader's language.</summary>
    /// <param name="dikonfirmasi">Kelengkapan items the user confirms are present (those nothing in the system produced).</param>
    Task<string?> CompleteAsync(Guid instanceId, string stepId, ClaimsPrincipal user, string? pilihan = null,
        IReadOnlyCollection<string>? dikonfirmasi = null, string? catatan = null, CancellationToken ct = default);

    /// <summary>
    /// Facts of the instance changed: <c>klien</c>, <c>penugasan.{nama}</c> (+ <c>.nama</c>), <c>tanggal.{acuan}</c> (ISO 8601),
    /// <c>darurat</c> ("ya"), or a routing answer. Due times and automatic decisions follow. Null removes a key.
    /// </summary>
    Task UpdateAsync(Guid instanceId, IReadOnlyDictionary<string, string?> konteks, CancellationToken ct = default);

    /// <summary>An automatic step's trigger happened (its message was delivered): the system completes it if it is still active.</summary>
    Task<bool> SignalAsync(Guid instanceId, string stepId, CancellationToken ct = default);

    /// <summary>Completes, as the user, each active step whose required actions are now all done and that needs nothing else (no outcome, no item to confirm).</summary>
    Task<IReadOnlyList<string>> CompleteDoneAsync(Guid instanceId, ClaimsPrincipal user, CancellationToken ct = default);

    /// <summary>Every step of the instance's SOP carrying an action of kind <paramref name="jenis"/>, in the SOP's order (to tell people where that work is done).</summary>
    Task<IReadOnlyList<SopLangkahAksi>> StepsWithAsync(Guid instanceId, string jenis, CancellationToken ct = default);
}
