using CampusKonseling.Modules;
using CampusKonseling.Shell;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Host.Shells;

/// <summary>Applies the committed migrations of features to a tenant's database.</summary>
public sealed class FeatureMigrator(IEnumerable<FeatureService> registrations, ILogger<FeatureMigrator> logger)
{
    private readonly FeatureService[] _contexts = registrations.Where(r => r.Kind == FeatureServiceKind.DbContext).ToArray();

    public async Task MigrateAsync(IServiceProvider scope, ShellContext shell, IEnumerable<string> features, CancellationToken ct)
    {
        var wanted = features.ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var registration in _contexts.Where(c => wanted.Contains(c.FeatureId)))
        {
            var db = (DbContext)scope.GetRequiredService(registration.ImplementationType);
            var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
            if (pending.Count == 0) continue;
            logger.LogInformation("Applying {Count} migration(s) of {Context} for tenant {Tenant}", pending.Count, registration.ImplementationType.Name, shell.Name);
            await db.Database.MigrateAsync(ct);
        }
    }
}
