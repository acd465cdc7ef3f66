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
}
