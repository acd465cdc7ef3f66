namespace CampusKonseling.Privasi;

/// <summary>
/// The entry channel (<c>masuk</c>) of the SOP a campus runs personal data breaches on (kegagalan pelindungan data pribadi,
/// UU 27/2022 Pasal 46); the shipped one is "PDP-INSIDEN". Its time standards count from <c>tanggal.diketahui</c>.
/// </summary>
public static class SopInsiden
{
    public const string Masuk = "insiden";
    /// <summary>The instance date (<c>acuan</c>) the breach became known: the law's 3 x 24 jam run from it, not from its recording.</summary>
    public const string Diketahui = "diketahui";
    /// <summary>The instance context key the assessment writes ("ya"/"tidak"): the SOP's decision follows it.</summary>
    public const string Terbukti = "terbukti";
    /// <summary>The law's notification time (UU 27/2022 Pasal 46 ayat (1): 3 x 24 jam).</summary>
    public static readonly TimeSpan BatasPemberitahuan = TimeSpan.FromHours(72);
}

/// <summary>The platform's own SOPs for UU PDP duties (requests, breaches): they run from the Privasi pages, never as a case or a form's SOP.</summary>
public static class SopPrivasi
{
    public static bool Is(IEnumerable<string> masuk) =>
        masuk.Any(m => string.Equals(m, HakSubjek.Masuk, StringComparison.OrdinalIgnoreCase) || string.Equals(m, SopInsiden.Masuk, StringComparison.OrdinalIgnoreCase));
}
