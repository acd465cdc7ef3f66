namespace CampusKonseling.Sop.Waktu;

public enum SatuanWaktu { Detik, Menit, Jam, Hari, Minggu, Bulan }

/// <summary>Which way a time standard points from the event it names.</summary>
public enum ArahWaktu
{
    /// <summary>Counted forward: from the step's activation, or from <see cref="Waktu.Acuan"/> ("1 jam setelah pengisian").</summary>
    Setelah,
    /// <summary>Due before the event's date ("1 hari sebelum pelaksanaan").</summary>
    Sebelum,
    /// <summary>Due at the event's date, no duration ("sesuai jadwal yang disepakati", "pada hari pelaksanaan").</summary>
    Pada,
}

/// <summary>
/// A time standard parsed from the SOP's own words ("15 Menit", "1 x 24 jam", "1 hari sebelum pelaksanaan",
/// "sesuai jadwal yang disepakati"). <see cref="Acuan"/> keeps the event the text refers to and <see cref="Arah"/>
/// which way it points; the definition names that event's step in <c>dihitungDari</c>.
/// </summary>
public sealed record Waktu(string Teks, int? Jumlah, SatuanWaktu? Satuan, string? Acuan, ArahWaktu Arah = ArahWaktu.Setelah)
{
    public bool HasDuration => Jumlah is not null && Satuan is not null;

    /// <summary>
    /// "N x 24 jam" is how laws and SOPs write N days of the plain clock (hours of the calendar, nights and
    /// weekends included), so it is counted on the clock even in an SOP that otherwise counts working time.
    /// </summary>
    public bool Kalender { get; init; }

    /// <summary>The event counted from ("setelah/sesudah/sejak …"), else null.</summary>
    public string? Setelah => Arah == ArahWaktu.Setelah ? Acuan : null;

    /// <summary>The event the step is due before ("… sebelum …"), else null.</summary>
    public string? Sebelum => Arah == ArahWaktu.Sebelum ? Acuan : null;

    public override string ToString() => Teks;
}
