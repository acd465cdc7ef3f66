using Microsoft.Extensions.Options;

namespace CampusKonseling.Host.Recipes;

/// <summary>Where the platform's recipes live: the configured folder, found upward from the app when relative.</summary>
public sealed class RecipeFolder(IOptions<CampusKonselingOptions> options, IWebHostEnvironment env)
{
    private string? _path;

    public string Path => _path ??= Resolve(options.Value.RecipesPath, [Directory.GetCurrentDirectory(), env.ContentRootPath, AppContext.BaseDirectory]);

    private static string Resolve(string configured, IEnumerable<string> starts)
    {
        if (System.IO.Path.IsPathRooted(configured)) return configured;
        foreach (var start in starts)
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = System.IO.Path.Combine(dir.FullName, configured);
                if (Directory.Exists(candidate)) return candidate;
            }
        }
        return System.IO.Path.GetFullPath(configured);
    }

    public IEnumerable<string> Files() =>
        Directory.Exists(Path) ? Directory.GetFiles(Path, "*.recipe.json").Order(StringComparer.Ordinal) : [];

    /// <summary>A recipe file by its name ("unipma") or file name, only from the recipes folder.</summary>
    public string? Find(string name)
    {
        var fileName = System.IO.Path.GetFileName(name);
        if (!fileName.EndsWith(".recipe.json", StringComparison.OrdinalIgnoreCase)) fileName += ".recipe.json";
        var full = System.IO.Path.Combine(Path, fileName);
        return File.Exists(full) ? full : null;
    }
}
