namespace CampusKonseling.Tests.Infrastructure;

public static class RepoPaths
{
    public static string Root { get; } = FindRoot();
    public static string Recipes => Path.Combine(Root, "recipes");
    public static string Screenshots { get; } = Directory.CreateDirectory(Path.Combine(Root, "artifacts", "screenshots")).FullName;

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CampusKonseling.sln"))) return dir.FullName;
        throw new InvalidOperationException("Repository root (CampusKonseling.sln) not found.");
    }
}
