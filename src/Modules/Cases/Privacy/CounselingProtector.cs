using CampusKonseling.Shell;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;

namespace CampusKonseling.Cases.Privacy;

/// <summary>
/// Encrypts counseling-tier text (ASP.NET Core Data Protection) with a key ring per campus, stored in
/// the campus's database; one provider per running campus.
/// </summary>
public sealed class CounselingProtector(CurrentShell current)
{
    private const string CacheKey = "kasus:protector";

    private IDataProtector Protector => (IDataProtector)current.Shell.Cache.GetOrAdd(CacheKey, _ =>
    {
        var shell = current.Shell;
        var provider = DataProtectionProvider.Create(new DirectoryInfo(Path.Combine(Path.GetTempPath(), "ck-dp-unused")), builder =>
        {
            builder.SetApplicationName("CampusKonseling.Kasus." + shell.Name);
            builder.Services.Configure<KeyManagementOptions>(o => o.XmlRepository = new TenantKeyRepository(shell.DataSource));
        });
        return provider.CreateProtector("CampusKonseling.Cases.CatatanKonseling");
    });

    public string Protect(string text) => Protector.Protect(text);

    public string Unprotect(string cipher) => Protector.Unprotect(cipher);

    public byte[] Protect(byte[] bytes) => Protector.Protect(bytes);

    public byte[] Unprotect(byte[] cipher) => Protector.Unprotect(cipher);
}
