using System.Net;
using CampusKonseling.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;

namespace CampusKonseling.Tests.Sop.Dokumen;

/// <summary>The SOP version page offers its document as DOCX and PDF to whoever may see the SOP, and to nobody else.</summary>
[Collection(PlatformCollection.Name)]
public sealed class SopDokumenDownloadTests(PlatformFixture platform) : IAsyncLifetime
{
    private TestTenant _ipdn = null!;
    private SopHarness _sop = null!;

    public async Task InitializeAsync()
    {
        _ipdn = await platform.CreateTenantAsync("ipdn", "sopdok");
        _sop = new SopHarness(platform, _ipdn);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_campus_admin_downloads_the_sop_as_docx_and_pdf_and_a_praja_cannot()
    {
        var id = await _sop.DefinitionIdAsync("IPDN-BK-TERAPI");
        using var admin = platform.Client();
        await admin.SignInAsync(_ipdn.Prefix, _ipdn.AdminEmail, _ipdn.AdminPassword);
        var (status, page) = await admin.PageAsync($"{_ipdn.Prefix}/admin/sop/{id}");
        Assert.Equal(HttpStatusCode.OK, status);
        var docxLink = page.QuerySelector("a[data-unduh='docx']")!;
        var pdfLink = page.QuerySelector("a[data-unduh='pdf']")!;
        Assert.Equal("Unduh DOCX", docxLink.TextContent.Trim());
        Assert.Equal("Unduh PDF", pdfLink.TextContent.Trim());

        using var docx = await admin.GetAsync(docxLink.GetAttribute("href")!);
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx.Content.Headers.ContentType!.MediaType);
        Assert.Equal("IPDN-BK-TERAPI-v1.docx", docx.Content.Headers.ContentDisposition!.FileNameStar ?? docx.Content.Headers.ContentDisposition.FileName);
        using (var doc = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false))
            Assert.Contains("Administrasi Pelaksanaan Terapi bagi Praja dan Pegawai", doc.MainDocumentPart!.Document.Body!.InnerText);

        using var pdf = await admin.GetAsync(pdfLink.GetAttribute("href")!);
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        Assert.Equal("IPDN-BK-TERAPI-v1.pdf", pdf.Content.Headers.ContentDisposition!.FileNameStar ?? pdf.Content.Headers.ContentDisposition.FileName);
        var (pages, text) = PdfText.Read(await pdf.Content.ReadAsByteArrayAsync());
        Assert.True(pages >= 2);
        Assert.Contains("Mengarsipkan laporan dan disposisi", text);

        // A praja holds no permission to see SOPs: neither document is given.
        using var praja = platform.Client();
        await praja.SignInAsync(_ipdn.Prefix, await _sop.EmailOfAsync("Praja"), "Demo12345");
        foreach (var href in new[] { docxLink.GetAttribute("href")!, pdfLink.GetAttribute("href")! })
        {
            using var refused = await praja.GetAsync(href);
            Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
            Assert.NotEqual("application/pdf", refused.Content.Headers.ContentType?.MediaType);
        }
        using var anonymous = platform.Client();
        using var signedOut = await anonymous.GetAsync(pdfLink.GetAttribute("href")!);
        Assert.NotEqual(HttpStatusCode.OK, signedOut.StatusCode);
    }
}
