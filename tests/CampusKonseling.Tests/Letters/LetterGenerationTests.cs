using System.Security.Cryptography;
using System.Text;
using CampusKonseling.Tests.Infrastructure;

namespace CampusKonseling.Tests.Letters;

/// <summary>Staff make letters from a case: numbered per template and year, kept as PDF and print view, never overwritten.</summary>
[Collection(PlatformCollection.Name)]
public sealed class LetterGenerationTests(PlatformFixture platform) : IAsyncLifetime
{
    private LetterCampus _unipma = null!;

    public async Task InitializeAsync() => _unipma = await LetterCampus.CreateAsync(platform, "surat");

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Thirty_letters_made_at_once_get_numbers_001_to_030_without_gaps_or_duplicates()
    {
        await _unipma.SaveTemplateAsync("uji-serentak", "{seq:000}/SRT/P2KLLK/{romanMonth}/{year}");

        var letters = await Task.WhenAll(Enumerable.Range(1, 30).Select(i => Task.Run(() => _unipma.GenerateAsync("uji-serentak", $"K-{i}"))));

        var expected = Enumerable.Range(1, 30).Select(i => $"{i:000}/SRT/P2KLLK/XI/2026").ToList();
        Assert.Equal(expected, letters.Select(l => l.Nomor).Order().ToList());
        Assert.All(letters, l => Assert.Equal(1, l.Versi));
        Assert.Equal(30L, await TestDatabase.ScalarAsync(_unipma.Campus.Database, "SELECT count(DISTINCT nomor) FROM letters.letters WHERE templat_kode = 'uji-serentak'"));
    }

    [Fact]
    public async Task The_number_follows_the_pattern_and_starts_again_at_one_in_a_new_year()
    {
        await _unipma.SaveTemplateAsync("uji-tahun", "B-{seq}/{month:00}.{month}/{romanMonth}/{year}");
        var first = await _unipma.GenerateAsync("uji-tahun", "K-1", at: new DateTimeOffset(2026, 4, 3, 2, 0, 0, TimeSpan.Zero));
        var second = await _unipma.GenerateAsync("uji-tahun", "K-2", at: new DateTimeOffset(2026, 12, 31, 10, 0, 0, TimeSpan.Zero));
        // 31 Dec 2026 18:00 UTC is already 1 January 2027 in Madiun (UTC+7).
        var third = await _unipma.GenerateAsync("uji-tahun", "K-3", at: new DateTimeOffset(2026, 12, 31, 18, 0, 0, TimeSpan.Zero));

        Assert.Equal("B-1/04.4/IV/2026", first.Nomor);
        Assert.Equal("B-2/12.12/XII/2026", second.Nomor);
        Assert.Equal("B-1/01.1/I/2027", third.Nomor);
    }

    [Fact]
    public async Task A_new_version_keeps_the_number_and_leaves_the_first_pdf_as_it_was()
    {
        var first = await _unipma.GenerateAsync("surat-rekomendasi-konseling", "K-100");
        var firstPdf = (await _unipma.WithLettersAsync(s => s.OpenAsync(first.Id)))!.Isi;

        var koreksi = new Dictionary<string, string>(LetterCampus.Siti) { ["konselor"] = "Dra. Endang Lestari" };
        var second = await _unipma.GenerateAsync("surat-rekomendasi-konseling", "K-100", koreksi, versiDari: first.Id);

        Assert.Equal(first.Nomor, second.Nomor);
        Assert.Equal(2, second.Versi);
        Assert.NotEqual(first.Id, second.Id);
        Assert.NotEqual(first.Hash, second.Hash);
        var again = (await _unipma.WithLettersAsync(s => s.OpenAsync(first.Id)))!.Isi;
        Assert.Equal(firstPdf, again);
        Assert.Equal(first.Hash, Convert.ToHexStringLower(SHA256.HashData(again)));
        Assert.Contains("Drs. Bambang Sutejo", LetterCampus.PdfText(again));
        Assert.Contains("Dra. Endang Lestari", LetterCampus.PdfText((await _unipma.WithLettersAsync(s => s.OpenAsync(second.Id)))!.Isi));

        var owned = await _unipma.WithLettersAsync(s => s.OfOwnerAsync("kasus", "K-100"));
        Assert.Equal([(first.Nomor, 1), (first.Nomor, 2)], owned.Select(l => (l.Nomor, l.Versi)).ToList());
        // A later letter from the same template takes the next number, not the re-generated one's.
        var next = await _unipma.GenerateAsync("surat-rekomendasi-konseling", "K-101");
        Assert.StartsWith("002/REK/P2KLLK/XI/2026", next.Nomor);
    }

