using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CampusKonseling.Security;

/// <summary>
/// The host-held certificates of the key ring: <see cref="Current"/> wraps new keys, <see cref="All"/>
/// (current and retired, from the same folder) unwrap stored ones. Read once when the host is built,
/// so a server without its certificate stops at start instead of at the first note.
/// </summary>
public sealed class KeyRingCertificates
{
    private KeyRingCertificates(string path, X509Certificate2 current, IReadOnlyList<X509Certificate2> all, bool created) =>
        (Path, Current, All, Created) = (path, current, all, created);

    public string Path { get; }
    public X509Certificate2 Current { get; }
    public IReadOnlyList<X509Certificate2> All { get; }
    /// <summary>The certificate was made by this start; logged loudly (see <see cref="LogStart"/>).</summary>
    public bool Created { get; }

    public static string DefaultPath => System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create),
        "CampusKonseling", "keyring", "keyring.pfx");

    public static KeyRingCertificates Load(KeyRingOptions o, IHostEnvironment environment)
    {
        var path = System.IO.Path.GetFullPath(string.IsNullOrWhiteSpace(o.CertificatePath) ? DefaultPath : o.CertificatePath);
        var password = string.IsNullOrEmpty(o.CertificatePassword) ? null : o.CertificatePassword;
        var created = false;
        if (!File.Exists(path))
        {
            var create = o.CreateIfMissing ?? (environment.IsDevelopment() || environment.IsEnvironment("Testing"));
            if (!create)
                throw new InvalidOperationException($"The key-ring certificate {path} is missing. Create it once (docs/security.md, section 'The key ring'), give every server the same file, "
                                                    + $"and set {KeyRingOptions.Section}:CertificatePath; or set {KeyRingOptions.Section}:CreateIfMissing=true for a demo.");
            created = Create(path, password);
        }
        var current = Open(path, password);
        var all = new List<X509Certificate2> { current };
        foreach (var file in Directory.GetFiles(System.IO.Path.GetDirectoryName(path)!, "*.pfx").Where(f => System.IO.Path.GetFullPath(f) != path).Order())
            all.Add(Open(file, password));
        return new KeyRingCertificates(path, current, all, created);
    }

    public void LogStart(ILogger log)
    {
        if (Created)
            log.LogWarning("KEY RING: made a new key-ring certificate at {Path}. It wraps the keys of every campus's counseling notes: "
                           + "back it up apart from the database dumps (without it the notes cannot be read) and give every server of a farm the same file.", Path);
        log.LogInformation("Key ring: new keys wrapped with certificate {Thumbprint} ({Path}); {Count} certificate(s) can unwrap", Current.Thumbprint, Path, All.Count);
    }

    private static X509Certificate2 Open(string path, string? password)
    {
        var cert = X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
        if (!cert.HasPrivateKey) throw new InvalidOperationException($"The key-ring certificate {path} holds no private key; export it as .pfx with its key.");
        return cert;
    }

    /// <summary>Written to a temporary file and moved into place, so two processes starting together keep one certificate.</summary>
    private static bool Create(string path, string? password)
    {
        var folder = System.IO.Path.GetDirectoryName(path)!;
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(folder);
        else Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        using var rsa = RSA.Create(3072);
        var request = new CertificateRequest("CN=CampusKonseling key ring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.DataEncipherment, critical: true));
        var now = DateTimeOffset.UtcNow;
        // Expiry is not checked when keys are unwrapped; a long life avoids a surprise, rotation is by choice.
        using var cert = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(50));
        var temp = System.IO.Path.Combine(folder, $".{Guid.NewGuid():N}.tmp");
        var mode = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) mode.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var file = new FileStream(temp, mode)) file.Write(cert.Export(X509ContentType.Pfx, password));
        try
        {
            File.Move(temp, path, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temp);
            return false;
        }
    }
}
