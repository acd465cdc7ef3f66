namespace CampusKonseling.Host;

/// <summary>Bound to the "CampusKonseling" configuration section.</summary>
public sealed class CampusKonselingOptions
{
    public const string Section = "CampusKonseling";

    /// <summary>Folder holding the campus recipes (*.recipe.json).</summary>
    public string RecipesPath { get; set; } = "recipes";

    /// <summary>Set up one demo campus per recipe at start (./run.sh turns this on).</summary>
    public bool DemoTenants { get; set; }

    /// <summary>The "users" recipe step creates sign-ins; it is refused unless this is on.</summary>
    public bool AllowDemoUsers { get; set; }

    /// <summary>Password of the demo campus administrators created with DemoTenants.</summary>
    public string DemoAdminPassword { get; set; } = "Demo12345";

    /// <summary>Databases of campuses are named with this prefix on the host's server.</summary>
    public string TenantDatabasePrefix { get; set; } = "ck_";

    /// <summary>Largest connection pool of one campus, within its server's <see cref="DatabaseServerOptions.MaxConnections"/>.</summary>
    public int TenantMaxPoolSize { get; set; } = 20;

    /// <summary>Seconds an idle connection of a campus's pool stays open; short, so idle campuses hold none.</summary>
    public int TenantConnectionIdleSeconds { get; set; } = 15;

    /// <summary>
    /// The host's own database server (ConnectionStrings:Default), as the server "utama": how many connections all its
    /// campuses together may hold, and how long a request waits for one.
    /// </summary>
    public DatabaseServerOptions Database { get; set; } = new();

    /// <summary>Further database servers campuses can live on, by name (<c>tenants create --server NAME</c>).</summary>
    public Dictionary<string, DatabaseServerOptions> Servers { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>This host process's name in PostgreSQL's pg_stat_activity (application_name "campuskonseling:NAME").</summary>
    public string NodeName { get; set; } = Environment.MachineName;

    /// <summary>Seconds a campus may go without requests before its shell (pool, caches) is released; its next request builds it again.</summary>
    public int ShellIdleSeconds { get; set; } = 600;

    public HostAdminOptions HostAdmin { get; set; } = new();
}

public sealed class HostAdminOptions
{
    public string Email { get; set; } = "admin@localhost";
    /// <summary>When empty, a random password is generated at first start and written to the log once.</summary>
    public string? Password { get; set; }
}

/// <summary>One PostgreSQL server campuses' databases live on.</summary>
public sealed class DatabaseServerOptions
{
    /// <summary>
    /// A connection string to the server for a role that may create databases (its Database is ignored;
    /// campuses get their own). Not used for "utama", which is ConnectionStrings:Default.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// Connections all campuses on this server may hold at once (the connection budget). Keep the server's
    /// max_connections above the sum of the budgets of every host process using it, plus each host's own pool.
    /// </summary>
    public int MaxConnections { get; set; } = 60;

    /// <summary>Seconds a request waits for a free connection before the campus answers "sibuk" (503).</summary>
    public int WaitSeconds { get; set; } = 30;
}