    [Fact]
    public async Task The_pdf_shows_the_letterhead_number_and_values_and_the_print_view_the_same()
    {
        var letter = await _unipma.GenerateAsync("surat-rekomendasi-konseling", "K-200");
        var pdf = (await _unipma.WithLettersAsync(s => s.OpenAsync(letter.Id)))!;

        Assert.Equal("application/pdf", pdf.Mime);
        Assert.EndsWith(".pdf", pdf.NamaBerkas);
        Assert.StartsWith("%PDF-", Encoding.ASCII.GetString(pdf.Isi, 0, 5));
        var text = LetterCampus.PdfText(pdf.Isi);
        Assert.Contains("001/REK/P2KLLK/XI/2026", text);
        Assert.Contains("UNIVERSITAS PGRI MADIUN", text);
        Assert.Contains("Siti Rahmawati", text);
        Assert.Contains("Madiun, 21 November 2026", text);

        var html = (await _unipma.WithLettersAsync(s => s.OpenAsync(letter.Id, html: true)))!;
        Assert.StartsWith("text/html", html.Mime);
        var page = Encoding.UTF8.GetString(html.Isi);
        Assert.Contains("<div class=\"kampus\">Universitas PGRI Madiun</div>", page);
        Assert.Contains("Pusat Pengembangan Karier dan Layanan Konseling (P2KLLK)", page);
        Assert.Contains("Jl. Setia Budi No. 85", page);
        Assert.Contains("<span data-nomor>001/REK/P2KLLK/XI/2026</span>", page);
        Assert.Contains("@media print", page);
    }

    [Fact]
    public async Task A_missing_value_shows_as_an_ellipsis_and_is_listed()
    {
        var nilai = new Dictionary<string, string> { ["nama"] = "Budi Santoso", ["nim"] = "2020110042" };
        var letter = await _unipma.GenerateAsync("surat-rekomendasi-konseling", "K-300", nilai);

        Assert.Contains("prodi", letter.IsianKosong);
        Assert.Contains("konselor", letter.IsianKosong);
        Assert.DoesNotContain("nama", letter.IsianKosong);
        var page = Encoding.UTF8.GetString((await _unipma.WithLettersAsync(s => s.OpenAsync(letter.Id, html: true)))!.Isi);
        Assert.Contains("<span class=\"kosong\" title=\"belum diisi\">…</span>", page);
        Assert.Contains("Budi Santoso", page);
    }

    [Fact]
    public async Task Every_generated_letter_and_version_is_audited_without_its_content()
    {
        var audit = new RecordingAuditLog();
        var first = await _unipma.WithLettersAsync(s => s.GenerateAsync(new("surat-rekomendasi-konseling", "kasus", "K-400", LetterCampus.Siti)), audit: audit);
        var second = await _unipma.WithLettersAsync(s => s.GenerateAsync(new("surat-rekomendasi-konseling", "kasus", "K-400", LetterCampus.Siti), first.Id), audit: audit);

        Assert.Equal(
            [("dokumen", "surat", first.Id.ToString(), "Surat 001/REK/P2KLLK/XI/2026 v1 dibuat"), ("dokumen", "surat", second.Id.ToString(), "Surat 001/REK/P2KLLK/XI/2026 v2 dibuat")],
            audit.Entries.Select(e => (e.Jenis, e.SubjekJenis, e.SubjekId, e.Ringkasan)).ToList());
        Assert.DoesNotContain(audit.Entries, e => e.Ringkasan.Contains("Siti"));
    }

    [Fact]
    public async Task A_campus_never_sees_another_campus_letters()
    {
        var letter = await _unipma.GenerateAsync("surat-rekomendasi-konseling", "K-RAHASIA");
        var other = await LetterCampus.CreateAsync(platform, "suratlain");

        Assert.Empty(await other.WithLettersAsync(s => s.OfOwnerAsync("kasus", "K-RAHASIA")));
        Assert.Null(await other.WithLettersAsync(s => s.OpenAsync(letter.Id)));
        // Its own numbering starts at 001: the other campus's counter is not shared.
        var own = await other.GenerateAsync("surat-rekomendasi-konseling", "K-RAHASIA");
        Assert.Equal("001/REK/P2KLLK/XI/2026", own.Nomor);
        Assert.Null(await other.WithLettersAsync(s => s.OpenAsync(letter.Id)));
    }
}
