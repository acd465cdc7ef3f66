using CampusKonseling.Host.Setup;
using CampusKonseling.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace CampusKonseling.Tests.Operations;

/// <summary>
/// Demo campuses and demo sign-ins (published passwords) never run on a real server: a host in Production with
/// either setting on refuses to start and says which setting and how to fix it; ./run.sh's Demo environment
/// still starts, and checking a recipe from the command line still works in Production.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class DemoSettingsTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    [Theory]
    [InlineData("Production", "CampusKonseling:AllowDemoUsers", true)]
    [InlineData("Production", "CampusKonseling:DemoTenants", true)]
    [InlineData("Staging", "CampusKonseling:AllowDemoUsers", true)]
    [InlineData("Demo", "CampusKonseling:AllowDemoUsers", false)]
    [InlineData("Development", "CampusKonseling:DemoTenants", false)]
    [InlineData("Testing", "CampusKonseling:AllowDemoUsers", false)]
    public void Demo_settings_are_refused_outside_the_demo_development_and_test_environments(string environment, string key, bool refused)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = "true" }).Build();
        var refusal = DemoSettings.Refusal(configuration, new Environment(environment));
        Assert.Equal(refused, refusal is not null);
        if (refused) Assert.Contains($"{key} = true", refusal);
    }

    [Fact]
    public void Production_without_demo_settings_starts()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CampusKonseling:AllowDemoUsers"] = "false", ["CampusKonseling:DemoTenants"] = "False",
        }).Build();
        Assert.Null(DemoSettings.Refusal(configuration, new Environment("Production")));
    }

    [Fact]
    public async Task A_production_host_with_demo_users_refuses_to_start_and_says_which_setting_and_how_to_fix_it()
    {
        // As `dotnet CampusKonseling.Host.dll` under systemd, with the demo's setting copied into its environment.
        await using var host = HostProcess.Start(new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production", ["DOTNET_ENVIRONMENT"] = null,
            ["CampusKonseling__AllowDemoUsers"] = "true", ["CampusKonseling__DemoTenants"] = null,
        }, "--urls", $"http://127.0.0.1:{TestHost.FreePort()}");
        Assert.Equal(DemoSettings.ExitCode, await host.ExitCodeAsync(StartTimeout));
        var output = host.Output;
        Assert.Contains("CampusKonseling refuses to start: demo settings are on in the Production environment.", output);
        Assert.Contains("CampusKonseling:AllowDemoUsers = true (environment variable CampusKonseling__AllowDemoUsers; set by EnvironmentVariablesConfigurationProvider", output);
        Assert.Contains("To fix it, remove this setting (or set it to false) where you set it.", output);
        Assert.Contains("ASPNETCORE_ENVIRONMENT=Demo", output);
        Assert.DoesNotContain("CampusKonseling:DemoTenants", output);
        Assert.DoesNotContain("Unhandled exception", output);
        Assert.DoesNotContain("Now listening", output);
    }

    [Fact]
    public async Task Both_demo_settings_are_named_when_both_are_on()
    {
        await using var host = HostProcess.Start(new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = null, ["DOTNET_ENVIRONMENT"] = null, // no environment at all is Production
            ["CampusKonseling__AllowDemoUsers"] = "true", ["CampusKonseling__DemoTenants"] = "true",
        }, "--urls", $"http://127.0.0.1:{TestHost.FreePort()}");
        Assert.Equal(DemoSettings.ExitCode, await host.ExitCodeAsync(StartTimeout));
        Assert.Contains("CampusKonseling:DemoTenants = true", host.Output);
        Assert.Contains("CampusKonseling:AllowDemoUsers = true", host.Output);
        Assert.Contains("To fix it, remove these settings (or set them to false) where you set them.", host.Output);
    }

    [Fact]
    public async Task The_demo_environment_of_run_sh_still_starts_with_demo_settings()
    {
        var recipes = Directory.CreateTempSubdirectory("ck-no-recipes-"); // no demo campus to make: only the start matters here
        try
        {
            var address = new Uri($"http://127.0.0.1:{TestHost.FreePort()}/");
            await using var host = HostProcess.Start(new Dictionary<string, string?>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Demo", ["DOTNET_ENVIRONMENT"] = null,
                ["CampusKonseling__AllowDemoUsers"] = "true", ["CampusKonseling__DemoTenants"] = "true",
                ["CampusKonseling__RecipesPath"] = recipes.FullName,
                // A second process on the test database: it must not fire the suite's timers.
                ["CampusKonseling__RunScheduler"] = "false",
            }, "--urls", address.ToString().TrimEnd('/'));
            await host.WaitForHealthAsync(address, StartTimeout);
            Assert.DoesNotContain("refuses to start", host.Output);
        }
        finally
        {
            recipes.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Checking_a_recipe_with_demo_users_still_works_on_a_production_machine()
    {
        // The verbs run in whatever environment the operator's shell has; Production is the strictest.
        var start = Cli.StartInfo("recipes", "validate", Path.Combine(RepoPaths.Recipes, "konseling-asesmen.recipe.json"));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment.Remove("CampusKonseling__AllowDemoUsers"); // a production configuration has none
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}: {output}{error}");
        Assert.Contains("konseling-asesmen.recipe.json: OK", output);
    }

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "CampusKonseling.Host";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
