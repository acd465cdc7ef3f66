using System.Globalization;
using System.Net;
using System.Text;
using CampusKonseling.Reports.Tables;

namespace CampusKonseling.Reports.Charts;

/// <summary>
/// Bar charts drawn on the server as inline SVG from a report table (no script, no CDN): a title and description
/// for screen readers, each bar with its value as text. A hidden (suppressed) value gets no bar, only its "&lt;5".
/// </summary>
public static class SvgChart
{
    private static readonly string[] Colors = ["#2563eb", "#f59e0b"];
    private static string N(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
    private static string E(string s) => WebUtility.HtmlEncode(s);

    /// <summary>Vertical bars per row (a period), one bar per series column, side by side.</summary>
    public static string Columns(Tabel t, string judul, string deskripsi, params int[] series)
    {
        const double height = 200, top = 20, bottom = 48, left = 36;
        var n = Math.Max(1, t.Baris.Count);
        var group = Math.Max(14, Math.Min(60, 720.0 / n));
        var width = left + n * group + 10;
        var max = Math.Max(1, t.Baris.SelectMany(b => series.Select(s => b.Sel[s])).Where(c => !c.Disamarkan).Max(c => c.Nilai ?? 0));
        var id = "g-" + t.Kode;
        var sb = new StringBuilder();
        sb.Append($"<svg class=\"chart\" role=\"img\" aria-labelledby=\"{id}-t {id}-d\" viewBox=\"0 0 {N(width)} {N(height + top + bottom)}\" width=\"100%\" preserveAspectRatio=\"xMinYMin meet\">");
        sb.Append($"<title id=\"{id}-t\">{E(judul)}</title><desc id=\"{id}-d\">{E(deskripsi)}</desc>");
        sb.Append($"<line x1=\"{N(left)}\" y1=\"{N(top + height)}\" x2=\"{N(width)}\" y2=\"{N(top + height)}\" stroke=\"#999\"/>");
        sb.Append($"<text x=\"{N(left - 4)}\" y=\"{N(top + 4)}\" font-size=\"10\" text-anchor=\"end\">{N(max)}</text>");
        var bar = (group - 4) / series.Length;
        for (var i = 0; i < t.Baris.Count; i++)
        {
            var row = t.Baris[i];
            var x0 = left + i * group + 2;
            for (var s = 0; s < series.Length; s++)
            {
                var cell = row.Sel[series[s]];
                var x = x0 + s * bar;
                var label = $"{row.Sel[0].Teks} · {t.Kolom[series[s]].Judul}: {cell.Teks}";
                if (!cell.Disamarkan && cell.Nilai is { } v)
                {
                    var h = height * v / max;
                    sb.Append($"<rect x=\"{N(x)}\" y=\"{N(top + height - h)}\" width=\"{N(Math.Max(1, bar - 1))}\" height=\"{N(h)}\" fill=\"{Colors[s % Colors.Length]}\"><title>{E(label)}</title></rect>");
                }
                if (n <= 31 && (cell.Disamarkan || cell.Nilai is > 0)) sb.Append($"<text x=\"{N(x + bar / 2)}\" y=\"{N(top + height - 3 - (cell.Disamarkan ? 0 : height * (cell.Nilai ?? 0) / max))}\" font-size=\"8\" text-anchor=\"middle\">{E(cell.Teks)}</text>");
            }
            if (n <= 16 || i % (int)Math.Ceiling(n / 16.0) == 0)
                sb.Append($"<text x=\"{N(x0)}\" y=\"{N(top + height + 12)}\" font-size=\"9\" transform=\"rotate(30 {N(x0)} {N(top + height + 12)})\">{E(row.Sel[0].Teks)}</text>");
        }
        for (var s = 0; s < series.Length; s++)
            sb.Append($"<rect x=\"{N(left + s * 110)}\" y=\"2\" width=\"10\" height=\"10\" fill=\"{Colors[s % Colors.Length]}\"/><text x=\"{N(left + s * 110 + 14)}\" y=\"11\" font-size=\"10\">{E(t.Kolom[series[s]].Judul)}</text>");
        return sb.Append("</svg>").ToString();
    }

    /// <summary>Horizontal bars, one per row (a SOP, a bidang), for one column; at most <paramref name="limit"/> rows.</summary>
    public static string Bars(Tabel t, string judul, string deskripsi, int column, int limit = 12)
    {
        const double labelWidth = 220, barWidth = 380, rowHeight = 22;
        var rows = t.Baris.Take(limit).ToList();
        var max = Math.Max(1, rows.Select(b => b.Sel[column]).Where(c => !c.Disamarkan).Select(c => c.Nilai ?? 0).DefaultIfEmpty(0).Max());
        var id = "b-" + t.Kode;
        var height = Math.Max(1, rows.Count) * rowHeight + 6;
        var sb = new StringBuilder();
        sb.Append($"<svg class=\"chart\" role=\"img\" aria-labelledby=\"{id}-t {id}-d\" viewBox=\"0 0 {N(labelWidth + barWidth + 50)} {N(height)}\" width=\"100%\" preserveAspectRatio=\"xMinYMin meet\">");
        sb.Append($"<title id=\"{id}-t\">{E(judul)}</title><desc id=\"{id}-d\">{E(deskripsi)}</desc>");
        for (var i = 0; i < rows.Count; i++)
        {
            var cell = rows[i].Sel[column];
            var y = 3 + i * rowHeight;
            var name = rows[i].Sel[0].Teks;
            sb.Append($"<text x=\"{N(labelWidth - 6)}\" y=\"{N(y + 14)}\" font-size=\"11\" text-anchor=\"end\">{E(name.Length > 38 ? name[..36] + "…" : name)}</text>");
            var w = cell.Disamarkan ? 0 : barWidth * (cell.Nilai ?? 0) / max;
            if (w > 0) sb.Append($"<rect x=\"{N(labelWidth)}\" y=\"{N(y + 2)}\" width=\"{N(w)}\" height=\"{N(rowHeight - 6)}\" fill=\"{Colors[0]}\"><title>{E($"{name}: {cell.Teks}")}</title></rect>");
            sb.Append($"<text x=\"{N(labelWidth + w + 4)}\" y=\"{N(y + 14)}\" font-size=\"11\">{E(cell.Teks)}</text>");
        }
        return sb.Append("</svg>").ToString();
    }
}
