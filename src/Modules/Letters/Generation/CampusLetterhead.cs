using CampusKonseling.Documents;

namespace CampusKonseling.Letters.Generation;

/// <summary>The kop surat for other modules' documents, from the same source as the letters'.</summary>
public sealed class CampusLetterhead(Letterhead letterhead) : ICampusLetterhead
{
    public async Task<KopSuratKampus> GetAsync(CancellationToken ct = default)
    {
        var (kop, kota, zone) = await letterhead.GetAsync(ct);
        return new KopSuratKampus(kop.Instansi, kop.Kampus, kop.Unit, kop.Alamat, kop.Kontak, kop.LogoUrl, kota, zone.Id);
    }
}
