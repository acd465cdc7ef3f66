namespace CampusKonseling.Documents;

/// <summary>The campus's kop surat as the Letters module keeps it: institution, campus, unit, address, contacts, city.</summary>
public sealed record KopSuratKampus(string? Instansi, string Kampus, string? Unit, string? Alamat, string? Kontak, string? LogoUrl, string? Kota, string ZonaWaktu);

/// <summary>The letterhead for documents other modules draw themselves (reports to the Rektor).</summary>
public interface ICampusLetterhead
{
    Task<KopSuratKampus> GetAsync(CancellationToken ct = default);
}
