using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CampusKonseling.Notifications.Data;

/// <summary>A keyed text as JSON: {"sumber": "CampusKonseling.Cases.S, CampusKonseling.Cases", "kunci": "…", "nilai": [{"teks": "…"}, {"waktu": "…"}]}.</summary>
public static class KeyedTextJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public static readonly ValueConverter<KeyedText?, string?> Converter = new(
        v => v == null ? null : JsonSerializer.Serialize(v, Options),
        v => v == null ? null : JsonSerializer.Deserialize<KeyedText>(v, Options));
}
