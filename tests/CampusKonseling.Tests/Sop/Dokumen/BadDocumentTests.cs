using CampusKonseling.Sop.Definitions;
using CampusKonseling.Sop.Dokumen;
using DocumentFormat.OpenXml.Wordprocessing;
using static CampusKonseling.Tests.Sop.Dokumen.SeedDocx;

namespace CampusKonseling.Tests.Sop.Dokumen;

/// <summary>A document the reader cannot fully read gives a draft with the problem rows marked in Indonesian, never an exception.</summary>
public sealed class BadDocumentTests
{
    private const string Header1 = "No\tKegiatan\tPelaksana\t\tMutu Baku\t\t\tKet";
    private const string Header2 = "\t\tStaf\tKonselor\tKelengkapan\tWaktu\tOutput\t";

    [Fact]
    public void A_document_without_a_table_or_numbered_steps_gives_an_empty_draft_saying_so()
    {
        var draft = Assert.Single(SopDocumentReader.ReadText("Surat edaran\nKepada seluruh mahasiswa, layanan konseling dibuka setiap hari."));
        Assert.Empty(draft.Definisi.Langkah);
        Assert.Contains(draft.Temuan, t => t.Kolom == "tabel" && t.Pesan.Contains("tabel bagan alir") && t.Pesan.Contains("tidak ditemukan"));
    }

    [Fact]
    public void Bytes_that_are_not_a_DOCX_give_a_draft_saying_so()
    {
        var draft = Assert.Single(SopDocumentReader.Read(new MemoryStream("PK bukan dokumen"u8.ToArray()), "sop.docx"));
        Assert.Contains(draft.Temuan, t => t.Kolom == "berkas" && t.Pesan.Contains("bukan dokumen DOCX"));
        draft = Assert.Single(SopDocumentReader.Read(new MemoryStream([0, 1, 2, 3]), "sop.docx"));
        Assert.Equal(TingkatTemuan.Galat, Assert.Single(draft.Temuan).Tingkat);
    }

    [Fact]
    public void A_missing_column_is_named()
    {
        var draft = Assert.Single(SopDocumentReader.ReadText("No\tKegiatan\tStaf\tOutput\n1\tMenerima berkas\t▭\tBerkas\n2\tMengarsipkan\t⬭\tArsip"));
        Assert.Contains(draft.Temuan, t => t.Baris is null && t.Kolom == "waktu" && t.Pesan == "kolom Waktu tidak ada di tabel; isi bila dokumen menyebutnya di tempat lain");
        Assert.Contains(draft.Temuan, t => t.Baris is null && t.Kolom == "kelengkapan" && t.Pesan.StartsWith("kolom Kelengkapan tidak ada"));
        Assert.Equal(["staf"], draft.Definisi.Langkah[1].Pelaksana);
    }

    [Fact]
    public void A_garbled_row_and_an_unreadable_time_are_marked_on_their_rows()
    {
        var draft = Assert.Single(SopDocumentReader.ReadText(string.Join("\n", Header1, Header2,
            "1\tMenerima berkas\t▭\t\tFormulir\t15 Menit\tBerkas\t",
            "#%&\t@@ rusak @@\t\t\t\t\t\t",
            "2\tMemeriksa berkas\t\t▭\tBerkas\tsegera\tHasil\t",
            "3\tMengarsipkan\t\t\tHasil\t5 Menit\tArsip\t")));
        Assert.Equal(["1", "2", "3"], draft.Definisi.Langkah.Select(l => l.Id));
        Assert.Contains(draft.Temuan, t => t.Baris == "1" && t.Kolom == "baris" && t.Pesan.StartsWith("baris tidak terbaca (tanpa nomor langkah)"));
        Assert.Contains(draft.Temuan, t => t.Baris == "2" && t.Kolom == "waktu" && t.Pesan.Contains("waktu 'segera' tidak dapat dibaca"));
        Assert.Contains(draft.Temuan, t => t.Baris == "3" && t.Kolom == "pelaksana" && t.Pesan.StartsWith("tidak terbaca: tidak ada tanda"));
    }

    [Fact]
    public void Merged_cells_of_a_DOCX_are_marked_on_their_rows()
    {
        using var docx = Build(body => body.Append(new Table(
            new TableRow(Cell("No", vMerge: MergedCellValues.Restart), Cell("Kegiatan", vMerge: MergedCellValues.Restart), Cell("Pelaksana", 2), Cell("Mutu Baku", 3), Cell("Ket", vMerge: MergedCellValues.Restart)),
            new TableRow(Cell("", vMerge: MergedCellValues.Continue), Cell("", vMerge: MergedCellValues.Continue), Cell("Staf"), Cell("Konselor"), Cell("Kelengkapan"), Cell("Waktu"), Cell("Output"), Cell("", vMerge: MergedCellValues.Continue)),
            new TableRow(Cell("1"), Cell("Menerima berkas"), Cell("▭"), Cell(""), Cell("Formulir"), Cell("1 Hari", vMerge: MergedCellValues.Restart), Cell("Berkas"), Cell("")),
            new TableRow(Cell("2"), Cell("Konseling bersama"), Cell("▭", 2), Cell("Berkas"), Cell("", vMerge: MergedCellValues.Continue), Cell("Catatan"), Cell("")))));
        var draft = Assert.Single(SopDocumentReader.Read(docx, "sop.docx"));
        Assert.Equal(["Staf", "Konselor"], draft.Definisi.Pelaksana.Select(p => p.Nama));
        Assert.Equal("1 Hari", draft.Definisi.Langkah[0].Waktu);
        Assert.Contains(draft.Temuan, t => t.Baris == "2" && t.Kolom == "Waktu" && t.Pesan.StartsWith("sel gabungan dengan baris di atasnya"));
        Assert.Contains(draft.Temuan, t => t.Baris == "2" && t.Kolom == "Staf" && t.Pesan == "sel gabungan melintasi 2 kolom; isinya dibaca pada kolom pertamanya");
    }

