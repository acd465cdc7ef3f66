using CampusKonseling.Tests.Infrastructure;

namespace CampusKonseling.Tests.Recipes;

/// <summary>The shipped campus recipes are valid, and the operator CLI says so (or says where not).</summary>
public sealed class RecipeFilesTests
{
    public static IEnumerable<object[]> Shipped() =>
        Directory.GetFiles(RepoPaths.Recipes, "*.recipe.json").Select(f => new object[] { Path.GetFileName(f) });

    [Fact]
    public void Every_seed_institution_has_a_recipe()
    {
        var names = Shipped().Select(o => (string)o[0]).ToList();
        Assert.Equal(["ipdn.recipe.json", "iuqi.recipe.json", "konseling-asesmen.recipe.json", "unipma.recipe.json", "unpam.recipe.json"], names.Order());
    }

    [Theory]
    [MemberData(nameof(Shipped))]
    public async Task The_cli_accepts_each_shipped_recipe(string file)
    {
        var (code, output, error) = await Cli.RunAsync("recipes", "validate", Path.Combine(RepoPaths.Recipes, file));
        Assert.True(code == 0, error);
        Assert.Contains("OK", output);
    }

    [Fact]
    public async Task The_cli_rejects_a_bad_recipe_with_file_path_and_reason()
    {
        var bad = Path.Combine(Path.GetTempPath(), $"buruk-{Guid.NewGuid():N}.recipe.json");
        await File.WriteAllTextAsync(bad, """
            { "name": "buruk", "displayName": "Buruk", "steps": [ { "name": "settings", "timeZone": "Mars/Olympus" }, { "name": "terbang" } ] }
            """);
        try
        {
            var (code, _, error) = await Cli.RunAsync("recipes", "validate", bad);
            Assert.Equal(1, code);
            Assert.Contains($"{Path.GetFileName(bad)}: $.steps[0].timeZone: zona waktu 'Mars/Olympus' tidak dikenal", error);
            Assert.Contains($"{Path.GetFileName(bad)}: $.steps[1].name: tidak ada modul yang menangani langkah 'terbang'", error);
        }
        finally
        {
            File.Delete(bad);
        }
    }
}
