namespace CampusKonseling.Sop.Waktu;

public enum SatuanWaktu { Detik, Menit, Jam, Hari, Minggu, Bulan }

/// <summary>
/// A time standard parsed from the SOP's own words ("15 Menit", "1 jam setelah pengisian",
/// "1 minggu setelah rapat koordinasi"). <see cref="Setelah"/> keeps the event the text counts
/// from; the definition names that event's step in <c>dihitungDari</c>.
/// </summary>
public sealed record Waktu(string Teks, int? Jumlah, SatuanWaktu? Satuan, string? Setelah)
{
    public bool HasDuration => Jumlah is not null && Satuan is not null;

    public override string ToString() => Teks;
}
