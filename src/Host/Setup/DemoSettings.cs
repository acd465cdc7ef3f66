namespace CampusKonseling.Host.Setup;

/// <summary>
/// Demo campuses and demo sign-ins have passwords printed in the README. They belong to a demo on one machine
/// (<c>./run.sh</c> runs in the <c>Demo</c> environment), a developer's machine and the tests; a host in any
/// other environment, Production above all (what <c>dotnet run -c Release</c> or a published build is without
/// ASPNETCORE_ENVIRONMENT), refuses to start with them, so a server set up from the demo's settings never
/// offers Admin12345 to a campus network. The operator verbs are not refused: <c>recipes validate</c> turns
/// AllowDemoUsers on for itself to check a recipe's users step, and none of them serves a page.
/// </summary>
public static class DemoSettings
{
    public static readonly string[] Environments = ["Demo", "Development", "Testing"];
    public static readonly string[] Keys = ["CampusKonseling:DemoTenants", "CampusKonseling:AllowDemoUsers"];

    /// <summary>EX_CONFIG from sysexits.h: the systemd unit in docs/operations.md does not restart on it.</summary>
    public const int ExitCode = 78;

    /// <summary>Why this host must not start, or null when it may.</summary>
    public static string? Refusal(IConfiguration configuration, IHostEnvironment environment)
    {
        if (Environments.Any(environment.IsEnvironment)) return null;
        var on = Keys.Where(k => configuration.GetValue<bool>(k)).ToList();
        if (on.Count == 0) return null;
        var settings = string.Join(Environment.NewLine, on.Select(k => $"  {k} = true (environment variable {k.Replace(":", "__")}{Source(configuration, k)})"));
        return $"""
            CampusKonseling refuses to start: demo settings are on in the {environment.EnvironmentName} environment.
            {settings}
            Demo campuses and demo sign-ins have published passwords and must not run on a real server.
            To fix it, remove {(on.Count == 1 ? "this setting (or set it" : "these settings (or set them")} to false) where you set {(on.Count == 1 ? "it" : "them")}.
            For a demo on this machine, use ./run.sh, or set ASPNETCORE_ENVIRONMENT=Demo.
            """;
    }

    /// <summary>Which configuration source set the value last, so the operator knows where to look.</summary>
    private static string Source(IConfiguration configuration, string key) =>
        configuration is IConfigurationRoot root && root.Providers.Reverse().FirstOrDefault(p => p.TryGet(key, out _)) is { } provider
            ? $"; set by {provider}"
            : "";
}
