using System.Security.Cryptography;
using System.Xml.Linq;
using CampusKonseling.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace CampusKonseling.Tests.Security;

/// <summary>The host's key-ring certificates on their own: rotation keeps old keys readable, and Production never invents a certificate.</summary>
public sealed class KeyRingRotationTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ck-keyring-rotation-" + Guid.NewGuid().ToString("N"));
    private string Current => Path.Combine(_folder, "keyring.pfx");

    [Fact]
    public void After_a_rotation_old_keys_still_open_and_new_keys_are_wrapped_with_the_new_certificate()
    {
        var repository = new Keys();
        var first = Load("Testing");
        Assert.True(first.Created);
        var cipher = Protector(repository, first).Protect("sebelum rotasi");

        // Rotation as documented: the current file is kept under another name in the folder, a new one takes its place.
        File.Move(Current, Path.Combine(_folder, "keyring-2026.pfx"));
        var second = Load("Testing");
        Assert.NotEqual(first.Current.Thumbprint, second.Current.Thumbprint);
        Assert.Equal(2, second.All.Count);
        Assert.Equal("sebelum rotasi", Protector(repository, second).Unprotect(cipher));

        var fresh = new Keys();
        var after = Protector(fresh, second).Protect("sesudah rotasi");
        Assert.All(fresh.GetAllElements(), k => Assert.DoesNotContain("<masterKey", k.ToString()));

        // Without the retired certificate the old key is lost: that is why the folder keeps it.
        File.Delete(Path.Combine(_folder, "keyring-2026.pfx"));
        var third = Load("Testing");
        Assert.ThrowsAny<CryptographicException>(() => Protector(repository, third).Unprotect(cipher));
        // Keys made after the rotation need only the new certificate.
        Assert.Equal("sesudah rotasi", Protector(fresh, third).Unprotect(after));
    }

    [Fact]
    public void Production_does_not_make_a_certificate_of_its_own()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => Load("Production"));
        Assert.Contains(Current, refused.Message);
        Assert.False(File.Exists(Current));
        Assert.True(Load("Production", createIfMissing: true).Created);
    }

    private KeyRingCertificates Load(string environment, bool? createIfMissing = null) =>
        KeyRingCertificates.Load(new KeyRingOptions { CertificatePath = Current, CreateIfMissing = createIfMissing }, new Environment(environment));

    private static IDataProtector Protector(Keys repository, KeyRingCertificates certificates) =>
        DataProtectionProvider.Create(new DirectoryInfo(Path.GetTempPath()), b =>
        {
            b.SetApplicationName("CampusKonseling.Kasus.rotasi").ProtectKeysWithHostCertificate(certificates);
            b.Services.Configure<KeyManagementOptions>(o => o.XmlRepository = repository);
        }).CreateProtector("uji");

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    private sealed class Keys : IXmlRepository
    {
        private readonly List<XElement> _elements = [];
        public IReadOnlyCollection<XElement> GetAllElements() => _elements.ToList();
        public void StoreElement(XElement element, string friendlyName) => _elements.Add(element);
    }

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "CampusKonseling.Host";
        public string ContentRootPath { get; set; } = Path.GetTempPath();
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
