namespace CampusKonseling.Privasi.Data;

/// <summary>
/// A personal data breach in the campus's register (kegagalan pelindungan data pribadi, UU 27/2022 Pasal 46), run on the
/// campus's SOP for it: recorded by whoever learnt of it, assessed, notified to the people concerned and the authority, closed.
/// </summary>
public sealed class InsidenRow
{
    public Guid Id { get; set; }
    public required string Nomor { get; set; }
    public required string Judul { get; set; }
    /// <summary>What happened, as the person who learnt of it wrote it.</summary>
    public required string Uraian { get; set; }
    /// <summary>When the unit learnt of it: the law's 3 x 24 jam count from here, not from the recording.</summary>
    public DateTimeOffset DiketahuiPada { get; set; }
    public DateTimeOffset DicatatPada { get; set; }
    public required string DicatatOleh { get; set; }
    public string? DicatatOlehId { get; set; }
    public Guid? SopInstanceId { get; set; }
    /// <summary>The accounts that recorded or worked it: they keep seeing it after their step.</summary>
    public List<string> Terlibat { get; set; } = [];

    /// <summary>The assessment: proven or not, what data, how it came out, how many people, whether specific data (health, counseling) is among it.</summary>
    public bool? Terbukti { get; set; }
    public string? DataTerungkap { get; set; }
    public string? CaraTerungkap { get; set; }
    public int? JumlahSubjek { get; set; }
    public bool Spesifik { get; set; }
    public string? Risiko { get; set; }
    /// <summary>Upaya penanganan dan pemulihan: what the letters tell the people concerned and the authority.</summary>
    public string? Penanganan { get; set; }
    public DateTimeOffset? DinilaiPada { get; set; }
    public string? DinilaiOleh { get; set; }

    /// <summary>The e-mail addresses of the people concerned, as far as known.</summary>
    public List<string> SubjekEmail { get; set; } = [];
    public DateTimeOffset? SubjekDiberitahuPada { get; set; }
    public int SubjekDiberitahu { get; set; }
    public DateTimeOffset? LembagaDiberitahuPada { get; set; }
    /// <summary>How the authority's letter went (e-mail address, delivery, portal).</summary>
    public string? LembagaMelalui { get; set; }

    public string? Penutupan { get; set; }
    public DateTimeOffset? DitutupPada { get; set; }
    public string? DitutupOleh { get; set; }

    public DateTimeOffset BatasPemberitahuan => DiketahuiPada + SopInsiden.BatasPemberitahuan;
}

/// <summary>One line of a breach's history: who did or learnt what, when (recorded, the DPO told, assessed, notified, closed).</summary>
public sealed class PeristiwaRow
{
    public Guid Id { get; set; }
    public Guid InsidenId { get; set; }
    public DateTimeOffset Pada { get; set; }
    /// <summary>The order of lines written at the same moment (recorded, then the DPO told).</summary>
    public int Urutan { get; set; }
    public required string Oleh { get; set; }
    public required string Jenis { get; set; }
    public required string Uraian { get; set; }
}

/// <summary>The kinds of a breach's history lines.</summary>
public static class JenisPeristiwa
{
    public const string Dicatat = "dicatat", PejabatDiberitahu = "pejabat-diberitahu", Dinilai = "dinilai", Surat = "surat",
        SubjekDiberitahu = "subjek-diberitahu", LembagaDiberitahu = "lembaga-diberitahu", Ditutup = "ditutup";
}
