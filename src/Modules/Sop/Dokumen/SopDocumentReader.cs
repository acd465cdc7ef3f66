using System.Text;
using System.Text.RegularExpressions;
using CampusKonseling.Sop.Definitions;

namespace CampusKonseling.Sop.Dokumen;

/// <summary>
/// Reads SOP documents into drafts: a DOCX (tables and paragraphs) or text pasted from a PDF. Finds each flowchart table
/// and the identity block before it (a document may hold several SOPs: one draft each), or else a numbered work
/// instruction. Never throws on a bad document: what it cannot read is in each draft's findings.
/// </summary>
public static partial class SopDocumentReader
{
    /// <summary>A file by its name: .docx (or bytes that start as a ZIP) as DOCX, anything else as text.</summary>
    public static IReadOnlyList<SopDraft> Read(Stream content, string fileName)
    {
        using var buffer = new MemoryStream();
        content.CopyTo(buffer);
        var bytes = buffer.ToArray();
        var zip = bytes.Length > 1 && bytes[0] == 'P' && bytes[1] == 'K';
        if (zip || fileName.EndsWith(".docx", StringComparison.OrdinalIgnoreCase)) return ReadDocx(new MemoryStream(bytes));
        return ReadText(Encoding.UTF8.GetString(bytes));
    }

    public static IReadOnlyList<SopDraft> ReadDocx(Stream docx)
    {
        var lines = DocxTable.Read(docx);
        return lines is null
            ? [Empty(new Temuan(null, "berkas", "berkas bukan dokumen DOCX yang dapat dibaca (rusak atau format lain); unggah DOCX atau tempel teksnya", TingkatTemuan.Galat))]
            : Read(lines);
    }

    public static IReadOnlyList<SopDraft> ReadText(string text) => Read(TextTable.Read(text));

    public static IReadOnlyList<SopDraft> Read(IReadOnlyList<DocLine> lines)
    {
        var tables = new List<(int Start, FlowTable.Hasil Hasil)>();
        for (var i = 0; i < lines.Count; i++)
            if (FlowHeader.IsHeader(lines[i]))
            {
                var hasil = FlowTable.Read(lines, i);
                tables.Add((i, hasil));
                i = hasil.End - 1;
            }
        if (tables.Count == 0) return FromWorkInstruction(lines);

        var drafts = new List<SopDraft>();
        IdentityBlock? first = null;
        var previousEnd = 0;
        for (var k = 0; k < tables.Count; k++)
        {
            var (start, hasil) = tables[k];
            var segment = lines.Skip(previousEnd).Take(start - previousEnd).ToList();
            var identity = IdentityBlock.Read(segment);
            first ??= identity;
            identity.Or(first);
            var after = lines.Skip(hasil.End).Take((k + 1 < tables.Count ? tables[k + 1].Start : lines.Count) - hasil.End).ToList();
            drafts.Add(FromTable(identity, segment, after, hasil, drafts));
            previousEnd = hasil.End;
        }
        return drafts;
    }

    [GeneratedRegex(@"^([A-Z])\.\s+Bagan Alir\s+(.+)$", RegexOptions.IgnoreCase)] private static partial Regex BaganAlir();
    [GeneratedRegex(@"^\d+\.\s+SOP\s+(.+)$", RegexOptions.IgnoreCase)] private static partial Regex NumberedSop();
    [GeneratedRegex(@"^([A-Z])\s*=\s*(.+)$")] private static partial Regex Legend();
    [GeneratedRegex(@"tahapan|mekanisme|langkah|prosedur|instruksi", RegexOptions.IgnoreCase)] private static partial Regex StepsHeading();

