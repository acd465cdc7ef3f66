using System.Collections.Concurrent;
using System.Security.Cryptography;
using CampusKonseling.Host.Setup;
using CampusKonseling.Shell;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CampusKonseling.Tests.Infrastructure;

/// <summary>
/// Most test classes start each test on a fresh campus, and setting one up from a recipe (migrating
/// every module, running the recipe, making the administrator) takes over a second; hundreds of them
/// made the suite take half an hour. So the first campus of each recipe is set up the real way, its
/// database is kept as a PostgreSQL template, and every later campus of that recipe is a copy
/// (CREATE DATABASE … TEMPLATE, a fraction of the time) with the registry entry the recipe gave the
/// first one, its own name, prefix and host names, and its own administrator's e-mail.
///
/// A freshly set-up campus holds nothing else of its own: the recipe's audit entry, settings, forms,
/// SOPs and staff are the same for every campus of a recipe, and the key rings (counseling notes,
/// archive) are made at first use, so each copy still gets its own. Set CK_TEST_TEMPLATES=0 to set up
/// every campus the real way.
/// </summary>
internal sealed class CampusTemplates(PlatformFixture platform)
{
    public static bool Enabled => Environment.GetEnvironmentVariable("CK_TEST_TEMPLATES") != "0";

    public sealed record Template(string Database, string AdminEmail, TenantInfo Entry);

    private readonly ConcurrentDictionary<string, Lazy<Task<Template>>> _byRecipe = new();

    /// <summary>The template of a recipe file, made the first time it is asked for (by content: test recipes are rewritten).</summary>
    public Task<Template> GetAsync(string file)
    {
        var key = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file)))[..16] + "|" + Path.GetFileName(file);
        return _byRecipe.GetOrAdd(key, _ => new Lazy<Task<Template>>(() => MakeAsync(file))).Value;
    }

    private async Task<Template> MakeAsync(string file)
    {
        var source = await platform.SetUpAsync(file, "tpl", null);
        var registry = platform.Services.GetRequiredService<ITenantRegistry>();
        var entry = await registry.FindAsync(source.Name) ?? throw new InvalidOperationException(source.Name);
        // Out of the running platform (no shell, no scheduler visits it), then its database copied and the campus deleted.
        await platform.Services.GetRequiredService<TenantManager>().SetStateAsync(source.Name, TenantState.Disabled);
        var database = TestDatabase.TenantDatabasePrefix + "tpl_" + Guid.NewGuid().ToString("N")[..12];
        await CopyDatabaseAsync(source.Database, database);
        await platform.Services.GetRequiredService<TenantManager>().DeleteAsync(source.Name);
        return new Template(database, source.AdminEmail, entry);
    }

    /// <summary>A new campus named <paramref name="name"/>: the template's database copied and registered as set up.</summary>
    public async Task<TestTenant> CopyAsync(Template template, string name, IReadOnlyList<string> hostNames)
    {
        var manager = platform.Services.GetRequiredService<TenantManager>();
        var registry = platform.Services.GetRequiredService<ITenantRegistry>();
        var errors = await manager.CreateAsync(new NewTenant(name, $"Kampus {name}", name, hostNames, null));
        Assert.Empty(errors);
        var registered = await registry.FindAsync(name) ?? throw new InvalidOperationException(name);

        await CopyDatabaseAsync(template.Database, registered.DatabaseName);
        var admin = PlatformFixture.AdminEmailOf(name);
        await TestDatabase.ExecuteAsync(registered.DatabaseName, $"""
            UPDATE identity."AspNetUsers"
               SET "UserName" = '{admin}', "NormalizedUserName" = '{admin.ToUpperInvariant()}',
                   "Email" = '{admin}', "NormalizedEmail" = '{admin.ToUpperInvariant()}'
             WHERE "NormalizedEmail" = '{template.AdminEmail.ToUpperInvariant()}'
            """);

        await registry.SaveAsync(template.Entry with
        {
            Name = registered.Name, DisplayName = registered.DisplayName, UrlPrefix = registered.UrlPrefix,
            HostNames = registered.HostNames, DatabaseName = registered.DatabaseName,
            ConnectionString = registered.ConnectionString, CreatedUtc = registered.CreatedUtc, State = TenantState.Running,
        });
        await platform.Services.GetRequiredService<IShellHost>().ReloadAsync(name);
        return new TestTenant(name, name, admin, PlatformFixture.TenantAdminPassword, registered.DatabaseName);
    }

    /// <summary>
    /// CREATE DATABASE … TEMPLATE needs no one else connected to the source; the server ends its own
    /// autovacuum workers, but a pooled connection closing a moment late is waited for.
    /// </summary>
    private static async Task CopyDatabaseAsync(string source, string target)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await TestDatabase.ExecuteAsync("postgres",
                    $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{source}' AND usename = current_user AND pid <> pg_backend_pid()");
                await TestDatabase.ExecuteAsync("postgres", $"CREATE DATABASE \"{target}\" TEMPLATE \"{source}\"");
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 40)
            {
                await Task.Delay(250);
            }
        }
    }

    /// <summary>The templates are dropped at the end of the run (and by the next run's clean-up if it was cut short).</summary>
    public async Task DropAsync()
    {
        foreach (var lazy in _byRecipe.Values)
            if (lazy.IsValueCreated && lazy.Value.IsCompletedSuccessfully)
                await TestDatabase.DropAsync(lazy.Value.Result.Database);
    }
}
