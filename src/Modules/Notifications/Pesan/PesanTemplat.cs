namespace CampusKonseling.Notifications.Pesan;

/// <summary>
/// A message to a client that an SOP step sends (a step's <c>aksi</c> <c>{"jenis": "pesan", "templat": kode}</c>), as the
/// campus wrote it in its recipe: an e-mail (<see cref="Judul"/>, <see cref="Isi"/>) and, where the campus has a phone
/// channel, a short text (<see cref="Teks"/>). Placeholders are those of <see cref="PesanIsian"/>.
/// </summary>
public sealed class PesanTemplat
{
    public long Id { get; set; }
    public required string Kode { get; set; }
    /// <summary>What the message is, for staff ("Tanggapan E-konseling, langkah 6").</summary>
    public required string Nama { get; set; }
    public required string Judul { get; set; }
    public required string Isi { get; set; }
    /// <summary>The SMS/WhatsApp text; null: the e-mail's subject and status link.</summary>
    public string? Teks { get; set; }
    public DateTimeOffset DiubahPada { get; set; }
    public required string DiubahOleh { get; set; }
}
