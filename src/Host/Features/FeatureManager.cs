using CampusKonseling.Host.Shells;
using CampusKonseling.Modules;
using CampusKonseling.Shell;

namespace CampusKonseling.Host.Features;

public sealed class FeatureManager(
    FeatureCatalog catalog, ITenantRegistry registry, IShellHost shells, FeatureMigrator migrator, ShellAudit audit,
    ILogger<FeatureManager> logger) : IFeatureManager
{
    public async Task<FeatureChange> EnableAsync(ShellContext shell, IEnumerable<string> featureIds, CancellationToken ct = default)
    {
        var plan = Plan(shell.Tenant, featureIds, out var error);
        if (error is not null) return new FeatureChange(false, [], error);
        var added = plan.Where(f => !shell.IsEnabled(f)).ToList();
        if (added.Count == 0) return new FeatureChange(true, [], null);

        await using (var scope = shells.CreateScope(shell))
            await migrator.MigrateAsync(scope.ServiceProvider, shell, added, ct);

        await SaveAsync(shell.Tenant, shell.Tenant.EnabledFeatures.Concat(added), ct);
        logger.LogInformation("Tenant {Tenant}: enabled {Features}", shell.Name, string.Join(", ", added));
        await RecordAsync(shell.Name, added, "diaktifkan", ct);
        return new FeatureChange(true, added, null);
    }

    public async Task<FeatureChange> DisableAsync(ShellContext shell, string featureId, CancellationToken ct = default)
    {
        var entry = catalog.Find(featureId);
        if (entry is null) return new FeatureChange(false, [], $"Fitur '{featureId}' tidak dikenal.");
        if (!shell.IsEnabled(entry.Feature.Id)) return new FeatureChange(true, [], null);
        if (entry.Feature.Availability == FeatureAvailability.Always)
            return new FeatureChange(false, [], $"Fitur '{entry.Feature.Name}' adalah fitur inti dan tidak dapat dinonaktifkan.");

        var dependents = catalog.Dependents(entry.Feature.Id, shell.Features);
        if (dependents.Count > 0)
        {
            var names = string.Join(", ", dependents.Select(d => $"'{catalog.Find(d)!.Feature.Name}'"));
            return new FeatureChange(false, [],
                $"Fitur '{entry.Feature.Name}' tidak dapat dinonaktifkan karena fitur aktif berikut membutuhkannya: {names}. Nonaktifkan fitur tersebut terlebih dahulu.");
        }

        await SaveAsync(shell.Tenant, shell.Tenant.EnabledFeatures.Where(f => !f.Equals(entry.Feature.Id, StringComparison.OrdinalIgnoreCase)), ct);
        logger.LogInformation("Tenant {Tenant}: disabled {Feature}", shell.Name, entry.Feature.Id);
        await RecordAsync(shell.Name, [entry.Feature.Id], "dinonaktifkan", ct);
        return new FeatureChange(true, [entry.Feature.Id], null);
    }

    /// <summary>The tenant's features after enabling the given ones with their dependencies, or an error.</summary>
    public IReadOnlyList<string> Plan(TenantInfo tenant, IEnumerable<string> featureIds, out string? error)
    {
        error = null;
        var plan = new List<string>(tenant.EnabledFeatures);
        foreach (var id in catalog.AlwaysEnabled.Concat(featureIds))
        {
            var entry = catalog.Find(id);
            if (entry is null) { error = $"Fitur '{id}' tidak dikenal."; return []; }
            foreach (var f in catalog.WithDependencies(entry.Feature.Id))
            {
                var fe = catalog.Find(f)!;
                if (fe.Feature.Availability == FeatureAvailability.DefaultTenantOnly && !tenant.IsDefault)
                {
                    error = $"Fitur '{fe.Feature.Name}' hanya tersedia untuk administrasi host.";
                    return [];
                }
                if (!plan.Contains(f, StringComparer.OrdinalIgnoreCase)) plan.Add(f);
            }
        }
        return plan;
    }

    /// <summary>A switched feature opens or closes whole areas of a campus (cases, audit, the API): it is on the campus's audit trail.</summary>
    private Task RecordAsync(string tenant, IReadOnlyList<string> features, string done, CancellationToken ct) =>
        audit.RecordAsync(tenant, new CampusKonseling.Audit.AuditEvent(CampusKonseling.Audit.AuditKinds.Ubah, "fitur", string.Join(",", features),
            $"Fitur {string.Join(", ", features)} {done}"), ct);

    private async Task SaveAsync(TenantInfo tenant, IEnumerable<string> features, CancellationToken ct)
    {
        var current = await registry.FindAsync(tenant.Name, ct) ?? tenant;
        await registry.SaveAsync(current with { EnabledFeatures = features.Distinct(StringComparer.OrdinalIgnoreCase).ToList() }, ct);
        await shells.ReloadAsync(tenant.Name);
    }
}
