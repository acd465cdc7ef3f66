namespace CampusKonseling.Privasi;

/// <summary>
/// One consent a person gave — a form's consent, a programme registration — as the consent ledger shows it: what for, which
/// version of the text, how long the data is kept, when and how it was given, and when it was withdrawn.
/// </summary>
/// <param name="Kunci">The processing activity it is the basis of ("formulir:{kode}", "program:{id}"): the DPO's purpose is shown over the generated one.</param>
/// <param name="Rujukan">What it came with (a request's tracking code, a participant code).</param>
public sealed record Persetujuan(string Kunci, string Sumber, string Rujukan, string? Versi, string Tujuan, string Retensi,
    DateTimeOffset DiberikanPada, string Cara, DateTimeOffset? DitarikPada);

/// <summary>The consents a module holds of a person (contract; every feature may add one), matched as <see cref="SubjekData.Is"/> says.</summary>
public interface IPersetujuanSubjek
{
    Task<IReadOnlyList<Persetujuan>> PersetujuanAsync(SubjekData subjek, CancellationToken ct = default);
}
