using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Npgsql;

namespace CampusKonseling.Cases.Privacy;

/// <summary>The campus's key ring for counseling notes, kept in the campus's own database (not the platform's).</summary>
public sealed class TenantKeyRepository(NpgsqlDataSource dataSource) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var conn = dataSource.OpenConnection();
        using var cmd = new NpgsqlCommand("SELECT xml FROM kasus.protection_keys ORDER BY id", conn);
        using var reader = cmd.ExecuteReader();
        var keys = new List<XElement>();
        while (reader.Read()) keys.Add(XElement.Parse(reader.GetString(0)));
        return keys;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var conn = dataSource.OpenConnection();
        using var cmd = new NpgsqlCommand("INSERT INTO kasus.protection_keys (friendly_name, xml) VALUES ($1, $2)", conn)
        {
            Parameters = { new() { Value = friendlyName }, new() { Value = element.ToString(SaveOptions.DisableFormatting) } },
        };
        cmd.ExecuteNonQuery();
    }
}