    private static SopDraft FromTable(IdentityBlock identity, List<DocLine> segment, List<DocLine> after, FlowTable.Hasil hasil, List<SopDraft> earlier)
    {
        var temuan = new List<Temuan>(hasil.Temuan);
        var header = hasil.Header;

        // Judul: Nama SOP, else the heading over the table ("B. Bagan Alir …", "2. SOP …").
        string? letter = null;
        var judul = identity.Nama;
        foreach (var line in Enumerable.Reverse(segment).Where(l => !l.IsRow))
        {
            if (BaganAlir().Match(line[0]) is { Success: true } b) { judul ??= Teks.Clean(b.Groups[2].Value); letter = b.Groups[1].Value.ToUpperInvariant(); break; }
            if (judul is null && NumberedSop().Match(line[0]) is { Success: true } s) { judul = Teks.Clean(s.Groups[1].Value); break; }
        }
        if (judul is null)
        {
            judul = segment.SelectMany(l => l.Sel).Select(Teks.Clean).FirstOrDefault(c => c.StartsWith("LAYANAN ", StringComparison.Ordinal) && c == c.ToUpperInvariant());
            temuan.Add(judul is null
                ? new Temuan(null, "judul", "Nama SOP tidak ditemukan; isi nama SOP", TingkatTemuan.Galat)
                : new Temuan(null, "judul", $"Nama SOP tidak berlabel; diambil dari judul dokumen \"{judul}\"; periksa", TingkatTemuan.Info));
            judul ??= $"SOP {earlier.Count + 1}";
        }

        var kode = identity.Nomor;
        if (kode is null)
        {
            kode = "SOP-" + Teks.Slug(judul).ToUpperInvariant();
            temuan.Add(new Temuan(null, "kode", $"Nomor SOP kosong; kode '{kode}' dibuat dari nama SOP; ganti bila perlu", TingkatTemuan.Info));
        }
        if (earlier.Any(d => d.Definisi.Kode == kode))
        {
            var other = kode;
            kode = $"{kode}-{letter ?? (earlier.Count + 1).ToString()}";
            temuan.Add(new Temuan(null, "kode", $"dokumen memuat beberapa bagan alir dengan Nomor SOP '{other}'; SOP ini diberi kode '{kode}'; ganti bila perlu"));
        }

        var lanes = Lanes(header, after, temuan);
        var rows = hasil.Baris.Select(r => new StepShape.Row(r.Id, r.No, r.Uraian,
            r.Lajur.Where(lanes.ContainsKey).Select(c => lanes[c].Id).Distinct().ToList(), r.Tanda, r.Kelengkapan, r.Waktu, r.Output, r.Ket)).ToList();
        if (rows.Count == 0) temuan.Add(new Temuan(null, "langkah", "tabel bagan alir tidak memiliki baris langkah bernomor", TingkatTemuan.Galat));
        foreach (var (kolom, nama) in new[] { (Kolom.Kelengkapan, SopApFormat.Kelengkapan), (Kolom.Waktu, SopApFormat.Waktu), (Kolom.Output, SopApFormat.Output), (Kolom.Ket, SopApFormat.Ket) })
            if (!header.Has(kolom))
                temuan.Add(new Temuan(null, nama.ToLowerInvariant(), $"kolom {nama} tidak ada di tabel; {(kolom == Kolom.Ket ? "alur dibaca berurutan" : "isi bila dokumen menyebutnya di tempat lain")}",
                    kolom == Kolom.Ket ? TingkatTemuan.Info : TingkatTemuan.Peringatan));
        if (!header.Has(Kolom.No)) temuan.Add(new Temuan(null, "no", "kolom No tidak ada di tabel", TingkatTemuan.Galat));
        if (lanes.Count == 0) temuan.Add(new Temuan(null, "pelaksana", "tabel tidak memiliki kolom pelaksana; pelaksana tiap langkah tidak terbaca", TingkatTemuan.Galat));
        OutsideLists(segment, temuan);

        var steps = StepShape.Shape(rows, lanes.Count > 0, temuan, header);
        foreach (var lane in lanes.Values.Where(l => !steps.Any(s => s.Pelaksana.Contains(l.Id))))
            temuan.Add(new Temuan(null, "pelaksana", $"lajur '{lane.Nama}' tidak ditandai pada langkah mana pun; tentukan langkahnya atau hapus lajurnya", TingkatTemuan.Peringatan));
        var definisi = new SopDefinition
        {
            Kode = kode,
            Judul = judul,
            Unit = identity.Unit,
            Revisi = identity.Revisi,
            Tanggal = identity.Tanggal,
            Pengesahan = identity.Pengesahan,
            DasarHukum = identity.List(SopApFormat.DasarHukum),
            KualifikasiPelaksana = identity.List(SopApFormat.KualifikasiPelaksana),
            Keterkaitan = identity.List(SopApFormat.Keterkaitan),
            Peralatan = identity.List(SopApFormat.Peralatan),
            Peringatan = identity.List(SopApFormat.Peringatan),
            Pencatatan = identity.List(SopApFormat.Pencatatan),
            Pelaksana = lanes.Values.ToList(),
            Langkah = steps,
        };
        return Finish(definisi, temuan);
    }

    /// <summary>The lanes from the header's names; one-letter names are looked up in a legend after the table ("A = Dosen Akademik").</summary>
    private static Dictionary<int, Pelaksana> Lanes(FlowHeader header, List<DocLine> after, List<Temuan> temuan)
    {
        var legend = new Dictionary<string, string>();
        foreach (var line in after.Where(l => !l.IsRow))
            if (Legend().Match(line[0]) is { Success: true } m) legend.TryAdd(m.Groups[1].Value, Teks.Clean(m.Groups[2].Value));
        var lanes = new Dictionary<int, Pelaksana>();
        foreach (var c in header.Lanes)
        {
            var nama = header.Label[c];
            if (nama.Length == 0) continue;
            if (nama.Length == 1 && char.IsLetter(nama[0]))
            {
                if (legend.TryGetValue(nama, out var full)) nama = $"{nama} — {full}";
                else temuan.Add(new Temuan(null, "pelaksana", $"kolom pelaksana '{nama}' tidak dijelaskan di keterangan{(legend.Count > 0 ? $" (keterangan menyebut {string.Join(", ", legend.Select(l => $"{l.Key} = {l.Value}"))})" : "")}; beri nama lajurnya"));
            }
            var id = Teks.Slug(header.Label[c].Length == 1 ? nama : header.Label[c]);
            for (var n = 2; lanes.Values.Any(l => l.Id == id); n++) id = $"{Teks.Slug(nama)}-{n}";
            lanes[c] = new Pelaksana(id, nama);
        }
        return lanes;
    }

