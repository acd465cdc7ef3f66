namespace CampusKonseling.Privasi;

/// <summary>The kinds of request a data subject makes (UU 27/2022 Pasal 6–9).</summary>
public static class JenisHak
{
    public const string Akses = "akses", Perbaikan = "perbaikan", Penghapusan = "penghapusan", Pembatasan = "pembatasan", Penarikan = "penarikan";
    public static readonly IReadOnlyList<string> Semua = [Akses, Perbaikan, Penghapusan, Pembatasan, Penarikan];
}

/// <summary>The entry channel (<c>masuk</c>) of the SOP a campus runs data subjects' requests on; the shipped one is "PDP-HAK".</summary>
public static class HakSubjek
{
    public const string Masuk = "hak";
    /// <summary>The law's answer time (UU 27/2022 Pasal 32–42: 3 x 24 jam).</summary>
    public static readonly TimeSpan BatasJawab = TimeSpan.FromHours(72);
}
