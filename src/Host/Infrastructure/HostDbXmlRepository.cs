using System.Xml.Linq;
using CampusKonseling.Host.Registry;
using CampusKonseling.Security;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Host.Infrastructure;

/// <summary>
/// Stores the keys that protect sign-in cookies, form tokens and the campuses' channel, portal and
/// search secrets in the host database, so all nodes of a farm accept each other's cookies and a
/// restart signs nobody out. Each key's secret is wrapped by the host's key-ring certificate (as the
/// campuses' note keys are), and keys stored in clear before that are wrapped on first read.
/// (The EF Core data-protection package is not obtainable here; this is its few lines.) Data
/// protection reads its keys while the host starts, possibly before the bootstrapper has migrated the
/// host database, so the first use brings the registry schema up to date itself.
/// </summary>
public sealed class HostDbXmlRepository(IDbContextFactory<HostDb> dbs, IXmlEncryptor wrapper) : IXmlRepository
{
    private readonly Lock _gate = new();
    private bool _migrated;
    private bool _wrapped;

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        EnsureSchema();
        using var db = dbs.CreateDbContext();
        if (!_wrapped)
        {
            foreach (var key in db.DataProtectionKeys.ToList())
                if (KeyRingWrapping.Wrap(XElement.Parse(key.Xml), wrapper) is { } wrapped)
                    key.Xml = wrapped.ToString(SaveOptions.DisableFormatting);
            db.SaveChanges();
            _wrapped = true;
        }
        return db.DataProtectionKeys.AsNoTracking().Select(k => k.Xml).ToList().Select(XElement.Parse).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        EnsureSchema();
        using var db = dbs.CreateDbContext();
        db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
    }

    // Retried on the next use when the database is not reachable yet.
    private void EnsureSchema()
    {
        if (_migrated) return;
        lock (_gate)
        {
            if (_migrated) return;
            using var db = dbs.CreateDbContext();
            db.Database.Migrate();
            _migrated = true;
        }
    }
}
