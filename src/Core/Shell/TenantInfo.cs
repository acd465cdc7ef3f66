namespace CampusKonseling.Shell;

public enum TenantState { Uninitialized, Running, Disabled }

/// <summary>A campus as the host registry knows it.</summary>
public sealed record TenantInfo
{
    public const string DefaultName = "Default";

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
    public DateTimeOffset CreatedUtc { get; init; }
    /// <summary>When the registry entry last changed; a shell built from an older entry is rebuilt.</summary>
    public DateTimeOffset UpdatedUtc { get; init; }

    public bool IsDefault => string.Equals(Name, DefaultName, StringComparison.OrdinalIgnoreCase);
}
