using System.Globalization;

namespace CampusKonseling.Site;

/// <summary>
/// Instants as the campus reads them: in its time zone, followed by the zone's name, so a time is never
/// mistaken for another zone's ("07.43 WIB", "08.43 WITA"; "UTC+9" for a zone Indonesia has no name for).
/// Formats follow the current culture (the reader's language) unless one is given.
/// </summary>
public sealed class CampusTime(TimeZoneInfo zone, DateTimeOffset utcNow)
{
    public const string DefaultFormat = "dd/MM/yyyy HH:mm";

    public TimeZoneInfo Zone => zone;

    /// <summary>The campus's date and time now.</summary>
    public DateTimeOffset Now => Local(utcNow);

    public DateOnly Today => DateOnly.FromDateTime(Now.DateTime);

    public DateTimeOffset Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, zone);

    /// <summary>A date and time of the campus's calendar as an instant (the offset the zone had then).</summary>
    public DateTimeOffset FromLocal(DateTime local) =>
        new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone.GetUtcOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified)));

    /// <summary>WIB, WITA or WIT for Indonesia's zones, else the offset from UTC ("UTC+9", "UTC-3:30", "UTC").</summary>
    public string Abbreviation(DateTimeOffset at) => CampusZones.Abbreviation(zone, at);

    /// <summary>"02/12/2026 07.43 WIB": the time in the campus's zone with the zone's name.</summary>
    public string Format(DateTimeOffset at, string format = DefaultFormat, IFormatProvider? culture = null) =>
        $"{Local(at).ToString(format, culture ?? CultureInfo.CurrentCulture)} {Abbreviation(at)}";

    /// <summary>As <see cref="Format(DateTimeOffset, string, IFormatProvider?)"/>; "-" when there is no time.</summary>
    public string Format(DateTimeOffset? at, string format = DefaultFormat, IFormatProvider? culture = null) =>
        at is { } value ? Format(value, format, culture) : "-";

    /// <summary>The campus's calendar date of an instant, without a time (no zone name needed).</summary>
    public string Date(DateTimeOffset at, string format = "dd/MM/yyyy", IFormatProvider? culture = null) =>
        Local(at).ToString(format, culture ?? CultureInfo.CurrentCulture);
}
