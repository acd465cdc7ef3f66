using System.Text.Json;
using System.Text.Json.Serialization;

namespace CampusKonseling.Sop.Definitions;

/// <summary>How SOP definitions are written in recipes and stored per version: Indonesian keys, as in the documents.</summary>
public static class DefinitionJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        // A misspelt key ("opsionl") must be refused, not read as absent (which would make the step mandatory).
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase), new StringOrListConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize(SopDefinition definition) => JsonSerializer.Serialize(definition, Options);

    public static SopDefinition Deserialize(string json) => JsonSerializer.Deserialize<SopDefinition>(json, Options)!;

    /// <summary>"lanjut": "2" and "lanjut": ["2", "3"] both read as a list.</summary>
    private sealed class StringOrListConverter : JsonConverter<IReadOnlyList<string>>
    {
        public override IReadOnlyList<string> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.String) return [reader.GetString()!];
            if (reader.TokenType == JsonTokenType.Null) return [];
            var list = new List<string>();
            if (reader.TokenType != JsonTokenType.StartArray) throw new JsonException("harus berupa teks atau daftar teks");
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                list.Add(reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw new JsonException("harus berupa teks"));
            return list;
        }

        public override void Write(Utf8JsonWriter writer, IReadOnlyList<string> value, JsonSerializerOptions options)
        {
            writer.WriteStartArray();
            foreach (var s in value) writer.WriteStringValue(s);
            writer.WriteEndArray();
        }
    }
}
