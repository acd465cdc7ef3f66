namespace CampusKonseling.Letters.Templates;

/// <summary>
/// A mistake in a template, at a field ("pola", "isi", …). <see cref="Pesan"/> is the Indonesian text and the
/// localization key; the admin page translates it, the recipe step reports it as it is.
/// </summary>
public sealed record Galat(string Bidang, string Pesan, params object[] Args)
{
    public string Teks => string.Format(Pesan, Args);
}
