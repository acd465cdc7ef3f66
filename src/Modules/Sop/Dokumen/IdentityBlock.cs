using System.Text.RegularExpressions;
using CampusKonseling.Sop.Definitions;

namespace CampusKonseling.Sop.Dokumen;

/// <summary>
/// The identity block: "LABEL : value" lines, label | value rows (with or without a ':' cell between), a label on its own
/// line followed by its list, or labels side by side with their values on the next row (as IPDN's sheets lay them out).
/// </summary>
public sealed partial class IdentityBlock
{
    public string? Nomor { get; private set; }
    public string? Nama { get; private set; }
    public string? Unit { get; private set; }
    public string? Revisi { get; private set; }
    public SopDates Tanggal { get; private set; } = new();
    public List<Pengesahan> Pengesahan { get; } = [];
    public Dictionary<string, List<string>> Daftar { get; } = new();

    private static readonly string[] Lists =
        [SopApFormat.DasarHukum, SopApFormat.KualifikasiPelaksana, SopApFormat.Keterkaitan, SopApFormat.Peralatan, SopApFormat.Peringatan, SopApFormat.Pencatatan];

    private static readonly Dictionary<string, string> Labels = new[]
        {
            SopApFormat.NomorSop, SopApFormat.TanggalPembuatan, SopApFormat.TanggalRevisi, SopApFormat.TanggalEfektif, SopApFormat.DisahkanOleh,
            SopApFormat.NamaSop, SopApFormat.Unit,
        }.Concat(Lists).ToDictionary(Teks.Key, l => l)
        .Concat(SopApFormat.Variants.Where(v => v.Value is SopApFormat.NomorSop or SopApFormat.TanggalPembuatan or SopApFormat.TanggalRevisi
                                                 or SopApFormat.TanggalEfektif or SopApFormat.DisahkanOleh or SopApFormat.NamaSop)
            .Select(v => KeyValuePair.Create(Teks.Key(v.Key), v.Value)))
        .Concat([KeyValuePair.Create("kode", SopApFormat.NomorSop), KeyValuePair.Create("tanggal", SopApFormat.TanggalPembuatan), KeyValuePair.Create("revisi", "Revisi")])
        .DistinctBy(p => p.Key).ToDictionary();

    [GeneratedRegex(@"^(Dirumuskan|Diperiksa|Disetujui|Ditetapkan|Dikendalikan|Disusun|Disahkan) oleh\s*,?:?$", RegexOptions.IgnoreCase)]
    private static partial Regex Approval();

    /// <summary>The label a cell or line starts with, and the value written after its ':' on the same cell.</summary>
    private static (string Label, string? Value)? LabelOf(string cell)
    {
        var text = Teks.Clean(cell);
        if (Labels.TryGetValue(Teks.Key(text), out var label)) return (label, null);
        var colon = text.IndexOf(':');
        if (colon > 0 && Labels.TryGetValue(Teks.Key(text[..colon]), out label)) return (label, text[(colon + 1)..].Trim());
        return null;
    }

