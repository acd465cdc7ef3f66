using CampusKonseling.Host.Setup;
using CampusKonseling.Shell;
using CampusKonseling.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CampusKonseling.Tests.Tenancy;

[Collection(PlatformCollection.Name)]
public sealed class TenantSetupTests(PlatformFixture platform)
{
    [Fact]
    public async Task Setting_up_from_a_bad_recipe_leaves_no_database_and_the_campus_unprepared()
    {
        var manager = platform.Services.GetRequiredService<TenantManager>();
        var name = platform.NewTenantName("buruk");
        var recipe = Path.Combine(Path.GetTempPath(), $"{name}.recipe.json");
        await File.WriteAllTextAsync(recipe, """{ "name": "buruk", "displayName": "Buruk", "steps": [ { "name": "roles", "roles": [ { "permissions": [] } ] } ] }""");
        try
        {
            Assert.Empty(await manager.CreateAsync(new NewTenant(name, "Buruk", name, [], recipe)));
            var result = await manager.SetupAsync(name, recipe, new SetupAdmin($"admin@{name}.test", PlatformFixture.TenantAdminPassword));
            var error = Assert.Single(result.Errors);
            Assert.Equal(("$.steps[0].roles[0].name", "wajib diisi dengan teks"), (error.Path, error.Reason));
            Assert.False(await TestDatabase.DatabaseExistsAsync(TestDatabase.TenantDatabasePrefix + name));
            Assert.Equal(TenantState.Uninitialized, (await platform.Services.GetRequiredService<ITenantRegistry>().FindAsync(name))!.State);

            using var visitor = platform.Client();
            var (status, page) = await visitor.PageAsync($"{name}/");
            Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, status);
            Assert.Contains("belum disiapkan", page.Body!.TextContent);
        }
        finally
        {
            File.Delete(recipe);
            await manager.DeleteAsync(name);
        }
    }

    [Fact]
    public async Task Operators_create_list_and_delete_campuses_from_the_command_line()
    {
        var name = platform.NewTenantName("cli");
        var create = await Cli.RunAsync("tenants", "create", "--name", name, "--prefix", name, "--display-name", "Kampus CLI",
            "--recipe", Path.Combine(RepoPaths.Recipes, "iuqi.recipe.json"), "--admin-email", $"admin@{name}.test", "--admin-password", "Rahasia123");
        Assert.True(create.Code == 0, create.Error);
        Assert.True(await TestDatabase.DatabaseExistsAsync(TestDatabase.TenantDatabasePrefix + name));

        var list = await Cli.RunAsync("tenants", "list");
        Assert.Contains(list.Output.Split('\n'), line => line.StartsWith($"{name}\tRunning\t/{name}"));

        using (var client = platform.Client())
            await client.SignInAsync(name, $"admin@{name}.test", "Rahasia123");

        var refused = await Cli.RunAsync("tenants", "delete", name, "--confirm", "salah");
        Assert.Equal(2, refused.Code);
        Assert.True(await TestDatabase.DatabaseExistsAsync(TestDatabase.TenantDatabasePrefix + name));

        var delete = await Cli.RunAsync("tenants", "delete", name, "--confirm", name);
        Assert.True(delete.Code == 0, delete.Error);
        Assert.False(await TestDatabase.DatabaseExistsAsync(TestDatabase.TenantDatabasePrefix + name));
    }

    [Fact]
    public async Task A_campus_whose_recipe_is_refused_leaves_nothing_behind_and_the_same_name_is_created_once_the_recipe_is_mended()
    {
        var name = platform.NewTenantName("ulang");
        var bad = Path.Combine(Path.GetTempPath(), $"{name}.recipe.json");
        await File.WriteAllTextAsync(bad, """{ "name": "buruk", "displayName": "Buruk", "steps": [ { "name": "roles", "roles": [ { "permissions": [] } ] } ] }""");
        try
        {
            var refused = await Cli.RunAsync("tenants", "create", "--name", name, "--prefix", name, "--display-name", "Kampus Ulang", "--recipe", bad,
                "--admin-email", $"admin@{name}.test", "--admin-password", "Rahasia123");
            Assert.Equal(1, refused.Code);
            Assert.Contains("wajib diisi dengan teks", refused.Error);
            Assert.DoesNotContain((await Cli.RunAsync("tenants", "list")).Output.Split('\n'), line => line.StartsWith($"{name}\t"));
            Assert.False(await TestDatabase.DatabaseExistsAsync(TestDatabase.TenantDatabasePrefix + name));

            // The same command with the mended recipe: no "already exists", and the campus answers at once.
            var created = await Cli.RunAsync("tenants", "create", "--name", name, "--prefix", name, "--display-name", "Kampus Ulang",
                "--recipe", Path.Combine(RepoPaths.Recipes, "iuqi.recipe.json"), "--admin-email", $"admin@{name}.test", "--admin-password", "Rahasia123");
            Assert.True(created.Code == 0, created.Error);
            using var client = platform.Client();
            await client.SignInAsync(name, $"admin@{name}.test", "Rahasia123");
        }
        finally
        {
            File.Delete(bad);
            await Cli.RunAsync("tenants", "delete", name, "--confirm", name);
        }
    }
}
