using System.Text.Json;
using System.Text.Json.Serialization;
using CampusKonseling.Letters.Data;
using CampusKonseling.Letters.Templates;
using CampusKonseling.Recipes;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Letters.Recipes;

/// <summary>
/// <c>{ "name": "letters", "kopSurat": { "alamat": "…", "telepon": "…", "kota": "…" },
/// "templates": [ { "kode": "…", "judul": "…", "nomor": "{seq:000}/…/{romanMonth}/{year}", "isi": ["…"], "tandaTangan": { "jabatan": "…", "peran": "…" }, "wajib": ["nama"] } ] }</c>.
/// <c>tandaTangan.peran</c> names the role whose holder signs: <c>{penandatangan}</c>, <c>{nomor_induk_penandatangan}</c> and
/// <c>{jabatan_penandatangan}</c> come from that person's profile (without it, from the user who makes the letter).
/// <c>wajib</c> names the placeholders a letter may not leave empty.
/// Templates are saved by code; running the recipe again changes nothing, and counters are never reset.
/// </summary>
public sealed class LettersStep : IRecipeStep
{
    public string Name => "letters";

    private static readonly Dictionary<string, string> Paths = new()
    {
        ["pola"] = "nomor", ["jabatan"] = "tandaTangan.jabatan", ["nama"] = "tandaTangan.nama", ["nip"] = "tandaTangan.nip", ["tempat"] = "tandaTangan.tempat", ["peran"] = "tandaTangan.peran", ["wajib"] = "wajib",
    };

    public void Validate(RecipeStepContext step)
    {
        step.AllowOnly("kopSurat", "templates");
        if (step.Step.TryGetProperty("kopSurat", out var kopSurat) && step.ReadStrict<KopJson>(kopSurat, "kopSurat", RecipeJson.Options, "kop surat") is { } kop)
        {
            foreach (var (field, max) in kop.TooLong()) step.Error($"kopSurat.{field}", $"paling panjang {max} karakter");
        }
        var templates = step.Array("templates");
        var codes = new HashSet<string>();
        for (var i = 0; i < templates.Count; i++)
        {
            if (step.ReadStrict<TemplateJson>(templates[i], $"templates[{i}]", RecipeJson.Options, "templat") is not { } t) continue;
            if (t.Kode is { Length: > 0 } && !codes.Add(t.Kode)) step.Error($"templates[{i}].kode", $"templat '{t.Kode}' disebut dua kali");
            foreach (var e in TemplateRules.Validate(t.ToInput()))
                step.Error($"templates[{i}].{Paths.GetValueOrDefault(e.Bidang, e.Bidang)}", e.Teks);
        }
    }

    public async Task ExecuteAsync(RecipeStepContext step, CancellationToken ct)
    {
        var db = step.Services.GetRequiredService<LettersDb>();
        await step.EnlistAsync(db);
        if (step.Step.TryGetProperty("kopSurat", out _))
        {
            var kop = step.Read<KopJson>("kopSurat");
            var row = await db.Kop.FirstOrDefaultAsync(k => k.Id == 1, ct);
            if (row is null) db.Kop.Add(row = new Kop());
            (row.Instansi, row.Alamat, row.Telepon, row.Email, row.Situs, row.Kota) = (kop.Instansi, kop.Alamat, kop.Telepon, kop.Email, kop.Situs, kop.Kota);
            if (db.ChangeTracker.HasChanges()) (row.DiubahPada, row.DiubahOleh) = (DateTimeOffset.UtcNow, $"resep {step.File}");
            await db.SaveChangesAsync(ct);
        }
        var store = step.Services.GetRequiredService<TemplateStore>();
        foreach (var element in step.Step.GetProperty("templates").EnumerateArray())
            await store.SaveAsync(element.Deserialize<TemplateJson>(RecipeJson.Options)!.ToInput(), $"resep {step.File}", ct);
    }

    private sealed record KopJson(string? Instansi, string? Alamat, string? Telepon, string? Email, string? Situs, string? Kota)
    {
        public IEnumerable<(string Field, int Max)> TooLong() =>
            new[] { ("instansi", Instansi, 300), ("alamat", Alamat, 500), ("telepon", Telepon, 100), ("email", Email, 320), ("situs", Situs, 300), ("kota", Kota, 100) }
                .Where(f => f.Item2?.Length > f.Item3).Select(f => (f.Item1, f.Item3));
    }

    private sealed record SignatureJson(string? Jabatan, string? Nama, string? Nip, string? Tempat, string? Peran);

    private sealed record TemplateJson(string? Kode, string? Judul, string? Nomor, string? Perihal, [property: JsonConverter(typeof(Lines))] string? Kepada,
        [property: JsonConverter(typeof(Lines))] string? Isi, SignatureJson? TandaTangan, string[]? Wajib)
    {
        public TemplateInput ToInput() => new(Kode ?? "", Judul ?? "", Nomor ?? "", Perihal, Kepada, Isi ?? "",
            TandaTangan?.Jabatan ?? "", TandaTangan?.Nama, TandaTangan?.Nip, TandaTangan?.Tempat) { Wajib = Wajib ?? [], Peran = TandaTangan?.Peran };
    }

    /// <summary>Long text may be written as an array of lines ("" for a blank line between paragraphs).</summary>
    private sealed class Lines : JsonConverter<string?>
    {
        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType switch
            {
                JsonTokenType.String => reader.GetString(),
                JsonTokenType.Null => null,
                JsonTokenType.StartArray => string.Join("\n", JsonSerializer.Deserialize<string[]>(ref reader, options) ?? []),
                _ => throw new JsonException("harus teks atau daftar baris teks"),
            };

        public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }
}
