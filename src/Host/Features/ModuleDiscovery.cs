using System.Reflection;
using CampusKonseling.Modules;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.Extensions.DependencyModel;

namespace CampusKonseling.Host.Features;

/// <summary>
/// Finds the modules the host references, without scanning folders: the projects listed in
/// the host's dependency manifest (deps.json), plus the Razor class libraries the build names
/// as application parts; those holding an <see cref="IModuleManifest"/> are modules.
/// </summary>
public static class ModuleDiscovery
{
    public static IReadOnlyList<Assembly> ModuleAssemblies(Assembly host)
    {
        var names = host.GetCustomAttributes<ApplicationPartAttribute>().Select(a => a.AssemblyName)
            .Concat(DependencyContext.Load(host)?.RuntimeLibraries.Where(l => l.Type == "project").Select(l => l.Name) ?? [])
            .Where(n => n != host.GetName().Name)
            .Distinct(StringComparer.OrdinalIgnoreCase);
        return names.Select(n => Assembly.Load(new AssemblyName(n)))
            .Where(a => a.GetTypes().Any(IsManifest))
            .OrderBy(a => a.GetName().Name, StringComparer.Ordinal)
            .ToList();
    }

    public static IReadOnlyList<IModuleManifest> Manifests(IEnumerable<Assembly> assemblies) =>
        assemblies.SelectMany(a => a.GetTypes().Where(IsManifest))
            .Select(t => (IModuleManifest)Activator.CreateInstance(t)!)
            .OrderBy(m => m.Id, StringComparer.Ordinal)
            .ToList();

    private static bool IsManifest(Type t) =>
        typeof(IModuleManifest).IsAssignableFrom(t) && t is { IsClass: true, IsAbstract: false };
}
