namespace CampusKonseling.Reports.Tables;

/// <summary>
/// Small-count suppression for reports that leave the unit ("untuk luar unit"): every count of 1–4 shows as
/// "&lt;5", every figure derived from such a count (a share, a median) as "*", and where a column adds up to a
/// shown total with exactly one hidden cell, the next smallest cell is hidden too ("*"), so no hidden value can be
/// recomputed by subtraction. Charts draw no bar for a hidden value; drill-down links are removed.
/// </summary>
public static class Penyamaran
{
    public const string Kecil = "<5", Tersamar = "*";

    public static bool Terlalu(int n) => n is >= 1 and <= 4;

    public static Tabel Terapkan(Tabel t)
    {
        var rows = t.Baris.Select(b => new Baris(b.Sel.Select(Primary).ToList())).ToList();
        var total = t.Total is { } tot ? new Baris(tot.Sel.Select(Primary).ToList()) : null;
        for (var k = 0; k < t.Kolom.Count; k++)
        {
            if (!t.Kolom[k].Jumlah || total is null) continue;
            var hidden = rows.Count(r => r.Sel[k].Disamarkan);
            if (hidden != 1 || total.Sel[k].Disamarkan) continue;
            var col = k;
            var next = rows.Where(r => !r.Sel[col].Disamarkan && r.Sel[col].Hitungan > 0).OrderBy(r => r.Sel[col].Hitungan).FirstOrDefault();
            if (next is null) continue;
            var i = rows.IndexOf(next);
            var cells = next.Sel.ToList();
            cells[k] = Hide(cells[k], Tersamar);
            rows[i] = new Baris(cells);
        }
        return t with { Baris = rows, Total = total, Keterangan = t.Keterangan };
    }

    private static Sel Primary(Sel s)
    {
        if (s.Hitungan is { } n && Terlalu(n)) return Hide(s, Kecil);
        if (s.Dasar is { } dasar && dasar.Any(Terlalu)) return Hide(s, Tersamar);
        return s with { Tautan = null };
    }

    private static Sel Hide(Sel s, string teks) => new(teks, Disamarkan: true);
}
