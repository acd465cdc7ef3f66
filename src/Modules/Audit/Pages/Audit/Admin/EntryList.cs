using CampusKonseling.Audit.Data;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Audit.Pages.Audit.Admin;

/// <summary>What the _Entries table shows: entries newest first, times in the campus's zone with its name.</summary>
public sealed record EntryList(IReadOnlyList<AuditEntry> Items, TimeZoneInfo Zone, bool ShowSubject = true)
{
    public string Time(AuditEntry e) => TimeZoneInfo.ConvertTime(e.Waktu, Zone).ToString("dd/MM/yyyy HH:mm:ss") + " " + CampusKonseling.Site.CampusZones.Abbreviation(Zone, e.Waktu);

    public static string Subject(string jenis, string id) => AuditLinks.WhoSaw(jenis, id);

    /// <summary>The Indonesian name of a kind of entry; kinds other modules invent show as they are.</summary>
    public static string Kind(IStringLocalizer T, string jenis) => jenis switch
    {
        AuditKinds.Masuk => T["Masuk"],
        AuditKinds.GagalMasuk => T["Gagal masuk"],
        AuditKinds.Baca => T["Membaca"],
        AuditKinds.BacaKonseling => T["Membaca catatan konseling"],
        AuditKinds.BukaDarurat => T["Membuka akses darurat"],
        AuditKinds.Ubah => T["Mengubah"],
        AuditKinds.Buat => T["Membuat"],
        AuditKinds.Dokumen => T["Membuat dokumen"],
        AuditKinds.Hapus => T["Menghapus"],
        AuditKinds.Unduh => T["Mengunduh berkas"],
        _ => jenis,
    };
}
