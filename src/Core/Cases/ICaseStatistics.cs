namespace CampusKonseling.Cases;

/// <summary>How case counts are bucketed over time (in the campus time zone).</summary>
public enum Rentang { Hari, Minggu, Bulan }

/// <summary>What cases are grouped by.</summary>
public enum Dimensi { Sop, Bidang, Saluran, JenisKlien, Prodi }

/// <summary>A period [<see cref="Dari"/>, <see cref="Sampai"/>) with its buckets.</summary>
public sealed record StatistikQuery(DateTimeOffset Dari, DateTimeOffset Sampai, Rentang Rentang = Rentang.Bulan);

/// <summary>Cases opened and closed in one bucket; <see cref="Mulai"/> is the bucket's first campus day.</summary>
public sealed record JumlahPeriode(DateOnly Mulai, int Dibuka, int Ditutup);

/// <summary>
/// One value of a dimension (<see cref="Kunci"/> is null for cases that do not carry it): cases opened and
/// closed in the period, and those open now (of which <see cref="Terlambat"/> are past their step's due time).
/// </summary>
public sealed record JumlahKelompok(string? Kunci, string Label, int Dibuka, int Ditutup, int TerbukaKini, int Terlambat);

/// <summary>
/// Waiting time to first contact, over the cases opened in the period. First contact is the first moment the
/// service reached the client: the first scheduling agreement (kesepakatan) or the first log-book or session
/// entry written by staff, whichever comes first (kasus.cases.kontak_pertama_pada).
/// </summary>
public sealed record WaktuTunggu(int Dihubungi, int BelumDihubungi, TimeSpan? Median, TimeSpan? P90, TimeSpan? RataRata);

/// <summary>A counselor's caseload (<see cref="KonselorId"/> null: not yet assigned).</summary>
public sealed record BebanKonselor(string? KonselorId, string Nama, int TerbukaKini, int Dibuka, int Ditutup, int Terlambat);

public sealed record StatistikKasus(
    int Dibuka, int Ditutup, int TerbukaKini, int Terlambat,
    IReadOnlyList<JumlahPeriode> PerPeriode, IReadOnlyDictionary<Dimensi, IReadOnlyList<JumlahKelompok>> PerDimensi,
    WaktuTunggu Tunggu, IReadOnlyList<BebanKonselor> Konselor);

/// <summary>Which cases stand behind a figure.</summary>
public enum Ukuran { Dibuka, Ditutup, TerbukaKini, Terlambat, Dihubungi, BelumDihubungi }

/// <summary>
/// The cases behind one figure: <see cref="Nilai"/> is the dimension's value ("" for cases without it);
/// <see cref="KonselorId"/> narrows to one counselor ("" for unassigned cases).
/// </summary>
public sealed record FilterKasus(DateTimeOffset Dari, DateTimeOffset Sampai, Ukuran Ukuran, Dimensi? Dimensi = null, string? Nilai = null, string? KonselorId = null);

/// <summary>A case as reports list it: administrative fields only, never the client's account or notes.</summary>
public sealed record BarisKasus(
    Guid Id, string Nomor, string? SopJudul, string Langkah, string Status, DateTimeOffset DibukaPada, DateTimeOffset? KontakPertamaPada,
    DateTimeOffset? DitutupPada, DateTimeOffset? JatuhTempo, bool Terlambat, string? KonselorNama, Guid? SopInstanceId = null);

public sealed record HalamanKasus(IReadOnlyList<BarisKasus> Baris, int Total);

/// <summary>Case figures for leaders' reports, computed by the Cases module in the database.</summary>
public interface ICaseStatistics
{
    Task<StatistikKasus> ComputeAsync(StatistikQuery query, CancellationToken ct = default);

    /// <summary>The cases behind a figure, newest first; <paramref name="page"/> counts from 1.</summary>
    Task<HalamanKasus> CasesAsync(FilterKasus filter, int page = 1, int pageSize = 50, CancellationToken ct = default);

    /// <summary>The cases run by these SOP instances (for drilling from baku-mutu activations to their cases).</summary>
    Task<IReadOnlyList<BarisKasus>> OfSopInstancesAsync(IReadOnlyCollection<Guid> instanceIds, CancellationToken ct = default);
}
