using CampusKonseling.Security;
using CampusKonseling.Shell;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Logging;

namespace CampusKonseling.Cases.Privacy;

/// <summary>
/// Encrypts counseling-tier text (ASP.NET Core Data Protection) with a key ring per campus, stored in
/// the campus's database and wrapped by the host's certificate, which no database holds: a dump of
/// the campus database alone opens no note. One provider per running campus.
/// </summary>
public sealed class CounselingProtector(CurrentShell current, KeyRingCertificates certificates, ILoggerFactory logs)
{
    private const string CacheKey = "kasus:protector";

    private IDataProtector Protector => (IDataProtector)current.Shell.Cache.GetOrAdd(CacheKey, _ =>
    {
        var shell = current.Shell;
        var provider = DataProtectionProvider.Create(new DirectoryInfo(Path.Combine(Path.GetTempPath(), "ck-dp-unused")), builder =>
        {
            builder.SetApplicationName("CampusKonseling.Kasus." + shell.Name);
            builder.ProtectKeysWithHostCertificate(certificates);
            builder.Services.Configure<KeyManagementOptions>(o => o.XmlRepository = new TenantKeyRepository(shell.Connections, certificates.Encryptor(logs)));
        });
        return provider.CreateProtector("CampusKonseling.Cases.CatatanKonseling");
    });

    public string Protect(string text) => Protector.Protect(text);

    public string Unprotect(string cipher) => Protector.Unprotect(cipher);

    public byte[] Protect(byte[] bytes) => Protector.Protect(bytes);

    public byte[] Unprotect(byte[] cipher) => Protector.Unprotect(cipher);
}
