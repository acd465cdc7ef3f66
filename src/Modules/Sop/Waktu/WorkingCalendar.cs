using CampusKonseling.Site;

namespace CampusKonseling.Sop.Waktu;

/// <summary>
/// The campus's working time: time standards count only working days and hours in the
/// campus's time zone. One "hari" is one working day's length of working time, one "minggu"
/// the working days of a week; so "1 Hari" from Friday 15:00 is due Monday 15:00.
/// Public holidays are not known to it (yet).
/// </summary>
public sealed class WorkingCalendar
{
    private readonly TimeZoneInfo _zone;
    private readonly HashSet<DayOfWeek> _days;
    private readonly TimeOnly _start;
    private readonly TimeOnly _end;

    public WorkingCalendar(CampusSettings settings)
    {
        _zone = TimeZoneInfo.FindSystemTimeZoneById(settings.TimeZone);
        _days = settings.WorkingDays.ToHashSet();
        _start = settings.WorkStart;
        _end = settings.WorkEnd;
        if (_days.Count == 0 || _end <= _start) throw new ArgumentException("A working calendar needs working days and a working day that ends after it starts.");
    }

    public TimeSpan WorkingDay => _end - _start;

    /// <summary>The length of a time standard in working time.</summary>
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
            if (remaining <= available)
            {
                var result = local + remaining;
                return new DateTimeOffset(result, _zone.GetUtcOffset(result)).ToUniversalTime();
            }
            remaining -= available;
            local = dayEnd;
        }
    }

    /// <summary>This moment if it is working time, else the start of the next working period.</summary>
    private DateTime NextWorkingMoment(DateTime local)
    {
        for (var i = 0; i < 400; i++)
        {
            var dayStart = local.Date + _start.ToTimeSpan();
            var dayEnd = local.Date + _end.ToTimeSpan();
            if (_days.Contains(local.DayOfWeek) && local < dayEnd)
                return local < dayStart ? dayStart : local;
            local = local.Date.AddDays(1) + _start.ToTimeSpan();
        }
        throw new InvalidOperationException("No working time within a year.");
    }
}
