namespace CampusKonseling.Privasi;

/// <summary>
/// The person a rights request is about, as the platform knows them for certain: their account and the e-mail address they
/// proved. Never a name: two students may share one, and each is given only what is theirs.
/// </summary>
public sealed record SubjekData(string? PenggunaId, string Email)
{
    /// <summary>
    /// A record sent from an account is the person's when it is their account; a record without one (a public form, a walk-in
    /// staff recorded) when it carries their address. A record of another account never is, whatever address it names.
    /// </summary>
    public bool Is(string? penggunaId, string? email) => penggunaId is { Length: > 0 }
        ? PenggunaId is { Length: > 0 } id && id == penggunaId
        : email is { Length: > 0 } && string.Equals(email.Trim(), Email.Trim(), StringComparison.OrdinalIgnoreCase);

    /// <summary>Matched by their own account, not only by an address someone may have typed.</summary>
    public bool ByAccount(string? penggunaId) => PenggunaId is { Length: > 0 } id && id == penggunaId;
}

/// <summary>What a collection may hold: counseling notes only once the counselor reviewing the request decided to give them.</summary>
/// <param name="Penelaah">The counselor who reviewed (user id): notes are given of the cases they counsel, as they could read them.</param>
/// <param name="Sampai">The review's moment: notes written after it were not reviewed and are not given.</param>
public sealed record HimpunOpsi(bool CatatanKonseling, string? Penelaah = null, DateTimeOffset? Sampai = null);

/// <summary>One kind of record about the person (requests, cases, sessions, registrations…): rows of labelled values.</summary>
public sealed record BagianData(string Kode, string Judul, IReadOnlyList<IReadOnlyDictionary<string, string?>> Baris);

/// <summary>
/// What a module holds about a data subject, for the copy a request for access gives them (UU 27/2022 Pasal 7 and 32):
/// contributed by each module of its own records, as the record of processing is.
/// </summary>
public interface IDataSubjek
{
    Task<IReadOnlyList<BagianData>> HimpunAsync(SubjekData subjek, HimpunOpsi opsi, CancellationToken ct = default);
}

/// <summary>
/// Carries out a request for erasure, restriction or withdrawal of consent on a module's own records, within what the law
/// lets it do (UU 27/2022 Pasal 8, 9, 11, 43): what a legal retention keeps is restricted, not destroyed. Returns what was
/// done, in sentences for the answer to the person.
/// </summary>
public interface IHakSubjekPelaksana
{
    Task<IReadOnlyList<string>> LaksanakanAsync(SubjekData subjek, string jenis, CancellationToken ct = default);
}
