namespace CampusKonseling.Documents;

/// <summary>
/// A letter to produce from one of the campus's templates for something that owns it (a case),
/// with the values for the template's placeholders (<c>{nama}</c>, <c>{nim}</c>, …).
/// </summary>
public sealed record LetterRequest(string Templat, string PemilikJenis, string PemilikId, IReadOnlyDictionary<string, string> Nilai);

/// <summary>A generated letter: its number (kept across versions), version, and the SHA-256 of its PDF.</summary>
public sealed record GeneratedLetter(Guid Id, string Templat, string Judul, string Nomor, int Versi, string Hash, DateTimeOffset DibuatPada, string DibuatOleh)
{
    /// <summary>Placeholders the template uses that had no value: the letter shows "…" in their place.</summary>
    public IReadOnlyList<string> IsianKosong { get; init; } = [];
}

public sealed record LetterFile(string NamaBerkas, string Mime, byte[] Isi);

/// <summary>Letters with the campus letterhead, numbered per template and year, stored as PDF; never overwritten.</summary>
public interface ILetterService
{
    /// <summary>The templates a campus has (code and title), for the actions that offer them.</summary>
    Task<IReadOnlyList<(string Kode, string Judul)>> TemplatesAsync(CancellationToken ct = default);

    /// <summary>The placeholder names a template uses (in order), besides those the service fills itself (nomor, tanggal, kampus, unit); empty when unknown.</summary>
    Task<IReadOnlyList<string>> PlaceholdersAsync(string templat, CancellationToken ct = default);

    /// <summary>The placeholders a letter of the template may not leave empty ("wajib"): callers refuse to make it, naming them, while one is empty.</summary>
    Task<IReadOnlyList<string>> RequiredAsync(string templat, CancellationToken ct = default);

    /// <summary>
    /// The signature's values (<see cref="LetterFields.Signer"/>) from the signer's profile: the template's signer role
    /// (tandaTangan.peran) decides who signs — <paramref name="user"/> when they hold it (or when no role is named), else the
    /// holder whose position is the template's, else the role's only holder. Empty when nobody is found. A null
    /// <paramref name="user"/> is the signed-in user of the request.
    /// </summary>
    Task<IReadOnlyDictionary<string, string>> SignerAsync(string templat, System.Security.Claims.ClaimsPrincipal? user, CancellationToken ct = default);

    /// <summary>The values an earlier letter was made with: a new version starts from them. Empty when unknown.</summary>
    Task<IReadOnlyDictionary<string, string>> ValuesAsync(Guid letterId, CancellationToken ct = default);

    /// <summary>
    /// Makes a new letter with the next number, or — when <paramref name="versiDari"/> names an earlier letter — a new version of it keeping its number.
    /// Signature values the request leaves empty are the signer's (<see cref="SignerAsync"/>, as the signed-in user).
    /// </summary>
    Task<GeneratedLetter> GenerateAsync(LetterRequest request, Guid? versiDari = null, CancellationToken ct = default);

    Task<IReadOnlyList<GeneratedLetter>> OfOwnerAsync(string pemilikJenis, string pemilikId, CancellationToken ct = default);

    /// <summary>The PDF (or, with <paramref name="html"/>, the printable HTML view); null when unknown. Callers check the reader's rights first.</summary>
    Task<LetterFile?> OpenAsync(Guid id, bool html = false, CancellationToken ct = default);

    /// <summary>Destroys every letter (all versions, their PDFs) of an owner whose retention has passed; returns how many.</summary>
    Task<int> DestroyOwnerAsync(string pemilikJenis, string pemilikId, CancellationToken ct = default);
}
