namespace CampusKonseling.Cases.Pages.Cases.Admin.Kasus.Ringkasan;

/// <summary>What a step card's form posts: which step and action, and the small fields of its action or completion.</summary>
public sealed class LangkahInput
{
    public string? Langkah { get; set; }
    public int Aksi { get; set; }
    /// <summary>Kelengkapan items the reader confirms are present.</summary>
    public List<string> Dikonfirmasi { get; set; } = [];
    public string? Pilihan { get; set; }
    public string? CatatanLangkah { get; set; }
    /// <summary>The person named for an assignment (tunjuk).</summary>
    public string? PenggunaId { get; set; }
    /// <summary>The external referral whose result is recorded, and the result.</summary>
    public Guid? Rujukan { get; set; }
    public string? Hasil { get; set; }
    public string? TingkatDokumen { get; set; }
    /// <summary>A letter's fields by placeholder.</summary>
    public Dictionary<string, string> Nilai { get; set; } = [];
}