    [Fact]
    public void The_SOP_AP_format_of_the_writer_reads_back_with_its_decisions_and_jumps()
    {
        var f = SopApFormat.Keputusan;
        using var docx = Build(body =>
        {
            body.Append(new Table(
                new TableRow(Cell(SopApFormat.NomorSop), Cell("SOP-01/BK/2025")),
                new TableRow(Cell(SopApFormat.TanggalEfektif), Cell("1 Juli 2025")),
                new TableRow(Cell(SopApFormat.NamaSop), Cell("Layanan Konseling")),
                new TableRow(Cell(SopApFormat.DasarHukum), Cell("1. Undang-Undang Nomor 12 Tahun 2012\n2. Statuta Universitas"))));
            body.Append(Paragraph(""));
            body.Append(Paragraph("Bagan alir"));
            body.Append(new Table(
                new TableRow(Cell(SopApFormat.No), Cell(SopApFormat.Kegiatan), Cell(SopApFormat.Pelaksana, 2), Cell(SopApFormat.MutuBaku, 3), Cell(SopApFormat.Ket)),
                new TableRow(Cell(""), Cell(""), Cell("Mahasiswa"), Cell("Konselor"), Cell(SopApFormat.Kelengkapan), Cell(SopApFormat.Waktu), Cell(SopApFormat.Output), Cell("")),
                new TableRow(Cell("1"), Cell("Mengisi formulir"), Cell(SopApFormat.Terminator), Cell(""), Cell(""), Cell("10 Menit"), Cell("Formulir"), Cell("")),
                new TableRow(Cell("2"), Cell("Menilai kebutuhan"), Cell(""), Cell(f), Cell("- Formulir\n- Data mahasiswa"), Cell("1 Hari"), Cell(""), Cell("Jika Perlu rujukan: ke langkah 4\nJika Tidak: ke langkah 3")),
                new TableRow(Cell("3"), Cell("Konseling"), Cell(SopApFormat.Kegiatan_), Cell(SopApFormat.Kegiatan_), Cell(""), Cell("1 jam setelah penilaian"), Cell("Catatan"), Cell("Lanjut ke langkah 5")),
                new TableRow(Cell("4"), Cell("Merujuk"), Cell(""), Cell(SopApFormat.Kegiatan_), Cell(""), Cell("2 Hari"), Cell("Surat Rujukan"), Cell("")),
                new TableRow(Cell("5"), Cell("Menutup kasus"), Cell(""), Cell(SopApFormat.Terminator), Cell(""), Cell(""), Cell("Laporan"), Cell(""))));
        });
        var draft = Assert.Single(SopDocumentReader.Read(docx, "sop.docx"));
        var d = draft.Definisi;
        Assert.Equal(("SOP-01/BK/2025", "Layanan Konseling", "1 Juli 2025"), (d.Kode, d.Judul, d.Tanggal.Efektif));
        Assert.Equal(["Undang-Undang Nomor 12 Tahun 2012", "Statuta Universitas"], d.DasarHukum);
        Assert.Equal(["mahasiswa", "konselor"], d.Pelaksana.Select(p => p.Id));
        var keputusan = d.Langkah[1];
        Assert.Equal(JenisLangkah.Keputusan, keputusan.Jenis);
        Assert.Equal([new Pilihan("Perlu rujukan", "4"), new Pilihan("Tidak", "3")], keputusan.Pilihan);
        Assert.Equal(["Formulir", "Data mahasiswa"], keputusan.Kelengkapan);
        Assert.Equal(["5"], d.Langkah[2].Lanjut);
        Assert.Equal(["mahasiswa", "konselor"], d.Langkah[2].Pelaksana);
        Assert.Equal(["5"], d.Langkah[3].Lanjut);
        Assert.Equal(JenisLangkah.Selesai, d.Langkah[4].Jenis);
        Assert.Empty(DefinitionValidator.Validate(d with { Pelaksana = d.Pelaksana.Select(p => p with { Peran = p.Nama }).ToList() }));
        Assert.DoesNotContain(draft.Temuan, t => t.Tingkat == TingkatTemuan.Galat);
        Assert.Contains(draft.Ikatan, i => i.Jenis == JenisIkatan.Luaran && i.Nama == "Surat Rujukan" && i.Langkah.SequenceEqual(["4"]));
    }
}
