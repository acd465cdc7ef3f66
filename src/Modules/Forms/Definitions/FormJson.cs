using System.Text.Json;
using System.Text.Json.Serialization;

namespace CampusKonseling.Forms.Definitions;

public static class FormJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize(FormDefinition form) => JsonSerializer.Serialize(form, Options);
    public static FormDefinition Deserialize(string json) => JsonSerializer.Deserialize<FormDefinition>(json, Options)!;
}
