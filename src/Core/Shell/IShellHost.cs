namespace CampusKonseling.Shell;

public interface IShellHost
{
    /// <summary>The running shell of a tenant, built on first use; null when it failed (see <see cref="GetFailure"/>).</summary>
    Task<ShellContext?> GetShellAsync(string tenantName, CancellationToken ct = default);

    ShellFailure? GetFailure(string tenantName);

    /// <summary>Drops the cached shell so the next request rebuilds it from the registry.</summary>
    Task ReloadAsync(string tenantName);

    /// <summary>A DI scope working for the given shell (for jobs, recipes, the CLI).</summary>
    Microsoft.Extensions.DependencyInjection.AsyncServiceScope CreateScope(ShellContext shell);
}
