namespace CampusKonseling.Letters.Data;

/// <summary>A campus's letter: how it is numbered, what it says, who signs it.</summary>
public sealed class LetterTemplate
{
    public Guid Id { get; set; }
    public required string Kode { get; set; }
    public required string Judul { get; set; }
    public required string PolaNomor { get; set; }
    public string? Perihal { get; set; }
    public string? Kepada { get; set; }
    public required string Isi { get; set; }
    public required string TtdJabatan { get; set; }
    public string? TtdNama { get; set; }
    public string? TtdNip { get; set; }
    public string? TtdTempat { get; set; }
    /// <summary>The role whose holder signs (tandaTangan.peran): name, NIP/NIDN and position come from that person's profile.</summary>
    public string? TtdPeran { get; set; }
    /// <summary>Placeholders a letter may not leave empty: making it is refused, naming them.</summary>
    public List<string> Wajib { get; set; } = [];
    public DateTimeOffset DiubahPada { get; set; }
    public required string DiubahOleh { get; set; }
}

/// <summary>The last sequence number given for a template in a year.</summary>
public sealed class LetterCounter
{
    public Guid TemplatId { get; set; }
    public int Tahun { get; set; }
    public int Urut { get; set; }
}

/// <summary>A number once issued; every version of the letter keeps it.</summary>
public sealed class LetterNumber
{
    public Guid Id { get; set; }
    public Guid TemplatId { get; set; }
    public int Tahun { get; set; }
    public int Urut { get; set; }
    public required string Nomor { get; set; }
    public int VersiTerakhir { get; set; }
    public DateTimeOffset DibuatPada { get; set; }
}

/// <summary>One generated version: its PDF and print view as they were made, never changed afterwards.</summary>
public sealed class Letter
{
    public Guid Id { get; set; }
    public Guid NomorId { get; set; }
    public int Versi { get; set; }
    public required string TemplatKode { get; set; }
    public required string Judul { get; set; }
    public required string Nomor { get; set; }
    public required string PemilikJenis { get; set; }
    public required string PemilikId { get; set; }
    public required string Nilai { get; set; }
    public List<string> IsianKosong { get; set; } = [];
    public required byte[] Pdf { get; set; }
    public required string Html { get; set; }
    public required string Hash { get; set; }
    public DateTimeOffset DibuatPada { get; set; }
    public required string DibuatOleh { get; set; }
}

/// <summary>The parts of the letterhead the site settings do not hold (single row, id 1).</summary>
public sealed class Kop
{
    public int Id { get; set; } = 1;
    /// <summary>The line above the campus name, e.g. "KEMENTERIAN DALAM NEGERI" or "YAYASAN SASMITA JAYA".</summary>
    public string? Instansi { get; set; }
    public string? Alamat { get; set; }
    public string? Telepon { get; set; }
    public string? Email { get; set; }
    public string? Situs { get; set; }
    /// <summary>Where letters are signed ("Madiun, 21 November 2026") unless the template names a place.</summary>
    public string? Kota { get; set; }
    public DateTimeOffset DiubahPada { get; set; }
    public string DiubahOleh { get; set; } = "";
}
