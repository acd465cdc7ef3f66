using CampusKonseling.Forms.Definitions;

namespace CampusKonseling.Forms.Builder;

/// <summary>Which properties a field type uses: the builder shows and keeps only these.</summary>
public static class FieldShape
{
    public static bool Wajib(string j) => JenisIsian.TakesAnswer(j) && j != JenisIsian.Persetujuan;
    public static bool Bantuan(string j) => JenisIsian.TakesAnswer(j) && j != JenisIsian.Persetujuan;
    /// <summary>Min and maks are a length for texts and a value for numbers.</summary>
    public static bool Panjang(string j) => j is JenisIsian.Teks or JenisIsian.TeksPanjang;
    public static bool Rentang(string j) => j == JenisIsian.Angka;
    public static bool Pola(string j) => j is JenisIsian.Teks or JenisIsian.TeksPanjang or JenisIsian.Nim;
    public static bool Pilihan(string j) => j is JenisIsian.Pilihan or JenisIsian.PilihanGanda;
    public static bool Tampilan(string j) => j == JenisIsian.Pilihan;
    public static bool TampilJika(string j) => j != JenisIsian.Persetujuan;
    public static bool Petakan(string j) => JenisIsian.TakesAnswer(j) && j is not (JenisIsian.Persetujuan or JenisIsian.Berkas);
    public static bool Persetujuan(string j) => j == JenisIsian.Persetujuan;
    public static bool Berkas(string j) => j == JenisIsian.Berkas;

    /// <summary>The builder's order of types in the "add a field" list.</summary>
    public static readonly IReadOnlyList<string> Order =
    [
        JenisIsian.Teks, JenisIsian.TeksPanjang, JenisIsian.Email, JenisIsian.Telepon, JenisIsian.Angka, JenisIsian.Tanggal,
        JenisIsian.Pilihan, JenisIsian.PilihanGanda, JenisIsian.Nim, JenisIsian.Berkas, JenisIsian.Persetujuan, JenisIsian.Judul, JenisIsian.Bantuan,
    ];
}
