namespace CampusKonseling.Shell;

public interface IShellHost
{
    /// <summary>The running shell of a tenant, built on first use; null when it failed (see <see cref="GetFailure"/>).</summary>
    Task<ShellContext?> GetShellAsync(string tenantName, CancellationToken ct = default);

    ShellFailure? GetFailure(string tenantName);

    /// <summary>
    /// Background work in a campus: runs <paramref name="work"/> in its live shell, or in one built for the visit
    /// and released afterwards, so background work does not keep an idle campus in memory.
    /// </summary>
    /// <returns>False when the campus is not running (or failed to start); the work did not run.</returns>
    Task<bool> VisitAsync(string tenantName, Func<ShellContext, Task> work, CancellationToken ct = default);

    /// <summary>Drops the cached shell so the next request rebuilds it from the registry.</summary>
    Task ReloadAsync(string tenantName);

    /// <summary>A DI scope working for the given shell (for jobs, recipes, the CLI).</summary>
    Microsoft.Extensions.DependencyInjection.AsyncServiceScope CreateScope(ShellContext shell);
}
