namespace CampusKonseling.Privasi;

/// <summary>The entry channel (<c>masuk</c>) of the SOP a campus runs data subjects' requests on; the shipped one is "PDP-HAK".</summary>
public static class HakSubjek
{
    public const string Masuk = "hak";
    /// <summary>The law's answer time (UU 27/2022 Pasal 32–42: 3 x 24 jam).</summary>
    public static readonly TimeSpan BatasJawab = TimeSpan.FromHours(72);
}
