using System.Text.Json;
using System.Text.Json.Nodes;
using CampusKonseling.Sop.Definitions;
using CampusKonseling.Sop.Dokumen;

namespace CampusKonseling.Host.Cli;

/// <summary>
/// <c>recipes import-sop FILE(.docx|.txt)</c>: the SOPs the document holds as a recipe's <c>sop</c> step on stdout, for
/// review; what the reader could not read and the bindings to make on stderr. Exit 0 when read, 1 when the file is missing.
/// </summary>
public static class ImportSop
{
    public static async Task<int> RunAsync(string file, TextWriter output, TextWriter error)
    {
        if (!File.Exists(file))
        {
            await error.WriteLineAsync($"{file}: berkas tidak ditemukan");
            return 1;
        }
        IReadOnlyList<SopDraft> drafts;
        await using (var stream = File.OpenRead(file)) drafts = SopDocumentReader.Read(stream, file);
        var sops = new JsonArray(drafts.Select(d => JsonNode.Parse(JsonSerializer.Serialize(d.Definisi, DefinitionJson.Options))).ToArray());
        var step = new JsonObject { ["name"] = "sop", ["sops"] = sops };
        await output.WriteLineAsync(step.ToJsonString(new JsonSerializerOptions(DefinitionJson.Options) { WriteIndented = true }));
        var name = Path.GetFileName(file);
        foreach (var draft in drafts)
        {
            foreach (var t in draft.Temuan)
                await error.WriteLineAsync($"{name}: {draft.Definisi.Kode}: {t.Tingkat.ToString().ToLowerInvariant()}: {t}");
            foreach (var i in draft.Ikatan)
                await error.WriteLineAsync($"{name}: {draft.Definisi.Kode}: ikatan: {i.Pesan}{(i.Langkah.Count > 0 ? $" (langkah {string.Join(", ", i.Langkah)})" : "")}");
        }
        return 0;
    }
}
