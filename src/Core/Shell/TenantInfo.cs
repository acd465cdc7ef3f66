namespace CampusKonseling.Shell;

public enum TenantState { Uninitialized, Running, Disabled }

/// <summary>A campus as the host registry knows it.</summary>
public sealed record TenantInfo
{
    public const string DefaultName = "Default";
    /// <summary>The host's own database server (ConnectionStrings:Default).</summary>
    public const string MainServer = "utama";

    public required string Name { get; init; }
    public required string DisplayName { get; init; }
    /// <summary>First path segment that routes to this tenant ("unipma"), or empty.</summary>
    public string UrlPrefix { get; init; } = "";
    public IReadOnlyList<string> HostNames { get; init; } = [];
    public TenantState State { get; init; }
    public IReadOnlyList<string> EnabledFeatures { get; init; } = [];
    public string? RecipeName { get; init; }
    public required string DatabaseName { get; init; }
    /// <summary>Full connection string when the tenant's database lives elsewhere; null means the host server.</summary>
    public string? ConnectionString { get; init; }
    /// <summary>
    /// The database server the campus's database lives on: a name under <c>CampusKonseling:Servers</c>
    /// (its connection string and connection budget are in the host's configuration, never in the registry);
    /// null is the host's own server (<see cref="MainServer"/>).
    /// </summary>
    public string? Server { get; init; }
    public DateTimeOffset CreatedUtc { get; init; }
    /// <summary>When the registry entry last changed; a shell built from an older entry is rebuilt.</summary>
    public DateTimeOffset UpdatedUtc { get; init; }

    public bool IsDefault => string.Equals(Name, DefaultName, StringComparison.OrdinalIgnoreCase);
}
