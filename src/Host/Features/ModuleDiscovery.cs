using System.Reflection;
using CampusKonseling.Modules;
using Microsoft.AspNetCore.Mvc.ApplicationParts;

namespace CampusKonseling.Host.Features;

/// <summary>
/// Finds the modules the host references, without scanning folders: the build writes an
/// ApplicationPart attribute into the host assembly for every referenced Razor class library.
/// </summary>
public static class ModuleDiscovery
{
    public static IReadOnlyList<Assembly> ModuleAssemblies(Assembly host) =>
        host.GetCustomAttributes<ApplicationPartAttribute>()
            .Select(a => Assembly.Load(new AssemblyName(a.AssemblyName)))
            .Where(a => a.GetTypes().Any(IsManifest))
            .ToList();

    public static IReadOnlyList<IModuleManifest> Manifests(IEnumerable<Assembly> assemblies) =>
        assemblies.SelectMany(a => a.GetTypes().Where(IsManifest))
            .Select(t => (IModuleManifest)Activator.CreateInstance(t)!)
            .OrderBy(m => m.Id, StringComparer.Ordinal)
            .ToList();

    private static bool IsManifest(Type t) =>
        typeof(IModuleManifest).IsAssignableFrom(t) && t is { IsClass: true, IsAbstract: false };
}
