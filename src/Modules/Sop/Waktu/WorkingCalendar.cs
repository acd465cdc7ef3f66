using CampusKonseling.Site;

namespace CampusKonseling.Sop.Waktu;

/// <summary>
/// The campus's working time: time standards count only working days and hours in the
/// campus's time zone. One "hari" is one working day's length of working time, one "minggu"
/// the working days of a week; so "1 Hari" from Friday 15:00 is due Monday 15:00. The campus's
/// public holidays (<see cref="CampusSettings.HariLibur"/>) are not working days.
/// "N x 24 jam" (<see cref="Waktu.Kalender"/>) is counted on the plain clock; see <see cref="Due"/>.
/// </summary>
public sealed class WorkingCalendar
{
    private readonly TimeZoneInfo _zone;
    private readonly HashSet<DayOfWeek> _days;
    private readonly HashSet<DateOnly> _holidays;
    private readonly TimeOnly _start;
    private readonly TimeOnly _end;

    public WorkingCalendar(CampusSettings settings)
    {
        _zone = CampusKonseling.Site.CampusClock.Zone(settings.TimeZone);
        _days = settings.WorkingDays.ToHashSet();
        _holidays = settings.HariLibur.Select(h => h.Tanggal).ToHashSet();
        _start = settings.WorkStart;
        _end = settings.WorkEnd;
        if (_days.Count == 0 || _end <= _start) throw new ArgumentException("A working calendar needs working days and a working day that ends after it starts.");
    }

    public TimeSpan WorkingDay => _end - _start;

