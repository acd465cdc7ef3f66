using System.Text.Json;
using CampusKonseling.Direktori.Students;

namespace CampusKonseling.Direktori.Api;

/// <summary>
/// Reads a student object of an API body into raw text, so a wrong type ("semester": "lima") gets the
/// same per-field message as a CSV cell instead of a generic binding error. Unknown properties are ignored.
/// </summary>
public static class StudentJson
{
    /// <returns>The input, and the fields whose value is an object, array or boolean.</returns>
    public static (StudentInput Input, List<string> WrongType) Read(JsonElement obj, string? nim = null)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var wrong = new List<string>();
        foreach (var p in obj.EnumerateObject())
        {
            var name = p.Name.ToLowerInvariant();
            if (!StudentRules.Columns.Contains(name)) continue;
            switch (p.Value.ValueKind)
            {
                case JsonValueKind.String: values[name] = p.Value.GetString(); break;
                case JsonValueKind.Number: values[name] = p.Value.GetRawText(); break;
                case JsonValueKind.Null: values[name] = null; break;
                default: wrong.Add(name); break;
            }
        }
        string? V(string name) => values.GetValueOrDefault(name);
        return (new StudentInput(nim ?? V("nim"), V("nama"), V("prodi"), V("semester"), V("status"), V("email"), V("telepon")), wrong);
    }
}
