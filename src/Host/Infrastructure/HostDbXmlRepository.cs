using System.Xml.Linq;
using CampusKonseling.Host.Registry;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Host.Infrastructure;

/// <summary>
/// Stores the keys that protect sign-in cookies and form tokens in the host database, so all
/// nodes of a farm accept each other's cookies and a restart signs nobody out. (The EF Core
/// data-protection package is not obtainable here; this is its few lines.)
/// </summary>
public sealed class HostDbXmlRepository(IDbContextFactory<HostDb> dbs) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var db = dbs.CreateDbContext();
        return db.DataProtectionKeys.AsNoTracking().Select(k => k.Xml).ToList().Select(XElement.Parse).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var db = dbs.CreateDbContext();
        db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
    }
}
