using CampusKonseling.Forms.Definitions;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Forms.Builder;

/// <summary>The builder's names for field types, case targets and field properties.</summary>
public static class BuilderText
{
    public static string Jenis(string jenis, IStringLocalizer T) => jenis switch
    {
        JenisIsian.Teks => T["Teks singkat"],
        JenisIsian.TeksPanjang => T["Teks panjang"],
        JenisIsian.Email => T["E-mail"],
        JenisIsian.Telepon => T["Nomor HP"],
        JenisIsian.Angka => T["Angka"],
        JenisIsian.Tanggal => T["Tanggal"],
        JenisIsian.Pilihan => T["Pilihan tunggal"],
        JenisIsian.PilihanGanda => T["Pilihan ganda"],
        JenisIsian.Nim => T["NIM/NPP"],
        JenisIsian.Berkas => T["Unggah berkas"],
        JenisIsian.Persetujuan => T["Persetujuan data"],
        JenisIsian.Judul => T["Judul bagian"],
        JenisIsian.Bantuan => T["Teks bantuan"],
        _ => jenis,
    };

    public static string Petakan(string target, IStringLocalizer T) => target switch
    {
        Definitions.Petakan.Nama => T["Nama pemohon"],
        Definitions.Petakan.Email => T["E-mail pemohon"],
        Definitions.Petakan.Telepon => T["Nomor HP pemohon"],
        Definitions.Petakan.Saluran => T["Saluran layanan"],
        Definitions.Petakan.Masalah => T["Bidang masalah"],
        Definitions.Petakan.Waktu => T["Waktu yang diinginkan"],
        _ => target,
    };

    public static readonly IReadOnlyList<string> Targets =
        [Definitions.Petakan.Nama, Definitions.Petakan.Email, Definitions.Petakan.Telepon, Definitions.Petakan.Saluran, Definitions.Petakan.Masalah, Definitions.Petakan.Waktu];

    /// <summary>A validator path's property ("isian[2].pola" → "Pola"), to say which input a publishing error is about.</summary>
    public static string Property(string property, IStringLocalizer T) => property switch
    {
        "id" => T["Id"],
        "kode" => T["Kode"],
        "judul" => T["Judul"],
        "jenis" => T["Jenis"],
        "label" => T["Label"],
        "pilihan" => T["Pilihan"],
        "tampilan" => T["Tampilan"],
        "pola" => T["Pola"],
        "min" => T["Min"],
        "teks" => T["Teks persetujuan"],
        "versi" => T["Versi persetujuan"],
        "retensiHari" => T["Masa simpan (hari)"],
        "tipe" => T["Jenis berkas"],
        "maksKb" => T["Ukuran maksimum (KB)"],
        "tampilJika.isian" or "tampilJika.nilai" => T["Tampil jika"],
        "petakan" => T["Petakan ke"],
        _ => property,
    };
}
