using CampusKonseling.Host.Recipes;
using CampusKonseling.Host.Setup;
using CampusKonseling.Shell;

namespace CampusKonseling.Host.Cli;

/// <summary>
/// Operator verbs: <c>recipes validate FILE</c>, <c>recipes import-sop FILE</c>, <c>recipes list</c>, <c>tenants list</c>,
/// <c>tenants create --name X --prefix X [--host H] [--display-name D] [--server S] --recipe FILE [--admin-email E --admin-password P]</c>,
/// <c>tenants move NAME --server S [--drop-source]</c>,
/// <c>tenants disable|enable|delete NAME</c>. Anything else starts the web host.
/// </summary>
public sealed class CommandLine
{
    private static readonly string[] Verbs = ["recipes", "tenants"];
    private readonly string[] _command;

    private CommandLine(string[] command, string[] hostArgs)
    {
        _command = command;
        HostArgs = hostArgs;
    }

    public string[] HostArgs { get; }
    public bool IsCommand => _command.Length > 0;

    public static CommandLine Parse(string[] args) => args switch
    {
        // Checking a recipe says whether it is well formed; whether its demo users may be created is decided where it runs.
        ["recipes", "validate", ..] => new CommandLine(args, ["--CampusKonseling:AllowDemoUsers=true"]),
        [var verb, ..] when Verbs.Contains(verb) => new CommandLine(args, []),
        _ => new CommandLine([], args),
    };

    public async Task<int> RunAsync(WebApplication app)
    {
        var output = Console.Out;
        var services = app.Services;
        try
        {
            switch (_command)
            {
                case ["recipes", "validate", var file]:
                    return await ValidateRecipe(services, file, output);
                case ["recipes", "list"]:
                    foreach (var r in services.GetRequiredService<RecipeRunner>().Available())
                        await output.WriteLineAsync($"{r.Header.Name}\t{r.Header.DisplayName}\t{r.Path}");
                    return 0;
                case ["tenants", "list"]:
                    await services.GetRequiredService<HostBootstrapper>().EnsureHostDatabaseAsync(default);
                    foreach (var t in await services.GetRequiredService<ITenantRegistry>().ListAsync())
                        await output.WriteLineAsync($"{t.Name}\t{t.State}\t/{t.UrlPrefix}\t{string.Join(',', t.HostNames)}\t{t.RecipeName}\t{t.DatabaseName}\t{t.Server ?? TenantInfo.MainServer}");
                    return 0;
                case ["tenants", "create", .. var options]:
                    return await CreateTenant(services, Options(options), output);
                case ["tenants", "disable" or "enable", var name]:
                    await services.GetRequiredService<TenantManager>().SetStateAsync(name, _command[1] == "disable" ? TenantState.Disabled : TenantState.Running);
                    await output.WriteLineAsync($"{name}: {_command[1]}d");
                    return 0;
                case ["tenants", "move", var name, "--server", var server, .. var rest] when rest is [] or ["--drop-source"]:
                {
                    await services.GetRequiredService<HostBootstrapper>().EnsureHostDatabaseAsync(default);
                    var errors = await services.GetRequiredService<CampusMove>().MoveAsync(name, server, rest is ["--drop-source"], output);
                    foreach (var e in errors) await Console.Error.WriteLineAsync(e);
                    return errors.Count == 0 ? 0 : 1;
                }
                case ["tenants", "delete", var name, "--confirm", var confirm] when confirm == name:
                    await services.GetRequiredService<TenantManager>().DeleteAsync(name);
                    await output.WriteLineAsync($"{name}: deleted, database dropped");
                    return 0;
                default:
                    await Console.Error.WriteLineAsync(Usage);
                    return 2;
            }
        }
        catch (Exception ex) when (ex is KeyNotFoundException or InvalidOperationException)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 1;
        }
    }

    private const string Usage = """
        Usage:
          recipes validate FILE
          recipes import-sop FILE.docx|FILE.txt
          recipes list
          tenants list
          tenants create --name NAME --prefix PREFIX [--host HOSTNAME] [--display-name TEXT] [--server SERVER] --recipe FILE [--admin-email E --admin-password P]
          tenants disable NAME | tenants enable NAME
          tenants move NAME --server SERVER [--drop-source]
          tenants delete NAME --confirm NAME
        """;

    /// <summary>
    /// `dotnet run --project src/Host` runs the host in its project folder, so a path the operator
    /// typed from the repository root ("recipes/x.recipe.json") is also looked for upward and in the recipes folder.
    /// </summary>
    private static string Resolve(IServiceProvider services, string file)
    {
        if (File.Exists(file) || Path.IsPathRooted(file)) return file;
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, file);
            if (File.Exists(candidate)) return candidate;
        }
        return services.GetRequiredService<RecipeFolder>().Find(file) ?? file;
    }

    private static async Task<int> ValidateRecipe(IServiceProvider services, string file, TextWriter output)
    {
        file = Resolve(services, file);
        if (!File.Exists(file))
        {
            await Console.Error.WriteLineAsync($"{file}: $: berkas tidak ditemukan");
            return 1;
        }
        var (header, result) = await services.GetRequiredService<RecipeRunner>().ValidateAsync(file, await File.ReadAllTextAsync(file), null);
        foreach (var error in result.Errors) await Console.Error.WriteLineAsync(error.ToString());
        if (result.Succeeded) await output.WriteLineAsync($"{Path.GetFileName(file)}: OK ({header?.DisplayName})");
        return result.Succeeded ? 0 : 1;
    }

    private static async Task<int> CreateTenant(IServiceProvider services, Dictionary<string, List<string>> o, TextWriter output)
    {
        string? One(string key) => o.TryGetValue(key, out var v) ? v[^1] : null;
        var name = One("name");
        var recipe = One("recipe") is { } r ? Resolve(services, r) : null;
        if (name is null || recipe is null)
        {
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }
        await services.GetRequiredService<HostBootstrapper>().EnsureHostDatabaseAsync(default);
        var manager = services.GetRequiredService<TenantManager>();
        var admin = One("admin-email") is { } email && One("admin-password") is { } password ? new SetupAdmin(email, password) : null;
        // All or nothing: a refused recipe leaves no campus behind, so the same command can be run again once it is mended.
        var created = await manager.CreateFromRecipeAsync(new NewTenant(name, One("display-name") ?? name, One("prefix") ?? "", o.GetValueOrDefault("host") ?? [], recipe, Server: One("server")), admin);
        foreach (var e in created.Errors) await Console.Error.WriteLineAsync(e);
        foreach (var e in created.RecipeErrors) await Console.Error.WriteLineAsync(e.ToString());
        if (created.Succeeded) await output.WriteLineAsync($"{name}: set up from {Path.GetFileName(recipe)}");
        return created.Succeeded ? 0 : 1;
    }

    private static Dictionary<string, List<string>> Options(string[] args)
    {
        var result = new Dictionary<string, List<string>>();
        for (var i = 0; i < args.Length - 1; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal)) continue;
            var key = args[i][2..];
            if (!result.TryGetValue(key, out var list)) result[key] = list = [];
            list.Add(args[++i]);
        }
        return result;
    }
}
