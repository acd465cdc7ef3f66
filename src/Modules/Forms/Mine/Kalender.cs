using System.Globalization;
using System.Text;

namespace CampusKonseling.Forms.Mine;

/// <summary>One counseling appointment as an iCalendar event, for the client's own calendar.</summary>
public sealed record KalenderAcara(Guid Id, DateTimeOffset Mulai, int DurasiMenit, string Judul, string? Tempat, string? Tautan, string Keterangan);

/// <summary>
/// Writes an appointment as an .ics file (RFC 5545): times in UTC, text escaped, lines folded at 75 octets, a reminder an
/// hour before. The meeting password is never written into it: calendars are synced and shared; the password stays on the page.
/// </summary>
public static class Kalender
{
    public static byte[] Ics(KalenderAcara a, DateTimeOffset now, string host)
    {
        var lines = new List<string>
        {
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//CampusKonseling//Permohonan saya//ID", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
            "BEGIN:VEVENT",
            $"UID:janji-{a.Id:N}@{host}",
            $"DTSTAMP:{Utc(now)}",
            $"DTSTART:{Utc(a.Mulai)}",
            $"DTEND:{Utc(a.Mulai.AddMinutes(a.DurasiMenit))}",
            $"SUMMARY:{Text(a.Judul)}",
        };
        if ((a.Tempat ?? a.Tautan) is { } where) lines.Add($"LOCATION:{Text(where)}");
        if (a.Tautan is { } url && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http") lines.Add($"URL:{uri.AbsoluteUri}");
        lines.Add($"DESCRIPTION:{Text(a.Keterangan)}");
        lines.AddRange(["BEGIN:VALARM", "ACTION:DISPLAY", "TRIGGER:-PT1H", $"DESCRIPTION:{Text(a.Judul)}", "END:VALARM", "END:VEVENT", "END:VCALENDAR"]);
        var ics = new StringBuilder();
        foreach (var line in lines) Fold(ics, line);
        return Encoding.UTF8.GetBytes(ics.ToString());
    }

    private static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>TEXT values: backslash, semicolon and comma escaped, line breaks as \n.</summary>
    public static string Text(string value) =>
        value.Replace("\\", "\\\\").Replace(";", "\\;").Replace(",", "\\,").Replace("\r\n", "\n").Replace("\r", "\n").Replace("\n", "\\n");

    /// <summary>Lines longer than 75 octets continue on the next line after a space, never inside a UTF-8 character.</summary>
    private static void Fold(StringBuilder ics, string line)
    {
        var octets = 0;
        var limit = 75;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > limit)
            {
                ics.Append("\r\n ");
                octets = 0;
                limit = 74; // the leading space counts
            }
            ics.Append(rune.ToString());
            octets += size;
        }
        ics.Append("\r\n");
    }
}
