using System.Globalization;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Notifications;

/// <summary>
/// A text kept as its resource key and values instead of as words, so each reader gets it in their own language
/// (Bahasa Indonesia, English) and its times in the campus's zone: a notification stores it and renders it when it is
/// read or mailed. <see cref="Sumber"/> names the module's resources (its <c>S</c> marker); without it the key is
/// words not to translate (a name, a step's own title).
/// </summary>
public sealed record KeyedText
{
    public string? Sumber { get; init; }
    public string Kunci { get; init; } = "";
    public IReadOnlyList<KeyedValue> Nilai { get; init; } = [];

    public static KeyedText Of<TResource>(string key, params object?[] values) =>
        new() { Sumber = ResourceName(typeof(TResource)), Kunci = key, Nilai = values.Select(KeyedValue.Of).ToList() };

    public static KeyedText Plain(string text) => new() { Kunci = text };

    public static implicit operator KeyedText(string text) => Plain(text);

    /// <summary>
    /// Text already rendered (<c>T["…", values]</c>) stays in the language it was rendered in, as notices were before keys:
    /// it compiles so that older callers keep working, but a notice should be written with <c>T.Keyed(…)</c>.
    /// </summary>
    public static implicit operator KeyedText(LocalizedString text) => Plain(text.Value);

    /// <summary>This text followed by another ("… Jatuh tempo …"), each rendered in the reader's language.</summary>
    public KeyedText Then(KeyedText next, string separator = " ") =>
        new() { Kunci = "{0}" + separator.Replace("{", "{{").Replace("}", "}}") + "{1}", Nilai = [new() { Pesan = this }, new() { Pesan = next }] };

    public static string ResourceName(Type marker) => $"{marker.FullName}, {marker.Assembly.GetName().Name}";
}

/// <summary>One value of a <see cref="KeyedText"/>: words as they are, an instant (shown in campus time), or another keyed text.</summary>
public sealed record KeyedValue
{
    public string? Teks { get; init; }
    public DateTimeOffset? Waktu { get; init; }
    public KeyedText? Pesan { get; init; }

    public static KeyedValue Of(object? value) => value switch
    {
        null => new() { Teks = "" },
        KeyedText text => new() { Pesan = text },
        DateTimeOffset at => new() { Waktu = at },
        // Already in a language: kept as written.
        LocalizedString s => new() { Teks = s.Value },
        IFormattable f => new() { Teks = f.ToString(null, CultureInfo.InvariantCulture) },
        _ => new() { Teks = value.ToString() ?? "" },
    };
}

public static class KeyedTextExtensions
{
    /// <summary>
    /// Like <c>T[key, values]</c>, but kept as the key and values, to be rendered in the reader's language when read:
    /// <c>T.Keyed(key, values)</c> where <c>T</c> is the module's own localizer.
    /// </summary>
    public static KeyedText Keyed<TResource>(this IStringLocalizer<TResource> _, string key, params object?[] values) =>
        KeyedText.Of<TResource>(key, values);
}
