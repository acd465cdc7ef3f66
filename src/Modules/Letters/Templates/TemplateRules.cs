using System.Text.RegularExpressions;
using CampusKonseling.Letters.Numbering;

namespace CampusKonseling.Letters.Templates;

/// <summary>What a template may hold, checked the same way on the admin page and in recipes.</summary>
public sealed record TemplateInput(
    string Kode, string Judul, string Pola, string? Perihal, string? Kepada, string Isi,
    string Jabatan, string? Nama, string? Nip, string? Tempat)
{
    /// <summary>Placeholders a letter may not leave empty (each must be one the template uses).</summary>
    public IReadOnlyList<string> Wajib { get; init; } = [];

    /// <summary>The role whose holder signs; empty: the user who makes the letter signs it.</summary>
    public string? Peran { get; init; }

    /// <summary>The placeholder names the template's texts use, in order.</summary>
    public IEnumerable<string> Names() =>
        new[] { Perihal, Kepada, Isi, Jabatan, Nama, Nip, Tempat }.SelectMany(Markup.Names).Distinct();
}

public static partial class TemplateRules
{
    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex Code();

    public static IEnumerable<Galat> Validate(TemplateInput t)
    {
        if (string.IsNullOrWhiteSpace(t.Kode)) yield return new("kode", "Kode wajib diisi.");
        else if (t.Kode.Length > 60 || !Code().IsMatch(t.Kode))
            yield return new("kode", "Kode hanya huruf kecil, angka, dan tanda hubung (paling panjang 60), misalnya {0}.", "surat-rujukan");
        else if (t.Kode == "baru") yield return new("kode", "Kode {0} tidak boleh dipakai.", t.Kode);
        foreach (var e in Required(t.Judul, "judul", "Judul wajib diisi.", 200)) yield return e;
        foreach (var e in NumberPattern.Validate(t.Pola)) yield return e;
        foreach (var e in Optional(t.Perihal, "perihal", 300)) yield return e;
        foreach (var e in Optional(t.Kepada, "kepada", 2000)) yield return e;
        foreach (var e in Required(t.Isi, "isi", "Isi surat wajib diisi.", 20000)) yield return e;
        foreach (var e in Required(t.Jabatan, "jabatan", "Jabatan penanda tangan wajib diisi.", 300)) yield return e;
        foreach (var e in Optional(t.Nama, "nama", 200)) yield return e;
        foreach (var e in Optional(t.Nip, "nip", 100)) yield return e;
        foreach (var e in Optional(t.Tempat, "tempat", 100)) yield return e;
        if (t.Peran is { Length: > 256 }) yield return new("peran", "Paling panjang {0} karakter.", 256);
        var used = t.Names().ToHashSet();
        foreach (var name in t.Wajib.Where(n => !used.Contains(n)).Distinct())
            yield return new("wajib", "Isian wajib {0} tidak dipakai dalam templat; tulis {1} di surat atau hapus dari daftar.", name, "{" + name + "}");
    }

    private static IEnumerable<Galat> Required(string? value, string field, string message, int max) =>
        string.IsNullOrWhiteSpace(value) ? [new(field, message)] : Optional(value, field, max);

    private static IEnumerable<Galat> Optional(string? value, string field, int max)
    {
        if (value is null) yield break;
        if (value.Length > max) yield return new(field, "Paling panjang {0} karakter.", max);
        foreach (var e in Markup.Validate(value, field)) yield return e;
    }
}
