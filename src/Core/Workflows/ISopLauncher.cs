using System.Data.Common;

namespace CampusKonseling.Workflows;

/// <summary>What a requester is told about the SOP their request enters: its first step and time standard.</summary>
public sealed record SopEntry(string Judul, string LangkahPertama, string? Waktu);

/// <summary>An SOP of the campus, as other modules may offer it for choosing (e.g. the SOP a form starts).</summary>
public sealed record SopSummary(string Kode, string Judul, int? RetensiHari = null, string? Unit = null)
{
    /// <summary>The entry channels its steps name (<c>masuk</c>: formulir, rujukan, datang…), so a referral finds the SOP that takes referrals.</summary>
    public IReadOnlyList<string> Masuk { get; init; } = [];
}

/// <summary>An SOP instance started inside the caller's transaction; its timers and notifications follow the commit.</summary>
public sealed record SopLaunch(Guid InstanceId, SopEntry Entry, DateTimeOffset? JatuhTempo, Func<CancellationToken, Task> AfterCommitAsync);

/// <summary>Where a request stands, as its requester may be told: step descriptions and dates, never staff notes.</summary>
public sealed record SopProgress(string Judul, bool Selesai, bool Dibatalkan, IReadOnlyList<SopProgressStep> LangkahAktif, DateTimeOffset? SelesaiPada)
{
    /// <summary>The steps done so far, oldest first: what the SOP says of each and when it was done; never who wrote what.</summary>
    public IReadOnlyList<SopProgressDone> Riwayat { get; init; } = [];
    public DateTimeOffset? DimulaiPada { get; init; }
}

/// <summary>A step done on the request (completed or skipped), as its requester may be told.</summary>
public sealed record SopProgressDone(string Uraian, DateTimeOffset Pada, bool Dilewati = false);

/// <param name="Kelengkapan">The documents and items the step needs (its SOP's kelengkapan), for staff checklists.</param>
/// <param name="Klien">The step waits for the requester themself (a client lane, with the requester's account known): done on their own page.</param>
public sealed record SopProgressStep(string Uraian, DateTimeOffset? JatuhTempo, IReadOnlyList<string>? Kelengkapan = null, string? Label = null, string? Waktu = null, bool Klien = false)
{
    /// <summary>Who does it, by the SOP's lane names ("Tata Usaha", "Konselor"); the requester's own lane is left out.</summary>
    public IReadOnlyList<string> Oleh { get; init; } = [];
    public bool Terlambat { get; init; }
}

/// <summary>
/// How other modules start an SOP (intake forms, cases, the API) without reaching into the SOP
/// module's tables: by the SOP's code, in a transaction they own.
/// </summary>
public interface ISopLauncher
{
    Task<SopEntry?> DescribeAsync(string sopKode, CancellationToken ct = default);

    /// <summary>The campus's SOPs by code.</summary>
    Task<IReadOnlyList<SopSummary>> ListAsync(CancellationToken ct = default);

    Task<SopProgress?> ProgressAsync(Guid instanceId, CancellationToken ct = default);

    /// <param name="konteks">Facts for routing and lanes: <c>klien</c> (the client's user id), <c>saluran</c>, <c>darurat</c>, a form's choice answers. Never counseling content.</param>
    /// <param name="masuk">The channel it enters by (formulir, datang, telepon, api, rujukan, jadwal): the SOP may start each at its own step, and steps done by the form complete themselves.</param>
    Task<SopLaunch> StartAsync(string sopKode, string subjek, IReadOnlyDictionary<string, string> konteks, DbTransaction transaction, CancellationToken ct = default, string? masuk = null);
}
