using CampusKonseling.Site;
using CampusKonseling.Sop.Definitions;
using CampusKonseling.Sop.Waktu;

namespace CampusKonseling.Tests.Sop;

public sealed class WaktuTests
{
    [Theory]
    [InlineData("15 Menit", 15, SatuanWaktu.Menit, null)]
    [InlineData("1 Hari", 1, SatuanWaktu.Hari, null)]
    [InlineData("1 jam setelah pengisian", 1, SatuanWaktu.Jam, "pengisian")]
    [InlineData("1 minggu setelah rapat koordinasi dengan panitia", 1, SatuanWaktu.Minggu, "rapat koordinasi dengan panitia")]
    [InlineData("2 Menit", 2, SatuanWaktu.Menit, null)]
    [InlineData("3 Hari", 3, SatuanWaktu.Hari, null)]
    [InlineData("1 Jam rapat dengan panitia layanan minat bakat", 1, SatuanWaktu.Jam, null)]
    [InlineData("dua hari", 2, SatuanWaktu.Hari, null)]
    public void Seed_time_standards_are_read(string text, int amount, SatuanWaktu unit, string? after)
    {
        Assert.True(WaktuParser.TryParse(text, out var waktu, out var error), error);
        Assert.Equal((amount, unit, after), (waktu!.Jumlah!.Value, waktu.Satuan!.Value, waktu.Setelah));
    }

    [Fact]
    public void An_event_without_duration_has_no_due_time_and_nonsense_is_refused()
    {
        Assert.True(WaktuParser.TryParse("Setelah pengisian form permohonan konseling", out var e, out _));
        Assert.False(e!.HasDuration);
        Assert.Equal("pengisian form permohonan konseling", e.Setelah);
        Assert.True(WaktuParser.TryParse(null, out var none, out _));
        Assert.Null(none);
        Assert.False(WaktuParser.TryParse("secepatnya", out _, out var error));
        Assert.Contains("waktu 'secepatnya' tidak dapat dibaca", error);
        Assert.False(WaktuParser.TryParse("0 Menit", out _, out _));
    }

    [Theory]
    [InlineData(2030, 1, 7, 9, 0, "15 Menit", 2030, 1, 7, 9, 15)]     // Monday morning
    [InlineData(2030, 1, 7, 15, 50, "15 Menit", 2030, 1, 8, 8, 5)]    // crosses the end of the day
    [InlineData(2030, 1, 11, 15, 0, "1 Hari", 2030, 1, 14, 15, 0)]    // Friday → Monday
    [InlineData(2030, 1, 12, 10, 0, "1 jam", 2030, 1, 14, 9, 0)]      // Saturday counts from Monday 08:00
    [InlineData(2030, 1, 7, 6, 30, "30 Menit", 2030, 1, 7, 8, 30)]    // before opening
    [InlineData(2030, 1, 7, 10, 0, "1 minggu", 2030, 1, 14, 10, 0)]   // five working days
    [InlineData(2030, 1, 9, 13, 0, "3 Hari", 2030, 1, 14, 13, 0)]     // Wednesday + 3 working days
    public void Due_times_count_working_days_and_hours(int y, int mo, int d, int h, int mi, string waktu, int ey, int emo, int ed, int eh, int emi)
    {
        WaktuParser.TryParse(waktu, out var w, out _);
        Assert.Equal(Campus.Wib(ey, emo, ed, eh, emi), Campus.Calendar.Add(Campus.Wib(y, mo, d, h, mi), Campus.Calendar.WorkingLength(w!)));
    }

