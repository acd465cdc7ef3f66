using System.Text.RegularExpressions;
using CampusKonseling.Sop.Definitions;
using CampusKonseling.Sop.Dokumen;
using CampusKonseling.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CampusKonseling.Tests.Sop.Dokumen;

/// <summary>Every shipped SOP comes out as its SOP AP document: the DOCX a reader can take back, the PDF to sign.</summary>
public sealed partial class SopDocumentWriterTests
{
    public static TheoryData<string> Codes => ShippedSops.Codes;

    [Fact]
    public void The_ten_shipped_sops_are_there() => Assert.Equal(10, Codes.Count);

    [Theory, MemberData(nameof(Codes))]
    public void The_docx_has_the_identity_block_in_the_format_s_words(string kode)
    {
        var sop = ShippedSops.Get(kode);
        using var doc = WordprocessingDocument.Open(new MemoryStream(SopDocumentWriter.Docx(sop, 3)), false);
        var identity = doc.MainDocumentPart!.Document.Body!.Elements<Table>().First().Elements<TableRow>()
            .Select(r => r.Elements<TableCell>().Select(Lines).ToList()).ToList();
        Assert.Equal([SopApFormat.NomorSop, SopApFormat.TanggalPembuatan, SopApFormat.TanggalRevisi, SopApFormat.TanggalEfektif, SopApFormat.DisahkanOleh,
            SopApFormat.NamaSop, SopApFormat.Unit, SopApFormat.DasarHukum, SopApFormat.KualifikasiPelaksana, SopApFormat.Keterkaitan,
            SopApFormat.Peralatan, SopApFormat.Peringatan, SopApFormat.Pencatatan], identity.Select(r => r[0].Single()));
        var value = identity.ToDictionary(r => r[0][0], r => r[1]);
        Assert.Equal([sop.Kode], value[SopApFormat.NomorSop]);
        Assert.Equal([sop.Judul], value[SopApFormat.NamaSop]);
        Assert.Equal([sop.Unit ?? "-"], value[SopApFormat.Unit]);
        Assert.Equal([sop.Tanggal.Revisi ?? "-", "Revisi ke-3"], value[SopApFormat.TanggalRevisi]);
        Assert.All(sop.Pengesahan, p => Assert.Contains(p.Nama ?? "", value[SopApFormat.DisahkanOleh]));
        foreach (var (label, items) in new[] { (SopApFormat.DasarHukum, sop.DasarHukum), (SopApFormat.KualifikasiPelaksana, sop.KualifikasiPelaksana),
            (SopApFormat.Keterkaitan, sop.Keterkaitan), (SopApFormat.Peralatan, sop.Peralatan), (SopApFormat.Peringatan, sop.Peringatan), (SopApFormat.Pencatatan, sop.Pencatatan) })
            Assert.Equal(items.Count == 0 ? ["-"] : items.Select((s, i) => $"{i + 1}. {s}"), value[label]);
    }

