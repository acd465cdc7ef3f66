using CampusKonseling.Sop.Definitions;
using PdfSharp.Drawing;

namespace CampusKonseling.Sop.Dokumen;

/// <summary>
/// The flowchart in the lane columns: each step's symbol (terminator = capsule, activity = rectangle, decision =
/// diamond) in its lane(s), joined across lanes when several act together, and arrows to the next step(s): down into
/// the next row, or out of the symbol's side along the lane's edge for a jump or a loop; a decision's outcomes are
/// labelled; an arrow that crosses a page ends in an off-page connector (a circle with the step number) and
/// starts again from one at the top of the step's page.
/// </summary>
internal sealed class SopPdfPanah
{
    private const double R = 5.5, Slot = 14;
    private readonly PdfKanvas _k;
    private readonly AlurTata _t;
    private readonly Dictionary<string, int> _lane;
    private readonly List<Panah> _panah = [];
    private readonly XPen _pen = new(XColors.Black, 0.8);

    private sealed record Panah(Tempat From, Tempat To, int A, int B, string? Label, bool Bawah, int Sisi)
    {
        public XPoint Keluar { get; set; }
        public XPoint Masuk { get; set; }
    }

    public SopPdfPanah(PdfKanvas k, AlurTata t, SopDefinition sop)
    {
        (_k, _t) = (k, t);
        _lane = sop.Pelaksana.Select((p, i) => (p.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var slots = new Dictionary<(int, int, bool), int>();
        foreach (var from in t.Rows)
        {
            var bawah = false;
            var sisi = 0;
            foreach (var group in from.Baris.Panah.GroupBy(p => p.Ke))
            {
                if (t.Row(group.Key) is not { } to || Lanes(from).Count == 0 || Lanes(to).Count == 0) continue;
                var down = !bawah && to.Index == from.Index + 1;
                if (down) bawah = true; else sisi++;
                var (a, b) = Lanes(from).SelectMany(x => Lanes(to).Select(y => (x, y))).OrderBy(p => Math.Abs(p.x - p.y)).First();
                var labels = group.Select(p => p.Pilihan).OfType<string>().ToList();
                var panah = new Panah(from, to, a, b, labels.Count > 0 ? string.Join(" / ", labels) : null, down, sisi);
                if (from.Page != to.Page)
                {
                    var last = t.OnPage(from.Page).Last();
                    var first = t.OnPage(to.Page).First();
                    panah.Keluar = new(t.LaneCx(a) - Slot * Next(slots, (from.Page, a, false)), last.IsiTop + last.H + AlurTata.Band / 2);
                    panah.Masuk = new(t.LaneCx(b) - Slot * Next(slots, (to.Page, b, true)), first.Top + AlurTata.Band / 2);
                }
                _panah.Add(panah);
            }
        }
    }

    private static int Next(Dictionary<(int, int, bool), int> slots, (int, int, bool) key)
    {
        var n = slots.GetValueOrDefault(key);
        slots[key] = n + 1;
        return n;
    }

    private List<int> Lanes(Tempat row) => row.Baris.Langkah.Pelaksana.Where(_lane.ContainsKey).Select(id => _lane[id]).Order().ToList();

    private double W(Tempat row) => row.Baris.Langkah.Jenis == JenisLangkah.Keputusan ? Math.Min(_t.LaneW - 10, 44) : Math.Min(_t.LaneW - 12, 56);
    private static double H(Tempat row) => row.Baris.Langkah.Jenis switch { JenisLangkah.Keputusan => 26, JenisLangkah.Tugas => 17, _ => 15 };
    private int SideExits(Tempat from) => _panah.Count(p => p.From == from && !p.Bawah);
    private double Channel(int lane, int n = 0) => _t.XLane(lane) + _t.LaneW - 3 - 3 * n;

    public void Draw(int page)
    {
        var g = _k.G;
        foreach (var row in _t.OnPage(page))
        {
            var lanes = Lanes(row);
            for (var i = 1; i < lanes.Count; i++)
                g.DrawLine(_pen, _t.LaneCx(lanes[i - 1]) + W(row) / 2, row.Cy, _t.LaneCx(lanes[i]) - W(row) / 2, row.Cy);
        }
        foreach (var p in _panah) Arrow(p, page);
        foreach (var row in _t.OnPage(page))
            foreach (var lane in Lanes(row)) Symbol(row, _t.LaneCx(lane));
        foreach (var p in _panah.Where(p => p.From.Page == page && p.Label is not null)) Label(p);
    }

    private void Arrow(Panah p, int page)
    {
        var (from, to) = (p.From, p.To);
        double ax = _t.LaneCx(p.A), bx = _t.LaneCx(p.B), fromBottom = from.Cy + H(from) / 2, toTop = to.Cy - H(to) / 2;
        double side = ax + W(from) / 2, chA = Channel(p.A, p.Sisi - 1), entry = to.IsiTop + 6;
        if (from.Page == to.Page && page == from.Page)
        {
            if (p.Bawah)
            {
                // Across lanes: down past the row's rule, along the next row's head, down into the symbol.
                Path(ax == bx ? [new(ax, fromBottom), new(bx, toTop)] : [new(ax, fromBottom), new(ax, entry), new(bx, entry), new(bx, toTop)]);
            }
            else Path([new(side, from.Cy), new(chA, from.Cy), new(chA, entry), new(bx, entry), new(bx, toTop)]);
            return;
        }
        if (from.Page == page)
        {
            var o = p.Keluar;
            Path(p.Bawah
                ? (o.X == ax ? [new(ax, fromBottom), new(ax, o.Y - R)] : [new(ax, fromBottom), new(ax, o.Y), new(o.X + R, o.Y)])
                : [new(side, from.Cy), new(chA, from.Cy), new(chA, o.Y), new(o.X + R, o.Y)]);
            Connector(o, to.Baris.No);
        }
        if (to.Page == page)
        {
            var i = p.Masuk;
            var chB = Channel(p.B);
            Path(i.X == bx && _t.OnPage(page).First() == to
                ? [new(bx, i.Y + R), new(bx, toTop)]
                : [new(i.X + R, i.Y), new(chB, i.Y), new(chB, entry), new(bx, entry), new(bx, toTop)]);
            Connector(i, to.Baris.No);
        }
    }

    private void Path(XPoint[] points)
    {
        var g = _k.G;
        g.DrawLines(_pen, points);
        var (tip, before) = (points[^1], points[^2]);
        var len = Math.Max(0.001, Math.Sqrt(Math.Pow(tip.X - before.X, 2) + Math.Pow(tip.Y - before.Y, 2)));
        double dx = (tip.X - before.X) / len, dy = (tip.Y - before.Y) / len, s = 4.2, w = 2.2;
        g.DrawPolygon(XBrushes.Black, [tip, new(tip.X - dx * s - dy * w, tip.Y - dy * s + dx * w), new(tip.X - dx * s + dy * w, tip.Y - dy * s - dx * w)], XFillMode.Winding);
    }

    private void Connector(XPoint c, string no)
    {
        var r = Math.Max(R, _k.G.MeasureString(no, _k.SmallBold).Width / 2 + 1.5);
        _k.G.DrawEllipse(_pen, XBrushes.White, c.X - r, c.Y - r, 2 * r, 2 * r);
        _k.G.DrawString(no, _k.SmallBold, XBrushes.Black, new XRect(c.X - r, c.Y - r, 2 * r, 2 * r), XStringFormats.Center);
    }

    private void Symbol(Tempat row, double cx)
    {
        var g = _k.G;
        double w = W(row), h = H(row), x = cx - w / 2, y = row.Cy - h / 2;
        switch (row.Baris.Langkah.Jenis)
        {
            case JenisLangkah.Keputusan:
                g.DrawPolygon(_pen, XBrushes.White, [new(cx, y), new(cx + w / 2, row.Cy), new(cx, y + h), new(x, row.Cy)], XFillMode.Winding);
                break;
            case JenisLangkah.Tugas:
                g.DrawRectangle(_pen, XBrushes.White, x, y, w, h);
                break;
            default:
                g.DrawRoundedRectangle(_pen, XBrushes.White, x, y, w, h, h, h);
                break;
        }
    }

    /// <summary>A decision's outcome beside its arrow: under the diamond for the way down, above the side exit for a jump.</summary>
    private void Label(Panah p)
    {
        var from = p.From;
        double ax = _t.LaneCx(p.A), w = W(from);
        var channel = Channel(p.A, Math.Max(0, p.Sisi - 1));
        if (p.Bawah)
        {
            var text = _k.Clip(p.Label!, _k.Tiny, Channel(p.A, SideExits(from) - 1) - ax - 4);
            _k.G.DrawString(text, _k.Tiny, XBrushes.Black, ax + 2, from.Cy + H(from) / 2 + _k.Tiny.Size);
            return;
        }
        // Beyond the lane's edge when the next lane of the row is free, else between the diamond and the edge.
        var free = !Lanes(from).Contains(p.A + 1) && p.A + 1 < _t.Lanes;
        var x = free ? channel + 2 : ax + w / 2 + 1;
        var label = _k.Clip(p.Label!, _k.Tiny, free ? _t.LaneW - 4 : Math.Max(channel - x - 1, 12));
        var size = _k.G.MeasureString(label, _k.Tiny);
        _k.G.DrawRectangle(XBrushes.White, x, from.Cy - 1.5 - size.Height, size.Width, size.Height);
        _k.G.DrawString(label, _k.Tiny, XBrushes.Black, x, from.Cy - 2.5);
    }
}
