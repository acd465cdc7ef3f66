using System.Text.RegularExpressions;

namespace CampusKonseling.Privasi;

/// <summary>
/// One processing activity (kegiatan pemrosesan data pribadi) for the campus's record of processing (UU 27/2022 Pasal 31):
/// what is processed, why, about whom, who receives it and how long it is kept. Each module describes its own from the
/// campus's configuration (a form, an SOP); the Privasi module gathers them.
/// </summary>
/// <param name="Kunci">Stable key: "formulir:{kode}", "sop:{kode}".</param>
/// <param name="Jenis">"formulir" or "sop".</param>
/// <param name="DataUmum">General personal data (data pribadi yang bersifat umum): names, contacts, study programme…</param>
/// <param name="DataSpesifik">Specific personal data (Pasal 4 ayat 2): health and counseling content, a child's data, finances…</param>
/// <param name="Penerima">Recipients inside the campus: the roles that act on it.</param>
/// <param name="PenerimaLuar">Recipients outside the campus: referral parties, external lanes.</param>
/// <param name="Dasar">The lawful basis (Pasal 20): the consent and its version, or the duty it serves.</param>
public sealed record KegiatanPemrosesan(
    string Kunci, string Jenis, string Kode, string Nama, string Tujuan, string Subjek,
    IReadOnlyList<string> DataUmum, IReadOnlyList<string> DataSpesifik,
    IReadOnlyList<string> Penerima, IReadOnlyList<string> PenerimaLuar,
    string Dasar, string Retensi);

/// <summary>A module's processing activities, read from the campus's configuration (contract; every feature may add one).</summary>
public interface IKegiatanPemrosesan
{
    Task<IReadOnlyList<KegiatanPemrosesan>> KegiatanAsync(CancellationToken ct);
}

/// <summary>Whether a field or a document names specific personal data (UU 27/2022 Pasal 4 ayat 2).</summary>
public static partial class DataSpesifik
{
    public static bool Is(params string?[] texts) => texts.Any(t => t is not null && Words().IsMatch(t));

    [GeneratedRegex(@"kesehatan|sakit|keluhan|masalah|psikolog|psikiat|diagnos|terapi|obat|disabilitas|difabel|riwayat|konseling|curhat|gangguan|trauma|kekerasan|pelecehan|biometri|genetik|kejahatan|pidana|keuangan|penghasilan|\banak\b|hasil pemeriksaan|asesmen", RegexOptions.IgnoreCase)]
    private static partial Regex Words();
}
