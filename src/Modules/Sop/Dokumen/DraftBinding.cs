using CampusKonseling.Sop.Definitions;

namespace CampusKonseling.Sop.Dokumen;

/// <summary>
/// What the admin binds on a draft read from a document: a lane to a campus role, to the client, or to whoever a step
/// assigns (<see cref="Penugasan"/>), and an output to a letter template (the step then makes that letter) or to an
/// upload (the step then needs that document).
/// </summary>
public sealed record LaneBinding(string Id, string? Peran, bool Klien, string? Penugasan);

/// <summary>A step's output bound to what makes it.</summary>
/// <param name="Langkah">The step id.</param>
/// <param name="Ikat">"surat:{templat}", "unggah", or empty (the output stays a description).</param>
public sealed record OutputBinding(string Langkah, string? Ikat);

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
        // The form is the truth for a lane it posts: a select left empty unbinds it.
        var pelaksana = draft.Pelaksana.Select(p => byLane.TryGetValue(p.Id, out var b)
            ? p with { Peran = b.Klien ? null : Blank(b.Peran), Klien = b.Klien, Penugasan = Blank(b.Penugasan) }
            : p).ToList();
        var byOutput = outputs.Where(o => !string.IsNullOrWhiteSpace(o.Langkah) && !string.IsNullOrWhiteSpace(o.Ikat))
            .GroupBy(o => o.Langkah).ToDictionary(g => g.Key, g => g.First().Ikat!);
        var langkah = draft.Langkah.Select(l => byStep.TryGetValue(l.Id, out var lajur) ? l with { Pelaksana = [lajur] } : l).Select(l =>
        {
            if (l.Output is not { } output || !byOutput.TryGetValue(l.Id, out var ikat)) return l;
            var aksi = AksiOf(ikat, output);
            if (aksi is null || l.Aksi.Any(a => a.Jenis == aksi.Jenis && a.Templat == aksi.Templat && a.Dokumen == aksi.Dokumen)) return l;
            return l with { Aksi = [.. l.Aksi, aksi] };
        }).ToList();
        return draft with { Pelaksana = pelaksana, Langkah = langkah };
    }

    /// <summary>
    /// The posted choice is what makes each posted step's output: its letter or upload actions become exactly the one chosen
    /// (none for "catatan saja"), also over those a revision kept from the version in force.
    /// </summary>
    public static SopDefinition PilihLuaran(SopDefinition sop, IEnumerable<OutputBinding> outputs)
    {
        var posted = outputs.Where(o => !string.IsNullOrWhiteSpace(o.Langkah)).GroupBy(o => o.Langkah).ToDictionary(g => g.Key, g => g.First().Ikat);
        return sop with
        {
            Langkah = sop.Langkah.Select(l =>
            {
                if (!posted.TryGetValue(l.Id, out var ikat)) return l;
                var rest = l.Aksi.Where(a => a.Jenis is not ("surat" or "unggah")).ToList();
                // An upload kept from the version in force keeps its document name.
                var chosen = ikat == Unggah ? l.Aksi.FirstOrDefault(a => a.Jenis == "unggah") ?? AksiOf(ikat, l.Output) : AksiOf(ikat, l.Output);
                return l with { Aksi = chosen is null ? rest : [.. rest, chosen] };
            }).ToList(),
        };
    }

    /// <summary>The action a binding's value stands for ("surat:{templat}", "unggah"); null for "catatan saja" or anything else.</summary>
    private static Aksi? AksiOf(string? ikat, string? output) =>
        ikat is null ? null
        : ikat.StartsWith(SuratPrefix, StringComparison.Ordinal) ? new Aksi { Jenis = "surat", Templat = ikat[SuratPrefix.Length..] }
        : ikat == Unggah ? new Aksi { Jenis = "unggah", Dokumen = output?.Trim() }
        : null;

    /// <summary>The steps with an output a binding can make, in step order.</summary>
    public static IReadOnlyList<Langkah> Outputs(SopDefinition draft) =>
        draft.Langkah.Where(l => !string.IsNullOrWhiteSpace(l.Output)).ToList();

    /// <summary>What a step's output is already made by (a letter template or an upload), for the form's selection.</summary>
    public static string? BoundOutput(Langkah l) =>
        l.Aksi.FirstOrDefault(a => a.Jenis == "surat" && a.Templat is not null) is { } surat ? SuratPrefix + surat.Templat
        : l.Aksi.Any(a => a.Jenis == "unggah") ? Unggah : null;

    /// <summary>The steps whose lane the admin must choose: none marked, or a finding on the pelaksana column.</summary>
    public static IReadOnlyList<Langkah> StepsToBind(SopDefinition draft, IEnumerable<Temuan> temuan) =>
        draft.Langkah.Where(l => l.Pelaksana.Count == 0 || temuan.Any(t => t.Kolom == "pelaksana" && (t.Baris == l.Id || t.Baris == l.No))).ToList();

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