    /// <summary>A numbered list outside the table (IUQI's "D. Tahapan dan Mekanisme") is not read as steps, but said.</summary>
    private static void OutsideLists(List<DocLine> segment, List<Temuan> temuan)
    {
        foreach (var list in WorkInstruction.Read(segment, 3).Where(l => l.Judul is { } j && StepsHeading().IsMatch(j)))
            temuan.Add(new Temuan(null, "langkah",
                $"daftar bernomor di luar tabel{(list.Judul is null ? "" : $" (\"{list.Judul}\")")}, {list.Langkah.Count} butir, tidak dibaca sebagai langkah; tambahkan ke alur bila termasuk", TingkatTemuan.Info));
    }

    private static IReadOnlyList<SopDraft> FromWorkInstruction(IReadOnlyList<DocLine> lines)
    {
        var parts = WorkInstruction.Read(lines);
        if (parts.Count == 0)
            return [Empty(new Temuan(null, "tabel", "tabel bagan alir (No | Kegiatan | Pelaksana | Mutu Baku | Ket) maupun daftar langkah bernomor tidak ditemukan", TingkatTemuan.Galat))];
        var drafts = new List<SopDraft>();
        var identity = IdentityBlock.Read(lines.Take(parts[0].Start).ToList());
        foreach (var part in parts)
        {
            var temuan = new List<Temuan>
            {
                new(null, "tabel", "dokumen tidak memiliki tabel bagan alir; langkah dibaca dari daftar bernomor (tanpa pelaksana, kelengkapan, waktu dan output)", TingkatTemuan.Peringatan),
                new(null, "pelaksana", "tidak ada kolom pelaksana; pelaksana tiap langkah tidak terbaca", TingkatTemuan.Galat),
            };
            foreach (var nama in new[] { SopApFormat.Kelengkapan, SopApFormat.Waktu, SopApFormat.Output })
                temuan.Add(new Temuan(null, nama.ToLowerInvariant(), $"kolom {nama} tidak ada di dokumen", TingkatTemuan.Info));
            var judul = part.Judul ?? identity.Nama ?? $"SOP {drafts.Count + 1}";
            var rows = part.Langkah.Select(s => new StepShape.Row(s.No, s.No, s.Uraian, [], [], [], "", [], [])).ToList();
            var steps = StepShape.Shape(rows, lanesKnown: true, temuan);
            var kode = identity.Nomor ?? "SOP-" + Teks.Slug(judul).ToUpperInvariant();
            if (identity.Nomor is null) temuan.Add(new Temuan(null, "kode", $"Nomor SOP kosong; kode '{kode}' dibuat dari nama SOP; ganti bila perlu", TingkatTemuan.Info));
            drafts.Add(Finish(new SopDefinition
            {
                Kode = kode, Judul = judul, Tanggal = identity.Tanggal, Pengesahan = identity.Pengesahan,
                Pelaksana = [], Langkah = steps,
            }, temuan));
        }
        return drafts;
    }

    private static SopDraft Empty(Temuan temuan) =>
        new(new SopDefinition { Kode = "SOP-BARU", Judul = "SOP tanpa nama", Pelaksana = [], Langkah = [] }, [temuan], []);

    /// <summary>The bindings the admin makes, and the recipe validation's errors on the rows they concern.</summary>
    private static SopDraft Finish(SopDefinition definisi, List<Temuan> temuan)
    {
        var ikatan = new List<Ikatan>();
        foreach (var lane in definisi.Pelaksana)
            ikatan.Add(new Ikatan(JenisIkatan.Lajur, lane.Nama, lane.Id, definisi.Langkah.Where(l => l.Pelaksana.Contains(lane.Id)).Select(l => l.Id).ToList()));
        foreach (var output in definisi.Langkah.Where(l => l.Output is not null).GroupBy(l => l.Output!, StringComparer.OrdinalIgnoreCase))
            ikatan.Add(new Ikatan(JenisIkatan.Luaran, output.Key, null, output.Select(l => l.Id).ToList()));
        foreach (var (path, reason) in DefinitionValidator.Validate(definisi))
        {
            // Unbound lanes are the bindings above; a row's own finding on the field already says what is missing.
            if (path.StartsWith("pelaksana[", StringComparison.Ordinal)) continue;
            var field = path[(path.LastIndexOf('.') + 1)..];
            var row = PathRow().Match(path) is { Success: true } m && int.Parse(m.Groups[1].Value) is var i && i < definisi.Langkah.Count ? definisi.Langkah[i].Label : null;
            if (row is not null && temuan.Any(t => t.Baris == row && t.Kolom == field)) continue;
            temuan.Add(new Temuan(row, path, $"validasi: {reason}", TingkatTemuan.Galat));
        }
        return new SopDraft(definisi, temuan, ikatan);
    }

    [GeneratedRegex(@"^langkah\[(\d+)\]")] private static partial Regex PathRow();
}