    [Theory, MemberData(nameof(Codes))]
    public void The_docx_flowchart_has_a_row_per_step_with_its_symbol_in_its_lanes_and_its_mutu_baku(string kode)
    {
        var sop = ShippedSops.Get(kode);
        using var doc = WordprocessingDocument.Open(new MemoryStream(SopDocumentWriter.Docx(sop, 1)), false);
        var body = doc.MainDocumentPart!.Document.Body!;
        var landscape = body.Elements<SectionProperties>().Single().GetFirstChild<PageSize>()!;
        Assert.True(landscape.Width!.Value > landscape.Height!.Value);
        var rows = body.Elements<Table>().Last().Elements<TableRow>().ToList();
        Assert.All(rows.Take(2), r => Assert.NotNull(r.TableRowProperties!.GetFirstChild<TableHeader>()));
        var head = rows[0].Elements<TableCell>().Select(c => string.Join(" ", Lines(c))).ToList();
        Assert.Equal([SopApFormat.No, SopApFormat.Kegiatan, SopApFormat.Pelaksana, SopApFormat.MutuBaku, SopApFormat.Ket], head);
        var lanes = sop.Pelaksana.Count;
        Assert.Equal([.. sop.Pelaksana.Select(p => p.Nama), SopApFormat.Kelengkapan, SopApFormat.Waktu, SopApFormat.Output],
            rows[1].Elements<TableCell>().Skip(2).Take(lanes + 3).Select(c => Lines(c).Single()));

        var steps = rows.Skip(2).Select(r => r.Elements<TableCell>().Select(Lines).ToList()).ToList();
        Assert.Equal(sop.Langkah.Count, steps.Count);
        foreach (var (l, cells) in sop.Langkah.Zip(steps))
        {
            Assert.Equal(l.Label, cells[0].Single());
            Assert.Equal(l.Uraian, cells[1].Single());
            var symbol = l.Jenis switch { JenisLangkah.Keputusan => "◇", JenisLangkah.Tugas => "▭", _ => "⬭" };
            for (var i = 0; i < lanes; i++)
                Assert.Equal(l.Pelaksana.Contains(sop.Pelaksana[i].Id) ? symbol : "", string.Concat(cells[2 + i]));
            Assert.Equal(l.Kelengkapan.Count == 0 ? [""] : l.Kelengkapan, cells[2 + lanes]);
            Assert.Equal(l.Waktu ?? "", cells[3 + lanes].Single());
            Assert.Equal(l.Output ?? "", cells[4 + lanes].Single());
            var ket = cells[5 + lanes];
            if (l.Ket is not null) Assert.Equal(l.Ket, ket[0]);
            foreach (var p in l.Pilihan) Assert.Contains($"Jika {p.Nama}: ke langkah {sop.Find(p.Lanjut)!.Label}", ket);
        }
    }

    [Fact]
    public void A_jump_and_a_decision_are_written_in_ket()
    {
        var sop = ShippedSops.Get("IK-KA-INISIATIF");
        var rows = new SopApIsi(sop, 1).Alur.ToDictionary(r => r.Langkah.Id);
        Assert.Equal(["Formulir tidak menanyakan waktu layanan; staf yang memutuskan.", "Jika Ya, pada waktu lain: ke langkah 4", "Jika Tidak, langsung diberikan: ke langkah 5"], rows["k4"].Ket);
        Assert.Empty(rows["3"].Ket); // its next step is the next row
        var jumping = sop with { Langkah = [.. sop.Langkah.Select(l => l.Id == "7" ? l with { Lanjut = ["6", "8"] } : l)] };
        Assert.Equal(["Lanjut ke langkah 6, 8"], new SopApIsi(jumping, 1).Alur.Single(r => r.Langkah.Id == "7").Ket);
    }

    [Theory, MemberData(nameof(Codes))]
    public void The_pdf_is_a_landscape_document_with_the_title_and_every_step(string kode)
    {
        var sop = ShippedSops.Get(kode);
        var pdf = SopDocumentWriter.Pdf(sop, 2);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));
        var (pages, text) = PdfText.Read(pdf);
        Assert.True(pages >= 2, $"{pages} pages"); // the identity block, then the flowchart
        text = Spaces().Replace(text, " ");
        Assert.Contains(sop.Judul, text);
        Assert.Contains($"{sop.Kode} · Versi 2", text);
        Assert.Contains($"Halaman {pages} dari {pages}", text);
        Assert.All(sop.Langkah, l => Assert.Contains(Spaces().Replace(l.Uraian, " "), text));
        Assert.All(sop.Pelaksana, p => Assert.Contains(Spaces().Replace(p.Nama, ""), Spaces().Replace(text, ""))); // wrapped in its column
    }

    /// <summary>IPDN's Terapi SOP (seven lanes), an SOP with decisions and one across a page break, as PNG pages to look at.</summary>
    [Theory, InlineData("IPDN-BK-TERAPI", "sop-terapi"), InlineData("IK-KA-INISIATIF", "sop-inisiatif"), InlineData("IPDN-BK-PRAJA", "sop-praja")]
    public void The_pdf_renders_as_pages_to_look_at(string kode, string name)
    {
        var file = Path.Combine(RepoPaths.Screenshots, $"{name}.pdf");
        File.WriteAllBytes(file, SopDocumentWriter.Pdf(ShippedSops.Get(kode), 1));
        Assert.True(PdfPages.Render(file, name) >= 1);
    }

    private static List<string> Lines(TableCell cell) => cell.Elements<Paragraph>().Select(p => p.InnerText).ToList();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
