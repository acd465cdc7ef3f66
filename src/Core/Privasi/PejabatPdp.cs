namespace CampusKonseling.Privasi;

/// <summary>The campus's data protection officer (Pejabat Pelindungan Data Pribadi, UU 27/2022 Pasal 53), as notices name them.</summary>
public sealed record PejabatPdp(string Nama, string? Jabatan, string Email, string? Telepon);

/// <summary>Who data subjects write to about their data (contract of the Privasi feature; null until the campus names one).</summary>
public interface IPejabatPdp
{
    Task<PejabatPdp?> GetAsync(CancellationToken ct);
}

/// <summary>The purpose of a processing activity as the DPO wrote it over the generated one (contract of the Privasi feature).</summary>
public interface IUraianPemrosesan
{
    /// <param name="kunci">"formulir:{kode}", "sop:{kode}".</param>
    Task<string?> TujuanAsync(string kunci, CancellationToken ct);
}
