using System.Globalization;
using CampusKonseling.Programs.Data;

namespace CampusKonseling.Programs.Work;

/// <summary>
/// The programme's dates as its SOP instance knows them (context <c>tanggal.{acuan}</c>, ISO 8601 with offset), so that
/// steps due "1 hari sebelum pelaksanaan" or not to be completed before the event count from the programme, not from clicks.
/// </summary>
public static class ProgramSopDates
{
    /// <summary>Registration opens (the programme's creation when no opening is set: it takes names from then).</summary>
    public const string Pendaftaran = "pendaftaran";
    /// <summary>Registration closes (the first session's start when no closing is set).</summary>
    public const string PenutupanPendaftaran = "penutupanPendaftaran";
    /// <summary>The first session starts.</summary>
    public const string Pelaksanaan = "pelaksanaan";
    /// <summary>The last session ends.</summary>
    public const string Selesai = "selesai";
    /// <summary>The committee was set (its first member added): UNIPMA's Surat Tugas is due "1 hari setelah ditetapkan panitia".</summary>
    public const string Panitia = "panitia";

    public static string Key(string acuan) => "tanggal." + acuan;

    /// <summary>The four dates, written with the campus's offset (+07:00) so that people reading the instance's context see local times.</summary>
    public static Dictionary<string, string?> Of(ProgramRow p, TimeZoneInfo zone) => new()
    {
        [Key(Pendaftaran)] = Iso(p.PendaftaranBuka ?? p.DibuatPada, zone),
        [Key(PenutupanPendaftaran)] = Iso(p.PendaftaranTutup ?? p.Mulai, zone),
        [Key(Pelaksanaan)] = Iso(p.Mulai, zone),
        [Key(Selesai)] = Iso(p.Selesai, zone),
    };

    public static string? Iso(DateTimeOffset? at, TimeZoneInfo zone) =>
        at is { } t ? TimeZoneInfo.ConvertTime(t, zone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture) : null;
}
