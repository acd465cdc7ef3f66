using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CampusKonseling.Audit.Data;

namespace CampusKonseling.Audit.Chain;

/// <summary>
/// The hash of an entry: SHA-256 over a canonical text of every stored field and the previous hash.
/// Each field is written as its length and its text (null as "~"), so no two different entries
/// serialize alike whatever characters they contain. Changing this format breaks every existing
/// chain; a new format needs a new version tag and a verifier that knows both.
/// </summary>
public static class AuditHash
{
    public const string Version = "ck-audit-1";
    /// <summary>What the first entry links to.</summary>
    public static readonly string Genesis = new('0', 64);

    public static string Of(AuditEntry e)
    {
        var text = new StringBuilder(Version).Append('\n');
        Field(text, e.Urutan.ToString(CultureInfo.InvariantCulture));
        Field(text, FormatTime(e.Waktu));
        Field(text, e.PenggunaId);
        Field(text, e.PenggunaNama);
        Field(text, e.PenggunaEmail);
        Field(text, e.AlamatIp);
        Field(text, e.AgenPengguna);
        Field(text, e.Jenis);
        Field(text, e.SubjekJenis);
        Field(text, e.SubjekId);
        Field(text, e.Ringkasan);
        Field(text, e.HashSebelumnya);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>PostgreSQL keeps microseconds; the hash is taken over the time exactly as it is stored.</summary>
    public static DateTimeOffset Storable(DateTimeOffset time)
    {
        var utc = time.UtcDateTime;
        return new DateTimeOffset(utc.Ticks - utc.Ticks % 10, TimeSpan.Zero);
    }

    private static string FormatTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    private static void Field(StringBuilder text, string? value)
    {
        if (value is null) text.Append('~');
        else text.Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value);
        text.Append('\n');
    }
}
