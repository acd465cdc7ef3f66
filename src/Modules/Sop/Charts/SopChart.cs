using System.Globalization;
using System.Net;
using System.Text;
using CampusKonseling.Sop.Definitions;

namespace CampusKonseling.Sop.Charts;

public enum StepState { Belum, Selesai, Aktif, Terlambat }

/// <summary>
/// Draws an SOP as the campus draws it: a swimlane flowchart ("bagan alir") with a column
/// per pelaksana and a row per step; terminators for start and end, boxes for tasks,
/// diamonds for decisions, arrows between them (loops back run along the right edge).
/// An instance's chart marks done, current and overdue steps.
/// </summary>
public static class SopChart
{
    private const int Top = 70, RowHeight = 78, LaneWidth = 124, Left = 20, ShapeW = 92, ShapeH = 40, Gutter = 130;

    public static string Render(SopDefinition sop, IReadOnlyDictionary<string, StepState>? states = null, string title = "")
    {
        var lanes = sop.Pelaksana.Select((p, i) => (p.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var rows = sop.Langkah.Select((l, i) => (l.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var width = Left * 2 + lanes.Count * LaneWidth + Gutter;
        var height = Top + sop.Langkah.Count * RowHeight + 30;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" height="{height}" font-family="DejaVu Sans, sans-serif" font-size="11" role="img" aria-label="{E(title.Length > 0 ? title : sop.Judul)}">""");
        svg.Append("""<defs><marker id="panah" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#334e68"/></marker></defs>""");
        svg.Append(CultureInfo.InvariantCulture, $"""<title>{E(sop.Kode)} — {E(sop.Judul)}</title><rect width="{width}" height="{height}" fill="#fff"/>""");

        foreach (var (lane, i) in sop.Pelaksana.Select((p, i) => (p, i)))
        {
            var x = Left + i * LaneWidth;
            svg.Append(CultureInfo.InvariantCulture, $"""<g class="lajur" data-lane="{E(lane.Id)}"><rect x="{x}" y="10" width="{LaneWidth}" height="{height - 20}" fill="{(i % 2 == 0 ? "#f5f7fa" : "#ffffff")}" stroke="#bcccdc"/>""");
            var lines = Wrap(lane.Nama, 18, BindingOf(lane) is null ? 3 : 2);
            for (var l = 0; l < lines.Count; l++)
                svg.Append(CultureInfo.InvariantCulture, $"""<text x="{x + LaneWidth / 2}" y="{26 + l * 13}" text-anchor="middle" font-weight="bold">{E(lines[l])}</text>""");
            if (BindingOf(lane) is { } binding)
            {
                // Wrapped to the lane (about 22 small characters): one text, a line per tspan, the space kept between them.
                var parts = Wrap(binding, 22, 2);
                svg.Append(CultureInfo.InvariantCulture, $"""<text class="ikatan" x="{x + LaneWidth / 2}" y="{26 + lines.Count * 13}" text-anchor="middle" font-size="9" font-style="italic" fill="#486581">""");
                for (var b = 0; b < parts.Count; b++)
                    svg.Append(CultureInfo.InvariantCulture, $"""<tspan x="{x + LaneWidth / 2}" dy="{(b == 0 ? 0 : 10)}">{(b == 0 ? "" : " ")}{E(parts[b])}</tspan>""");
                svg.Append("</text>");
            }
            svg.Append("</g>");
        }
        svg.Append(CultureInfo.InvariantCulture, $"""<line x1="{Left}" y1="{Top - 6}" x2="{Left + lanes.Count * LaneWidth}" y2="{Top - 6}" stroke="#829ab1"/>""");

        foreach (var step in sop.Langkah)
        {
            var row = rows[step.Id];
            var from = Anchor(step, lanes, row);
            var targets = step.Jenis == JenisLangkah.Keputusan ? step.Pilihan.Select(p => (p.Lanjut, (string?)p.Nama)) : step.Lanjut.Select(n => (n, (string?)null));
            var k = 0;
            foreach (var (target, label) in targets)
            {
                if (!rows.TryGetValue(target, out var targetRow)) continue;
                var to = Anchor(sop.Find(target)!, lanes, targetRow);
                svg.Append(Arrow(from, to, row, targetRow, label, k++, lanes.Count));
            }
        }

        foreach (var step in sop.Langkah)
        {
            var row = rows[step.Id];
            var state = states?.GetValueOrDefault(step.Id) ?? StepState.Belum;
            var columns = step.Pelaksana.Where(lanes.ContainsKey).Select(p => lanes[p]).Distinct().Order().ToList();
            var cy = Top + row * RowHeight + RowHeight / 2;
            if (columns.Count > 1)
                svg.Append(CultureInfo.InvariantCulture, $"""<line x1="{Cx(columns[0])}" y1="{cy}" x2="{Cx(columns[^1])}" y2="{cy}" stroke="#627d98" stroke-dasharray="4 3"/>""");
            var klien = step.Pelaksana.Any(p => sop.Lane(p)?.Klien == true);
            var actions = step.Aksi.Select(a => a.Singkat(sop)).ToList();
            var marks = string.Concat(step.Otomatis is null ? "" : " otomatis", klien ? " klien" : "");
            var otomatis = step.Otomatis is { } ot ? $" data-otomatis=\"{ot.ToString().ToLowerInvariant()}\"" : "";
            var about = string.Join(" · ", new[] { step.Otomatis is { } o ? $"otomatis: sistem ({o.ToString().ToLowerInvariant()})" : null, klien ? "klien" : null }.OfType<string>().Concat(actions));
            svg.Append(CultureInfo.InvariantCulture, $"""<g class="langkah {Css(step.Jenis)} {state.ToString().ToLowerInvariant()}{marks}" data-step="{E(step.Id)}" data-state="{state.ToString().ToLowerInvariant()}"{otomatis}><title>{E(step.Label)}. {E(step.Uraian)}{(step.Waktu is null ? "" : " — " + E(step.Waktu))}{(about.Length == 0 ? "" : " [" + E(about) + "]")}</title>""");
            foreach (var c in columns) svg.Append(Shape(step, Cx(c), cy, state, Tag(step, sop.Pelaksana[c])));
            // The step's work, under its first shape and right of the arrow that leaves it.
            if (actions.Count > 0)
                svg.Append(CultureInfo.InvariantCulture, $"""<text class="aksi" x="{Cx(columns.DefaultIfEmpty(0).First()) + 5}" y="{cy + ShapeH / 2 + 12}" font-size="9" fill="#243b53">{E(Short(string.Join(" · ", actions), 44))}</text>""");
            svg.Append("</g>");
        }
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static int Cx(int lane) => Left + lane * LaneWidth + LaneWidth / 2;

    /// <summary>Under a lane's name: who performs it when it is not simply a role's holders.</summary>
    private static string? BindingOf(Pelaksana lane) => lane.Klien ? "(klien)" : lane.Penugasan is { } nama ? $"({nama} yang ditugaskan)" : null;

    /// <summary>The small mark inside a step's shape: the system does it, or the client does it in their own page.</summary>
    private static string? Tag(Langkah step, Pelaksana lane) =>
        step.Otomatis is not null || DecidedBySystem(step) ? "otomatis: sistem" : lane.Klien ? "klien" : null;

    /// <summary>A decision every outcome of which has its condition: the system takes it from the answers.</summary>
    private static bool DecidedBySystem(Langkah step) => step.Pilihan.Count > 0 && step.Pilihan.All(p => p.Jika is not null);

    private static (int X, int Y) Anchor(Langkah step, IReadOnlyDictionary<string, int> lanes, int row) =>
        (Cx(step.Pelaksana.Where(lanes.ContainsKey).Select(p => lanes[p]).DefaultIfEmpty(0).Min()), Top + row * RowHeight + RowHeight / 2);

    private static string Shape(Langkah step, int cx, int cy, StepState state, string? tag)
    {
        var (fill, stroke, strokeWidth) = state switch
        {
            StepState.Selesai => ("#c6f7e2", "#0c6b58", 1.5),
            StepState.Aktif => ("#fff3c4", "#b44d12", 3.0),
            StepState.Terlambat => ("#ffe3e3", "#a61b1b", 3.0),
            _ => ("#ffffff", "#334e68", 1.5),
        };
        var attrs = string.Create(CultureInfo.InvariantCulture, $"""fill="{fill}" stroke="{stroke}" stroke-width="{strokeWidth}" """);
        var shape = step.Jenis switch
        {
            JenisLangkah.Keputusan => string.Create(CultureInfo.InvariantCulture,
                $"""<polygon points="{cx},{cy - ShapeH / 2 - 4} {cx + ShapeW / 2},{cy} {cx},{cy + ShapeH / 2 + 4} {cx - ShapeW / 2},{cy}" {attrs}/>"""),
            JenisLangkah.Mulai or JenisLangkah.Selesai => string.Create(CultureInfo.InvariantCulture,
                $"""<rect x="{cx - ShapeW / 2}" y="{cy - ShapeH / 2}" width="{ShapeW}" height="{ShapeH}" rx="{ShapeH / 2}" {attrs}/>"""),
            _ => string.Create(CultureInfo.InvariantCulture, $"""<rect x="{cx - ShapeW / 2}" y="{cy - ShapeH / 2}" width="{ShapeW}" height="{ShapeH}" {attrs}/>"""),
        };
        var label = step.Jenis switch { JenisLangkah.Mulai => "Mulai · ", JenisLangkah.Selesai => "Selesai · ", _ => "" } + step.Label;
        if (tag is null) return shape + string.Create(CultureInfo.InvariantCulture, $"""<text x="{cx}" y="{cy + 4}" text-anchor="middle">{E(label)}</text>""");
        return shape + string.Create(CultureInfo.InvariantCulture,
            $"""<text x="{cx}" y="{cy - 1}" text-anchor="middle">{E(label)}</text><text class="tanda" x="{cx}" y="{cy + 12}" text-anchor="middle" font-size="8" fill="#486581">{E(tag)}</text>""");
    }

    private static string Arrow((int X, int Y) from, (int X, int Y) to, int fromRow, int toRow, string? label, int index, int laneCount)
    {
        string path;
        int lx, ly;
        if (toRow > fromRow)
        {
            // Down: leave the shape's bottom, turn in the gap above the target row, enter from the top.
            var startY = from.Y + ShapeH / 2 + (label is null ? 0 : 4);
            var turnY = to.Y - RowHeight / 2 + 6 + index * 4;
            path = from.X == to.X
                ? $"M{from.X},{startY} L{to.X},{to.Y - ShapeH / 2 - 2}"
                : $"M{from.X},{startY} L{from.X},{turnY} L{to.X},{turnY} L{to.X},{to.Y - ShapeH / 2 - 2}";
            // Outcomes leading to the same step would print on top of each other: one line each.
            (lx, ly) = (from.X + 6, startY + 12 + index * 11);
        }
        else
        {
            // Back (a loop): out to the right gutter, up, and into the target's right side.
            var gx = Left + laneCount * LaneWidth + 14 + fromRow % 6 * 9 + index * 4;
            path = $"M{from.X + ShapeW / 2},{from.Y} L{gx},{from.Y} L{gx},{to.Y} L{to.X + ShapeW / 2 + 2},{to.Y}";
            (lx, ly) = (from.X + ShapeW / 2 + 4, from.Y - 5);
        }
        var arrow = string.Create(CultureInfo.InvariantCulture, $"""<path class="panah" d="{path}" fill="none" stroke="#334e68" stroke-width="1.3" marker-end="url(#panah)"/>""");
        return label is null ? arrow : arrow + string.Create(CultureInfo.InvariantCulture, $"""<text class="pilihan" x="{lx}" y="{ly}" font-size="10" fill="#7c2d12">{E(Short(label, 22))}</text>""");
    }

    private static string Css(JenisLangkah jenis) => jenis.ToString().ToLowerInvariant();

    private static string Short(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    private static List<string> Wrap(string text, int width, int maxLines)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width) { lines.Add(line); line = word; }
            else line = line.Length == 0 ? word : line + " " + word;
        }
        if (line.Length > 0) lines.Add(line);
        return lines.Count <= maxLines ? lines : [.. lines.Take(maxLines - 1), Short(string.Join(" ", lines.Skip(maxLines - 1)), width)];
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
