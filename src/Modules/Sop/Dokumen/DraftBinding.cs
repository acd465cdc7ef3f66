using CampusKonseling.Sop.Definitions;

namespace CampusKonseling.Sop.Dokumen;

/// <summary>
/// What the admin binds on a draft read from a document: a lane to a campus role, to the client, or to whoever a step
/// assigns (<see cref="Penugasan"/>), and an output to a letter template (the step then makes that letter) or to an
/// upload (the step then needs that document).
/// </summary>
public sealed record LaneBinding(string Id, string? Peran, bool Klien, string? Penugasan);

/// <param name="Ikat">"surat:{templat}", "unggah", or empty (the output stays a description).</param>
public sealed record OutputBinding(string Output, string? Ikat);

/// <summary>A step's lane chosen by the admin where the document marked none (or marked it unclearly).</summary>
public sealed record StepBinding(string Id, string? Lajur);

public static class DraftBinding
{
    public const string Unggah = "unggah", SuratPrefix = "surat:";

    public static SopDefinition Apply(SopDefinition draft, IEnumerable<LaneBinding> lanes, IEnumerable<OutputBinding> outputs, IEnumerable<StepBinding>? steps = null)
    {
        var laneIds = draft.Pelaksana.Select(p => p.Id).ToHashSet();
        var byStep = (steps ?? []).Where(s => !string.IsNullOrWhiteSpace(s.Id) && s.Lajur is { } l && laneIds.Contains(l))
            .GroupBy(s => s.Id).ToDictionary(g => g.Key, g => g.First().Lajur!);
        var byLane = lanes.Where(l => !string.IsNullOrWhiteSpace(l.Id)).GroupBy(l => l.Id).ToDictionary(g => g.Key, g => g.First());
        var pelaksana = draft.Pelaksana.Select(p => byLane.TryGetValue(p.Id, out var b)
            ? p with
            {
                Peran = b.Klien ? null : Blank(b.Peran) ?? p.Peran,
                Klien = b.Klien,
                Penugasan = Blank(b.Penugasan) ?? p.Penugasan,
            }
            : p).ToList();
        var byOutput = outputs.Where(o => !string.IsNullOrWhiteSpace(o.Output) && !string.IsNullOrWhiteSpace(o.Ikat))
            .GroupBy(o => o.Output.Trim(), StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().Ikat!, StringComparer.OrdinalIgnoreCase);
        var langkah = draft.Langkah.Select(l => byStep.TryGetValue(l.Id, out var lajur) ? l with { Pelaksana = [lajur] } : l).Select(l =>
        {
            if (l.Output is not { } output || !byOutput.TryGetValue(output.Trim(), out var ikat)) return l;
            var aksi = ikat.StartsWith(SuratPrefix, StringComparison.Ordinal)
                ? new Aksi { Jenis = "surat", Templat = ikat[SuratPrefix.Length..] }
                : ikat == Unggah ? new Aksi { Jenis = "unggah", Dokumen = output.Trim() } : null;
            if (aksi is null || l.Aksi.Any(a => a.Jenis == aksi.Jenis && a.Templat == aksi.Templat && a.Dokumen == aksi.Dokumen)) return l;
            return l with { Aksi = [.. l.Aksi, aksi] };
        }).ToList();
        return draft with { Pelaksana = pelaksana, Langkah = langkah };
    }

    /// <summary>The outputs of a draft that a binding can make: each distinct output text, in step order.</summary>
    public static IReadOnlyList<string> Outputs(SopDefinition draft) =>
        draft.Langkah.Select(l => l.Output?.Trim()).OfType<string>().Where(o => o.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>The steps whose lane the admin must choose: none marked, or a finding on the pelaksana column.</summary>
    public static IReadOnlyList<Langkah> StepsToBind(SopDefinition draft, IEnumerable<Temuan> temuan) =>
        draft.Langkah.Where(l => l.Pelaksana.Count == 0 || temuan.Any(t => t.Kolom == "pelaksana" && (t.Baris == l.Id || t.Baris == l.No))).ToList();

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
