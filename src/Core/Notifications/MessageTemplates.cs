using System.Globalization;
using System.Text;
using CampusKonseling.Modules;

namespace CampusKonseling.Notifications;

/// <summary>
/// A message a module sends (an acknowledgment, a one-time code, a reminder), with its default
/// subject and text in Bahasa Indonesia and English. A campus may rewrite either language; the
/// placeholders in <see cref="Isian"/> (written <c>{nama}</c>) are filled when the message is sent.
/// Every template also knows <c>{kampus}</c> and <c>{unit}</c>.
/// </summary>
public sealed record MessageTemplate(string Kode, LocalizedText Nama, IReadOnlyList<string> Isian, LocalizedText Judul, LocalizedText Isi)
{
    public static readonly IReadOnlyList<string> Umum = ["kampus", "unit"];
    public IEnumerable<string> SemuaIsian => Isian.Concat(Umum);
}

/// <summary>Modules declare the messages they send (registered as singletons).</summary>
public interface IMessageTemplateProvider
{
    IEnumerable<MessageTemplate> GetTemplates();
}

public sealed record ComposedMessage(string Judul, string Isi);

/// <summary>Fills a template in the reader's language, using the campus's own wording when it has one.</summary>
public interface IMessageComposer
{
    /// <param name="culture">The recipient's language when it is known; else the current UI language.</param>
    Task<ComposedMessage> ComposeAsync(string kode, IReadOnlyDictionary<string, string> values, CancellationToken ct = default, CultureInfo? culture = null);
}

public static class TemplateText
{
    /// <summary>Replaces <c>{name}</c> with its value; unknown names stay as written, <c>{{</c> is a literal brace.</summary>
    public static string Render(string template, IReadOnlyDictionary<string, string> values)
    {
        var sb = new StringBuilder(template.Length + 64);
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if (c == '{' && i + 1 < template.Length && template[i + 1] == '{') { sb.Append('{'); i++; continue; }
            if (c == '}' && i + 1 < template.Length && template[i + 1] == '}') { sb.Append('}'); i++; continue; }
            if (c == '{')
            {
                var end = template.IndexOf('}', i + 1);
                if (end > i && values.TryGetValue(template[(i + 1)..end], out var value)) { sb.Append(value); i = end; continue; }
            }
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>The placeholder names a text uses.</summary>
    public static IEnumerable<string> Names(string template)
    {
        for (var i = 0; i < template.Length; i++)
        {
            if (template[i] != '{') continue;
            if (i + 1 < template.Length && template[i + 1] == '{') { i++; continue; }
            var end = template.IndexOf('}', i + 1);
            if (end < 0) yield break;
            yield return template[(i + 1)..end];
            i = end;
        }
    }

    public static bool English(CultureInfo? culture = null) => (culture ?? CultureInfo.CurrentUICulture).TwoLetterISOLanguageName == "en";
}
