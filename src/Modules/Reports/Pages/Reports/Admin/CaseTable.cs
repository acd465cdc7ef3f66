using CampusKonseling.Cases;
using CampusKonseling.Reports.Tables;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Reports.Pages.Reports.Admin;

/// <summary>Cases as a report table (page and exports alike): administrative fields only, the number linking to the case.</summary>
public static class CaseTable
{
    public static Tabel Of(string kode, string judul, IReadOnlyList<BarisKasus> cases, TimeZoneInfo zone, IStringLocalizer T, string caseBase)
    {
        Sel When(DateTimeOffset? t) => t is { } v ? new Sel(TimeZoneInfo.ConvertTime(v, zone).ToString("dd/MM/yyyy HH:mm")) : Sel.Kosong;
        var rows = cases.Select(c => new Baris([
            new Sel(c.Nomor, Tautan: caseBase + c.Id), Sel.Tulisan(c.SopJudul ?? "–"), Sel.Tulisan(c.Langkah.Length > 0 ? c.Langkah : "–"),
            Sel.Tulisan(Status(c.Status, T)), When(c.DibukaPada), When(c.KontakPertamaPada), When(c.DitutupPada),
            c.JatuhTempo is null ? Sel.Kosong : When(c.JatuhTempo) with { Teks = When(c.JatuhTempo).Teks + (c.Terlambat ? " (" + T["Terlambat"] + ")" : "") },
            Sel.Tulisan(c.KonselorNama ?? "–")])).ToList();
        List<Kolom> columns =
        [
            new(T["Nomor"], JenisKolom.Teks), new(T["SOP"], JenisKolom.Teks), new(T["Langkah sekarang"], JenisKolom.Teks), new(T["Status"], JenisKolom.Teks),
            new(T["Dibuka"], JenisKolom.Tanggal), new(T["Kontak pertama"], JenisKolom.Tanggal), new(T["Ditutup"], JenisKolom.Tanggal),
            new(T["Jatuh tempo"], JenisKolom.Tanggal), new(T["Konselor"], JenisKolom.Teks),
        ];
        return new Tabel(kode, judul, columns, rows);
    }

    public static string Status(string status, IStringLocalizer T) => status switch
    {
        "baru" => T["Baru"],
        "berjalan" => T["Berjalan"],
        "selesai" => T["Selesai"],
        "dibatalkan" => T["Dibatalkan"],
        _ => status,
    };
}
