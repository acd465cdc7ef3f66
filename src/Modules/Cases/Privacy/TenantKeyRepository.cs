using System.Xml.Linq;
using CampusKonseling.Security;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using CampusKonseling.Data;
using Npgsql;

namespace CampusKonseling.Cases.Privacy;

/// <summary>
/// The campus's key ring for counseling notes, kept in the campus's own database (not the platform's),
/// each key's secret wrapped by the host's certificate. Keys stored in clear before wrapping existed
/// are wrapped in place the first time the ring is read, so an old dump's risk is not carried on.
/// </summary>
public sealed class TenantKeyRepository(CampusConnections connections, IXmlEncryptor wrapper) : IXmlRepository
{
    private bool _wrapped;

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var conn = connections.CreateConnection();
        conn.Open();
        var keys = new List<(int Id, string Xml)>();
        using (var cmd = new NpgsqlCommand("SELECT id, xml FROM kasus.protection_keys ORDER BY id", conn))
        using (var reader = cmd.ExecuteReader())
            while (reader.Read()) keys.Add((reader.GetInt32(0), reader.GetString(1)));
        var elements = new List<XElement>();
        foreach (var (id, xml) in keys)
        {
            var element = XElement.Parse(xml);
            if (!_wrapped && KeyRingWrapping.Wrap(element, wrapper) is { } wrapped)
            {
                // Compared with the old text, so a server that wrapped it first wins and nothing is written twice.
                using var update = new NpgsqlCommand("UPDATE kasus.protection_keys SET xml = $1 WHERE id = $2 AND xml = $3", conn)
                {
                    Parameters = { new() { Value = wrapped.ToString(SaveOptions.DisableFormatting) }, new() { Value = id }, new() { Value = xml } },
                };
                update.ExecuteNonQuery();
            }
            elements.Add(element);
        }
        _wrapped = true;
        return elements;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var conn = connections.CreateConnection();
        conn.Open();
        using var cmd = new NpgsqlCommand("INSERT INTO kasus.protection_keys (friendly_name, xml) VALUES ($1, $2)", conn)
        {
            Parameters = { new() { Value = friendlyName }, new() { Value = element.ToString(SaveOptions.DisableFormatting) } },
        };
        cmd.ExecuteNonQuery();
    }
}
