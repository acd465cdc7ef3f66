using System.Reflection;
using System.Xml.Linq;
using CampusKonseling.Host.Features;
using CampusKonseling.Modules;
using CampusKonseling.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace CampusKonseling.Tests.Architecture;

/// <summary>Modules talk through Core's contracts only; each owns its pages and its schema.</summary>
public sealed class ModuleBoundaryTests
{
    private static readonly IReadOnlyList<Assembly> Modules = ModuleDiscovery.ModuleAssemblies(typeof(Program).Assembly);

    public static IEnumerable<object[]> ModuleProjects() =>
        Directory.GetDirectories(Path.Combine(RepoPaths.Root, "src", "Modules"))
            .Concat(Directory.GetDirectories(Path.Combine(RepoPaths.Root, "src", "Themes")))
            .Select(d => new object[] { Path.GetRelativePath(RepoPaths.Root, Directory.GetFiles(d, "*.csproj").Single()) });

    [Theory]
    [MemberData(nameof(ModuleProjects))]
    public void A_module_project_references_only_core(string project)
    {
        var references = XDocument.Load(Path.Combine(RepoPaths.Root, project)).Descendants("ProjectReference")
            .Select(r => Path.GetFileName(r.Attribute("Include")!.Value)).ToList();
        Assert.All(references, r => Assert.Equal("CampusKonseling.Core.csproj", r));
    }

    [Fact]
    public void Every_referenced_module_is_discovered_with_a_manifest()
    {
        var names = Modules.Select(a => a.GetName().Name).Order().ToList();
        Assert.Equal(
            ["CampusKonseling.Admin", "CampusKonseling.Archive", "CampusKonseling.Audit", "CampusKonseling.Cases", "CampusKonseling.Directory", "CampusKonseling.Forms", "CampusKonseling.Identity", "CampusKonseling.Letters", "CampusKonseling.Notifications", "CampusKonseling.Pages", "CampusKonseling.Privasi", "CampusKonseling.Programs", "CampusKonseling.Reports", "CampusKonseling.Site", "CampusKonseling.Sop", "CampusKonseling.Tenants", "CampusKonseling.Themes.Admin", "CampusKonseling.Themes.Campus"],
            names);
    }

    [Fact]
    public void No_module_assembly_references_another_module()
    {
        var moduleNames = Modules.Select(a => a.GetName().Name!).ToHashSet();
        foreach (var module in Modules)
        {
            var others = module.GetReferencedAssemblies().Select(r => r.Name!).Where(moduleNames.Contains).ToList();
            Assert.True(others.Count == 0, $"{module.GetName().Name} references {string.Join(", ", others)}");
        }
    }

    [Fact]
    public void Module_pages_live_in_a_folder_named_after_the_module_so_paths_never_collide()
    {
        foreach (var dir in Directory.GetDirectories(Path.Combine(RepoPaths.Root, "src", "Modules")))
        {
            var module = Path.GetFileName(dir);
            var pages = Directory.GetFiles(Path.Combine(dir, "Pages"), "*.cshtml", SearchOption.AllDirectories)
                .Select(p => Path.GetRelativePath(Path.Combine(dir, "Pages"), p))
                .Where(p => Path.GetFileName(p) is not "_ViewImports.cshtml" and not "_ViewStart.cshtml" || p.Contains(Path.DirectorySeparatorChar));
            Assert.All(pages, p => Assert.StartsWith(module + Path.DirectorySeparatorChar, p));
        }
    }

    [Fact]
    public void Each_module_dbcontext_owns_a_schema_of_its_own()
    {
        var contexts = Modules.SelectMany(a => a.GetTypes()).Where(t => typeof(DbContext).IsAssignableFrom(t) && !t.IsAbstract).ToList();
        Assert.NotEmpty(contexts);
        var schemas = contexts.Select(t => (string)t.GetField("Schema")!.GetValue(null)!).ToList();
        Assert.Equal(schemas.Count, schemas.Distinct().Count());
        Assert.DoesNotContain("public", schemas);
        Assert.DoesNotContain("host", schemas);
    }

    [Fact]
    public void Every_feature_startup_is_constructible_and_every_feature_has_names_in_both_languages()
    {
        foreach (var manifest in ModuleDiscovery.Manifests(Modules))
        foreach (var feature in manifest.Features)
        {
            Assert.NotNull(Activator.CreateInstance(feature.Startup) as IFeatureStartup);
            Assert.False(string.IsNullOrWhiteSpace(feature.Name.Id));
            Assert.False(string.IsNullOrWhiteSpace(feature.Name.En));
        }
    }
}
