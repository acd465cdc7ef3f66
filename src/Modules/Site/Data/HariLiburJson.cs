using System.Text.Json;

namespace CampusKonseling.Site.Data;

/// <summary>
/// The holidays column: a jsonb list of { tanggal, nama }, because each day carries its name and the list is
/// always read and written whole with the rest of the settings row.
/// </summary>
public static class HariLiburJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Write(IEnumerable<HariLibur> days) =>
        JsonSerializer.Serialize(days.OrderBy(d => d.Tanggal).ToList(), Options);

    public static IReadOnlyList<HariLibur> Read(string json) =>
        JsonSerializer.Deserialize<List<HariLibur>>(json, Options) ?? [];
}
