using CampusKonseling.Shell;

namespace CampusKonseling.Host.Registry;

public sealed class TenantRecord
{
    public required string Name { get; set; }
    public required string DisplayName { get; set; }
    public string UrlPrefix { get; set; } = "";
    public List<string> HostNames { get; set; } = [];
    public TenantState State { get; set; }
    public List<string> EnabledFeatures { get; set; } = [];
    public string? RecipeName { get; set; }
    public required string DatabaseName { get; set; }
    public string? ConnectionString { get; set; }
    public string? Server { get; set; }
    public DateTimeOffset CreatedUtc { get; set; }
    public DateTimeOffset UpdatedUtc { get; set; }

    public TenantInfo ToInfo() => new()
    {
        Name = Name, DisplayName = DisplayName, UrlPrefix = UrlPrefix, HostNames = HostNames.ToArray(),
        State = State, EnabledFeatures = EnabledFeatures.ToArray(), RecipeName = RecipeName,
        DatabaseName = DatabaseName, ConnectionString = ConnectionString, Server = Server, CreatedUtc = CreatedUtc, UpdatedUtc = UpdatedUtc,
    };

    public void CopyFrom(TenantInfo t)
    {
        DisplayName = t.DisplayName; UrlPrefix = t.UrlPrefix; HostNames = t.HostNames.ToList();
        State = t.State; EnabledFeatures = t.EnabledFeatures.ToList(); RecipeName = t.RecipeName;
        DatabaseName = t.DatabaseName; ConnectionString = t.ConnectionString; Server = t.Server;
    }
}
