using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Xml.Linq;
using CampusKonseling.Cases.Privacy;
using CampusKonseling.Shell;
using CampusKonseling.Tests.Cases;
using CampusKonseling.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Npgsql;

namespace CampusKonseling.Tests.Security;

/// <summary>
/// What a stolen campus database dump gives: the notes' ciphertext and the key ring's rows, but no key in
/// clear, and a Data Protection provider built from those rows alone cannot read a note. The platform,
/// which holds the host's certificate, still reads it.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class KeyRingWrappingTests(PlatformFixture platform) : CaseCampusTests(platform, "kunci")
{
    private const string Purpose = "CampusKonseling.Cases.CatatanKonseling";

    [Fact]
    public async Task A_campus_database_dump_holds_no_note_key_in_clear_and_opens_no_note()
    {
        const string secret = "Klien bercerita tentang kekerasan di rumah kos";
        var c = await SubmitAsync("Saya butuh bantuan segera.");
        await AssignStaffAsync(c);
        using var counselor = await SignInAsync(Staf);
        var (_, page) = await counselor.PageAsync(CasePath(c, "catatan"));
        using var wrote = await counselor.SubmitAsync(page, "form.note", new Dictionary<string, string> { ["Jenis"] = "sesi", ["Tingkat"] = "konseling", ["Isi"] = secret }, CasePath(c, "catatan"));
        Assert.Equal(HttpStatusCode.Redirect, wrote.StatusCode);
        Assert.Contains(secret, await CasePageAsync(counselor, c));

        var dump = await KeyRowsAsync();
        Assert.NotEmpty(dump);
        AssertWrapped(dump);
        var cipher = (string)(await TestDatabase.ScalarAsync(_site.Campus.Database, $"SELECT isi FROM kasus.entries WHERE case_id = '{c.Id}' AND terenkripsi AND jenis = 'sesi'"))!;

        Assert.ThrowsAny<CryptographicException>(() => FromRows(dump, withCertificate: false).Unprotect(cipher));
        // The same rows with the host's certificate do open it: the certificate is all the dump lacks.
        Assert.Equal(secret, FromRows(dump, withCertificate: true).Unprotect(cipher));
    }

    [Fact]
    public async Task Keys_stored_in_clear_before_wrapping_are_wrapped_in_place_and_still_open_their_notes()
    {
        // A key ring as the platform wrote it before: a key in clear in the campus's table, a note under it.
        var old = new MemoryRepository();
        var cipher = Provider(old, withCertificate: false).Protect("Catatan lama sebelum kunci dibungkus");
        foreach (var key in old.Elements)
            await TestDatabase.ExecuteAsync(_site.Campus.Database, $"INSERT INTO kasus.protection_keys (friendly_name, xml) VALUES ('lama', '{key.ToString(SaveOptions.DisableFormatting)}')");
        Assert.Contains(await KeyRowsAsync(), x => x.Contains("<masterKey"));
        await Platform.Services.GetRequiredService<IShellHost>().ReloadAsync(_site.Campus.Name);

        var read = await _site.In.InCampusAsync(sp => Task.FromResult(sp.GetRequiredService<CounselingProtector>().Unprotect(cipher)));

        Assert.Equal("Catatan lama sebelum kunci dibungkus", read);
        var dump = await KeyRowsAsync();
        AssertWrapped(dump);
        Assert.ThrowsAny<CryptographicException>(() => FromRows(dump, withCertificate: false).Unprotect(cipher));
    }

    [Fact]
    public async Task The_host_key_ring_is_wrapped_by_the_same_certificate()
    {
        // Signing in protects a cookie with the host's key ring, so it has been read (and re-wrapped) by now.
        using var admin = Platform.Client();
        await admin.SignInAsync(_site.Campus.Prefix, _site.Campus.AdminEmail, _site.Campus.AdminPassword);
        await using var conn = new NpgsqlConnection(TestDatabase.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT xml FROM host.data_protection_keys", conn);
        var rows = new List<string>();
        await using (var reader = await cmd.ExecuteReaderAsync())
            while (await reader.ReadAsync()) rows.Add(reader.GetString(0));
        Assert.NotEmpty(rows);
        AssertWrapped(rows);
    }

    private static void AssertWrapped(IReadOnlyList<string> rows)
    {
        foreach (var xml in rows.Where(x => x.StartsWith("<key", StringComparison.Ordinal)))
        {
            Assert.DoesNotContain("<masterKey", xml);
            Assert.Contains("encryptedSecret", xml);
        }
        Assert.Contains(rows, x => x.StartsWith("<key", StringComparison.Ordinal));
    }

    private async Task<List<string>> KeyRowsAsync()
    {
        await using var conn = new NpgsqlConnection(TestDatabase.ConnectionStringFor(_site.Campus.Database));
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT xml FROM kasus.protection_keys ORDER BY id", conn);
        var rows = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) rows.Add(reader.GetString(0));
        return rows;
    }

    /// <summary>A provider as an attacker would build it: the campus's application name and the notes' purpose, keys from the dump.</summary>
    private IDataProtector FromRows(IEnumerable<string> rows, bool withCertificate)
    {
        var repository = new MemoryRepository();
        foreach (var row in rows) repository.Elements.Add(XElement.Parse(row));
        return Provider(repository, withCertificate, generate: false);
    }

    private IDataProtector Provider(MemoryRepository repository, bool withCertificate, bool generate = true) =>
        DataProtectionProvider.Create(new DirectoryInfo(Path.GetTempPath()), b =>
        {
            b.SetApplicationName("CampusKonseling.Kasus." + _site.Campus.Name);
            b.Services.Configure<KeyManagementOptions>(o => { o.XmlRepository = repository; o.AutoGenerateKeys = generate; });
            if (withCertificate) b.UnprotectKeysWithAnyCertificate(X509CertificateLoader.LoadPkcs12FromFile(PlatformFixture.KeyRingCertificatePath, null));
        }).CreateProtector(Purpose);

    private sealed class MemoryRepository : IXmlRepository
    {
        public List<XElement> Elements { get; } = [];
        public IReadOnlyCollection<XElement> GetAllElements() => Elements.ToList();
        public void StoreElement(XElement element, string friendlyName) => Elements.Add(element);
    }
}