    public static IdentityBlock Read(IReadOnlyList<DocLine> lines)
    {
        var block = new IdentityBlock();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.IsRow) i = block.Row(lines, i);
            else if (LabelOf(line[0]) is { } found)
            {
                if (found.Value is { Length: > 0 } v) block.Set(found.Label, v);
                else
                {
                    // A label alone: its value is what follows up to the next label or table.
                    var values = new List<string>();
                    while (i + 1 < lines.Count && !lines[i + 1].IsRow && LabelOf(lines[i + 1][0]) is null
                           && (values.Count == 0 || !ListItem().IsMatch(values[0]) || ListItem().IsMatch(lines[i + 1][0])))
                        values.Add(lines[++i][0]);
                    if (values.Count > 0) block.Set(found.Label, string.Join("\n", values));
                }
            }
        }
        return block;
    }

    private int Row(IReadOnlyList<DocLine> lines, int i)
    {
        var cells = lines[i].Sel;
        if (cells.Count(c => Approval().IsMatch(Teks.Clean(c))) >= 2) return Approvals(lines, i);
        var pending = new List<string>();
        for (var j = 0; j < cells.Count; j++)
        {
            if (LabelOf(cells[j]) is not { } found) continue;
            if (found.Value is { Length: > 0 } inline) { Set(found.Label, inline); continue; }
            var k = j + 1;
            while (k < cells.Count && Teks.Clean(cells[k]) is ":" or "") k++;
            if (k < cells.Count && LabelOf(cells[k]) is null) { Set(found.Label, cells[k]); j = k; }
            else pending.Add(found.Label);
        }
        // Labels side by side, their values on the next row in the same order.
        if ((pending.Count > 1 || pending.Count == 1 && Lists.Contains(pending[0])) && i + 1 < lines.Count && lines[i + 1].IsRow && lines[i + 1].Sel.All(c => LabelOf(c) is null))
        {
            var values = lines[i + 1].Sel.Where(c => c.Trim().Length > 0).ToList();
            for (var j = 0; j < Math.Min(values.Count, pending.Count); j++) Set(pending[j], values[j]);
            return i + 1;
        }
        return i;
    }

    private int Approvals(IReadOnlyList<DocLine> lines, int i)
    {
        var roles = lines[i].Sel;
        var rows = new List<IReadOnlyList<string>>();
        var k = i + 1;
        for (; k < lines.Count && rows.Count < 2 && lines[k].IsRow; k++)
            if (lines[k].Sel.Any(c => c.Trim().Length > 0)) rows.Add(lines[k].Sel);
        for (var j = 0; j < roles.Count; j++)
            if (Approval().Match(Teks.Clean(roles[j])) is { Success: true } m)
                Pengesahan.Add(new Pengesahan($"{m.Groups[1].Value} oleh",
                    rows.Count > 0 && j < rows[0].Count && rows[0][j].Trim().Length > 0 ? Teks.Clean(rows[0][j]) : null,
                    rows.Count > 1 && j < rows[1].Count && rows[1][j].Trim().Length > 0 ? Teks.Clean(rows[1][j]) : null));
        return k - 1;
    }

    [GeneratedRegex(@"^\s*(\d+[.)]|[-–•·])\s")] private static partial Regex ListItem();

    [GeneratedRegex(@"<u>(.*?)</u>")] private static partial Regex Underlined();

    private void Set(string label, string value)
    {
        var clean = Teks.Clean(value);
        if (clean.Length == 0) return;
        switch (label)
        {
            case SopApFormat.NomorSop: Nomor ??= clean; break;
            case SopApFormat.NamaSop: Nama ??= clean; break;
            case SopApFormat.Unit: Unit ??= clean; break;
            case "Revisi": Revisi ??= clean; break;
            case SopApFormat.TanggalPembuatan: Tanggal = Tanggal with { Pembuatan = Tanggal.Pembuatan ?? clean }; break;
            case SopApFormat.TanggalRevisi: Tanggal = Tanggal with { Revisi = Tanggal.Revisi ?? clean }; break;
            case SopApFormat.TanggalEfektif: Tanggal = Tanggal with { Efektif = Tanggal.Efektif ?? clean }; break;
            case SopApFormat.DisahkanOleh:
                if (Pengesahan.Any(p => p.Sebagai == SopApFormat.DisahkanOleh)) break;
                var name = Underlined().Match(value) is { Success: true } u ? Teks.Clean(u.Groups[1].Value) : null;
                var jabatan = name is null ? clean : Teks.Clean(value[..value.IndexOf("<u>", StringComparison.Ordinal)]);
                Pengesahan.Add(new Pengesahan(SopApFormat.DisahkanOleh, name, jabatan));
                break;
            default:
                if (!Daftar.ContainsKey(label)) Daftar[label] = Teks.Items(value);
                break;
        }
    }

    public IReadOnlyList<string> List(string label) => Daftar.TryGetValue(label, out var l) ? l : [];

    /// <summary>What a later SOP of the same document does not say is taken from the first (one identity block over two flowcharts).</summary>
    public IdentityBlock Or(IdentityBlock? document)
    {
        if (document is null || ReferenceEquals(document, this)) return this;
        Nomor ??= document.Nomor;
        Unit ??= document.Unit;
        Revisi ??= document.Revisi;
        Tanggal = new SopDates { Pembuatan = Tanggal.Pembuatan ?? document.Tanggal.Pembuatan, Revisi = Tanggal.Revisi ?? document.Tanggal.Revisi, Efektif = Tanggal.Efektif ?? document.Tanggal.Efektif };
        if (Pengesahan.Count == 0) Pengesahan.AddRange(document.Pengesahan);
        foreach (var (k, v) in document.Daftar) Daftar.TryAdd(k, v);
        return this;
    }
}