    /// <summary>A moment as the campus's clocks show it.</summary>
    public DateTime Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, _zone).DateTime;

    /// <summary>Whether the campus works on this local date: a working day of the week that is not a holiday.</summary>
    public bool IsWorkingDay(DateOnly date) => _days.Contains(date.DayOfWeek) && !_holidays.Contains(date);

    /// <summary>The length of a time standard in working time (its unit only; <see cref="Length"/> also honours <see cref="Waktu.Kalender"/>).</summary>
    public TimeSpan WorkingLength(Waktu waktu) => waktu.Satuan switch
    {
        SatuanWaktu.Detik => TimeSpan.FromSeconds(waktu.Jumlah!.Value),
        SatuanWaktu.Menit => TimeSpan.FromMinutes(waktu.Jumlah!.Value),
        SatuanWaktu.Jam => TimeSpan.FromHours(waktu.Jumlah!.Value),
        SatuanWaktu.Hari => WorkingDay * waktu.Jumlah!.Value,
        SatuanWaktu.Minggu => WorkingDay * (_days.Count * waktu.Jumlah!.Value),
        SatuanWaktu.Bulan => WorkingDay * (_days.Count * 4 * waktu.Jumlah!.Value),
        _ => throw new ArgumentOutOfRangeException(nameof(waktu)),
    };

    /// <summary>The plain-clock length, for SOPs that run around the clock.</summary>
    public static TimeSpan ClockLength(Waktu waktu) => waktu.Satuan switch
    {
        SatuanWaktu.Detik => TimeSpan.FromSeconds(waktu.Jumlah!.Value),
        SatuanWaktu.Menit => TimeSpan.FromMinutes(waktu.Jumlah!.Value),
        SatuanWaktu.Jam => TimeSpan.FromHours(waktu.Jumlah!.Value),
        SatuanWaktu.Hari => TimeSpan.FromDays(waktu.Jumlah!.Value),
        SatuanWaktu.Minggu => TimeSpan.FromDays(7 * waktu.Jumlah!.Value),
        SatuanWaktu.Bulan => TimeSpan.FromDays(30 * waktu.Jumlah!.Value),
        _ => throw new ArgumentOutOfRangeException(nameof(waktu)),
    };

    /// <summary>Whether a standard runs on the plain clock: every standard of an around-the-clock SOP, and "x 24 jam" in any SOP.</summary>
    public static bool CountsClockTime(Waktu waktu, bool jamKerja) => !jamKerja || waktu.Kalender;

    /// <summary>The standard's length on the clock it runs on (<see cref="CountsClockTime"/>).</summary>
    public TimeSpan Length(Waktu waktu, bool jamKerja) => CountsClockTime(waktu, jamKerja) ? ClockLength(waktu) : WorkingLength(waktu);

    /// <summary>
    /// The moment <paramref name="fraction"/> of the standard has run from <paramref name="from"/>, on the clock
    /// it runs on: 1 gives the due time, the SOP's reminder share (e.g. 0.8) the reminder time.
    /// </summary>
    public DateTimeOffset Add(DateTimeOffset from, Waktu waktu, bool jamKerja, double fraction = 1.0) =>
        CountsClockTime(waktu, jamKerja) ? from + ClockLength(waktu) * fraction : Add(from, WorkingLength(waktu) * fraction);

    /// <summary>
    /// When a standard falls due, given its reference moment <paramref name="acuan"/>: for <see cref="ArahWaktu.Setelah"/>
    /// the moment it counts from (the step's activation or the completion of <c>dihitungDari</c>); for
    /// <see cref="ArahWaktu.Sebelum"/> and <see cref="ArahWaktu.Pada"/> the date of the event it names (the programme's
    /// or the appointment's). Null for "Setelah …" without a duration, which sets no time standard.
    /// </summary>
    public DateTimeOffset? Due(Waktu waktu, DateTimeOffset acuan, bool jamKerja) => (waktu.Arah, waktu.HasDuration) switch
    {
        (ArahWaktu.Setelah, true) => Add(acuan, waktu, jamKerja),
        (ArahWaktu.Setelah, false) => null,
        (ArahWaktu.Sebelum, true) => CountsClockTime(waktu, jamKerja) ? acuan - ClockLength(waktu) : Subtract(acuan, WorkingLength(waktu)),
        _ => acuan,
    };

    /// <summary>The moment <paramref name="work"/> of working time after <paramref name="from"/>.</summary>
    public DateTimeOffset Add(DateTimeOffset from, TimeSpan work)
    {
        var local = TimeZoneInfo.ConvertTime(from, _zone).DateTime;
        var remaining = work;
        while (true)
        {
            local = NextWorkingMoment(local);
            var dayEnd = local.Date + _end.ToTimeSpan();
            var available = dayEnd - local;
            if (remaining <= available) return Utc(local + remaining);
            remaining -= available;
            local = dayEnd;
        }
    }

    /// <summary>The moment <paramref name="work"/> of working time before <paramref name="to"/> ("1 hari sebelum pelaksanaan").</summary>
    public DateTimeOffset Subtract(DateTimeOffset to, TimeSpan work)
    {
        var local = TimeZoneInfo.ConvertTime(to, _zone).DateTime;
        var remaining = work;
        while (true)
        {
            local = PreviousWorkingMoment(local);
            var dayStart = local.Date + _start.ToTimeSpan();
            var available = local - dayStart;
            if (remaining <= available) return Utc(local - remaining);
            remaining -= available;
            local = dayStart;
        }
    }

    private DateTimeOffset Utc(DateTime local) => new DateTimeOffset(local, _zone.GetUtcOffset(local)).ToUniversalTime();

    /// <summary>This moment if it is working time, else the start of the next working period.</summary>
    private DateTime NextWorkingMoment(DateTime local)
    {
        for (var i = 0; i < 400; i++)
        {
            var dayStart = local.Date + _start.ToTimeSpan();
            var dayEnd = local.Date + _end.ToTimeSpan();
            if (IsWorkingDay(DateOnly.FromDateTime(local)) && local < dayEnd)
                return local < dayStart ? dayStart : local;
            local = local.Date.AddDays(1) + _start.ToTimeSpan();
        }
        throw new InvalidOperationException("No working time within a year.");
    }

    /// <summary>This moment if it is working time, else the end of the previous working period.</summary>
    private DateTime PreviousWorkingMoment(DateTime local)
    {
        for (var i = 0; i < 400; i++)
        {
            var dayStart = local.Date + _start.ToTimeSpan();
            var dayEnd = local.Date + _end.ToTimeSpan();
            if (IsWorkingDay(DateOnly.FromDateTime(local)) && local > dayStart)
                return local > dayEnd ? dayEnd : local;
            local = local.Date.AddDays(-1) + _end.ToTimeSpan();
        }
        throw new InvalidOperationException("No working time within a year.");
    }
}