    [Fact]
    public void Other_time_zones_and_working_hours_come_from_the_campus()
    {
        var makassar = new WorkingCalendar(new CampusSettings { TimeZone = "Asia/Makassar", WorkingDays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday], WorkStart = new(7, 30), WorkEnd = new(15, 0) });
        WaktuParser.TryParse("1 Hari", out var w, out _);
        var saturday = new DateTimeOffset(2030, 1, 12, 14, 0, 0, TimeSpan.FromHours(8));
        Assert.Equal(new DateTimeOffset(2030, 1, 14, 14, 0, 0, TimeSpan.FromHours(8)), makassar.Add(saturday, makassar.WorkingLength(w!)));
    }

    [Theory]
    [InlineData("1 x 24 jam", 24)]
    [InlineData("3 x 24 Jam", 72)]
    [InlineData("2x24 jam", 48)]
    [InlineData("paling lambat 1 x 24 jam", 24)]
    public void Times_24_hours_is_clock_time_as_the_law_means_it(string text, int hours)
    {
        Assert.True(WaktuParser.TryParse(text, out var w, out var error), error);
        Assert.Equal((hours, SatuanWaktu.Jam, true, ArahWaktu.Setelah), (w!.Jumlah!.Value, w.Satuan!.Value, w.Kalender, w.Arah));
        Assert.False(WaktuParser.TryParse("1 Hari", out var day, out _) && day!.Kalender);
    }

    [Fact]
    public void Times_24_hours_runs_through_nights_weekends_and_holidays_even_in_a_working_hours_sop()
    {
        var libur = new WorkingCalendar(Campus.Settings with { HariLibur = [new(new DateOnly(2030, 1, 14), "Libur uji")] });
        WaktuParser.TryParse("1 x 24 jam", out var w, out _);
        var friday = Campus.Wib(2030, 1, 11, 15, 0);
        Assert.Equal(Campus.Wib(2030, 1, 12, 15, 0), libur.Due(w!, friday, jamKerja: true));
        Assert.Equal(Campus.Wib(2030, 1, 12, 10, 12), libur.Add(friday, w!, jamKerja: true, fraction: 0.8));
        WaktuParser.TryParse("1 Hari", out var hari, out _);
        Assert.Equal(Campus.Wib(2030, 1, 15, 15, 0), libur.Due(hari!, friday, jamKerja: true)); // Monday is the holiday
        Assert.Equal(Campus.Wib(2030, 1, 12, 15, 0), libur.Due(hari!, friday, jamKerja: false));
    }

    [Theory]
    [InlineData("1 hari sebelum pelaksanaan", 1, SatuanWaktu.Hari, "pelaksanaan")]
    [InlineData("2 jam sebelum jadwal", 2, SatuanWaktu.Jam, "jadwal")]
    [InlineData("1 x 24 jam sebelum jadwal konseling", 24, SatuanWaktu.Jam, "jadwal konseling")]
    public void Before_keeps_the_event_and_its_direction(string text, int amount, SatuanWaktu unit, string acuan)
    {
        Assert.True(WaktuParser.TryParse(text, out var w, out var error), error);
        Assert.Equal((amount, unit, ArahWaktu.Sebelum, acuan, acuan), (w!.Jumlah!.Value, w.Satuan!.Value, w.Arah, w.Acuan, w.Sebelum));
        Assert.Null(w.Setelah);
    }

    [Theory]
    [InlineData("sesuai jadwal yang disepakati", "jadwal yang disepakati")]
    [InlineData("Sesuai jadwal", "jadwal")]
    [InlineData("pada hari pelaksanaan", "pelaksanaan")]
    [InlineData("Sebelum pelaksanaan", "pelaksanaan")]
    public void At_an_agreed_date_is_due_at_that_date(string text, string acuan)
    {
        Assert.True(WaktuParser.TryParse(text, out var w, out var error), error);
        Assert.False(w!.HasDuration);
        Assert.Equal(acuan, w.Acuan);
        Assert.Null(w.Setelah);
        var appointment = Campus.Wib(2030, 1, 12, 10, 0);
        Assert.Equal(appointment, Campus.Calendar.Due(w, appointment, jamKerja: true));
    }

    [Fact]
    public void After_keeps_its_old_meaning()
    {
        WaktuParser.TryParse("1 minggu setelah layanan minat dan bakat", out var w, out _);
        Assert.Equal((ArahWaktu.Setelah, "layanan minat dan bakat", "layanan minat dan bakat", false), (w!.Arah, w.Acuan, w.Setelah, w.Kalender));
        Assert.Null(w.Sebelum);
        WaktuParser.TryParse("Setelah ada kesepakatan", out var only, out _);
        Assert.Null(Campus.Calendar.Due(only!, Campus.Wib(2030, 1, 7, 9, 0), jamKerja: true));
        Assert.Equal(Campus.Wib(2030, 1, 14, 9, 0), Campus.Calendar.Due(w, Campus.Wib(2030, 1, 7, 9, 0), jamKerja: true));
    }

    [Theory]
    [InlineData("1 hari sebelum pelaksanaan", 2030, 1, 14, 9, 0, 2030, 1, 11, 9, 0)]   // Monday → the Friday before
    [InlineData("2 jam sebelum jadwal", 2030, 1, 14, 9, 0, 2030, 1, 11, 15, 0)]         // one hour of Monday, one of Friday
    [InlineData("1 hari sebelum pelaksanaan", 2030, 1, 12, 9, 0, 2030, 1, 11, 8, 0)]    // a Saturday workshop: all of Friday
    [InlineData("1 x 24 jam sebelum jadwal", 2030, 1, 14, 9, 0, 2030, 1, 13, 9, 0)]     // the plain clock, Sunday
    public void Before_counts_back_from_the_event(string text, int y, int mo, int d, int h, int mi, int ey, int emo, int ed, int eh, int emi)
    {
        WaktuParser.TryParse(text, out var w, out _);
        Assert.Equal(Campus.Wib(ey, emo, ed, eh, emi), Campus.Calendar.Due(w!, Campus.Wib(y, mo, d, h, mi), jamKerja: true));
    }

    [Fact]
    public void A_holiday_is_not_a_working_day()
    {
        // Thursday 10 January 2030, with Friday the 11th a holiday.
        var calendar = new WorkingCalendar(Campus.Settings with { HariLibur = [new(new DateOnly(2030, 1, 11), "Libur uji")] });
        WaktuParser.TryParse("1 Hari", out var w, out _);
        Assert.Equal(Campus.Wib(2030, 1, 14, 15, 0), calendar.Add(Campus.Wib(2030, 1, 10, 15, 0), calendar.WorkingLength(w!)));
        Assert.Equal(Campus.Wib(2030, 1, 14, 8, 0), calendar.Add(Campus.Wib(2030, 1, 11, 9, 0), TimeSpan.Zero));
        Assert.Equal(Campus.Wib(2030, 1, 10, 15, 0), calendar.Subtract(Campus.Wib(2030, 1, 14, 15, 0), calendar.WorkingLength(w!)));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2030, 1, 11)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2030, 1, 10)));
    }

    [Theory]
    [InlineData("0 x 24 jam", "harus lebih dari nol")]
    [InlineData("99999999999 menit", "terlalu panjang")]
    [InlineData("24 x 1 jam", "tidak dapat dibaca")]
    [InlineData("sesuai", "tidak dapat dibaca")]
    [InlineData("sebelum", "tidak dapat dibaca")]
    public void Unreadable_or_impossible_time_is_refused_with_a_reason(string text, string reason)
    {
        Assert.False(WaktuParser.TryParse(text, out var w, out var error));
        Assert.Null(w);
        Assert.Contains(reason, error);
    }
}
