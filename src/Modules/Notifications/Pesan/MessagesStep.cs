using System.Text.Json;
using System.Text.Json.Serialization;
using CampusKonseling.Notifications.Data;
using CampusKonseling.Recipes;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Notifications.Pesan;

/// <summary>
/// <c>{ "name": "messages", "templates": [ { "kode": "tanggapan-e-konseling", "nama": "…", "judul": "…", "isi": ["…"], "teks": "…" } ] }</c>:
/// the messages SOP steps send to clients (<c>aksi</c> <c>{"jenis": "pesan", "templat": "tanggapan-e-konseling"}</c>).
/// Saved by code; running the recipe again changes nothing.
/// </summary>
public sealed class MessagesStep : IRecipeStep
{
    public string Name => "messages";

    public void Validate(RecipeStepContext step)
    {
        step.AllowOnly("templates");
        var templates = step.Array("templates");
        var codes = new HashSet<string>();
        for (var i = 0; i < templates.Count; i++)
        {
            var at = $"templates[{i}]";
            if (step.ReadStrict<TemplateJson>(templates[i], at, RecipeJson.Options, "templat pesan") is not { } t) continue;
            if (string.IsNullOrWhiteSpace(t.Kode)) step.Error($"{at}.kode", "wajib diisi: kode templat, disebut oleh aksi pesan langkah SOP");
            else if (t.Kode.Length > 60 || !t.Kode.All(c => char.IsLetterOrDigit(c) || c is '-' or '_')) step.Error($"{at}.kode", "paling panjang 60 karakter: huruf, angka, '-' atau '_'");
            else if (!codes.Add(t.Kode)) step.Error($"{at}.kode", $"templat '{t.Kode}' disebut dua kali");
            Text(step, $"{at}.nama", t.Nama, 200, required: true);
            Text(step, $"{at}.judul", t.Judul, 300, required: true);
            Text(step, $"{at}.isi", t.Isi, 20_000, required: true);
            Text(step, $"{at}.teks", t.Teks, 1000, required: false);
        }
    }

    private static void Text(RecipeStepContext step, string path, string? value, int max, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) step.Error(path, "wajib diisi");
            return;
        }
        if (value.Length > max) step.Error(path, $"paling panjang {max} karakter");
        foreach (var name in TemplateText.Names(value).Distinct().Where(n => !PesanIsian.Semua.ContainsKey(n)))
            step.Error(path, $"isian '{{{name}}}' tidak dikenal; yang dikenal: {string.Join(", ", PesanIsian.Semua.Keys.Select(k => "{" + k + "}"))}");
    }

    public async Task ExecuteAsync(RecipeStepContext step, CancellationToken ct)
    {
        var db = step.Services.GetRequiredService<NotificationsDb>();
        await step.EnlistAsync(db);
        foreach (var element in step.Step.GetProperty("templates").EnumerateArray())
        {
            var t = element.Deserialize<TemplateJson>(RecipeJson.Options)!;
            var row = await db.PesanTemplat.FirstOrDefaultAsync(x => x.Kode == t.Kode, ct);
            if (row is null) db.PesanTemplat.Add(row = new PesanTemplat { Kode = t.Kode!, Nama = "", Judul = "", Isi = "", DiubahOleh = "" });
            (row.Nama, row.Judul, row.Isi, row.Teks) = (t.Nama!, t.Judul!, t.Isi!, string.IsNullOrWhiteSpace(t.Teks) ? null : t.Teks);
            if (db.Entry(row).State != EntityState.Unchanged) (row.DiubahPada, row.DiubahOleh) = (DateTimeOffset.UtcNow, $"resep {step.File}");
        }
        await db.SaveChangesAsync(ct);
    }

    private sealed record TemplateJson(string? Kode, string? Nama, string? Judul, [property: JsonConverter(typeof(Lines))] string? Isi, string? Teks);

    /// <summary>The e-mail's text may be written as an array of lines ("" for a blank line between paragraphs).</summary>
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
