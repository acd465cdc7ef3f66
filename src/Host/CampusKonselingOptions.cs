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

    /// <summary>Largest connection pool of one campus; all campuses share the server's max_connections.</summary>
    public int TenantMaxPoolSize { get; set; } = 20;

    /// <summary>Seconds an idle connection of a campus's pool stays open; short, so idle campuses hold none.</summary>
    public int TenantConnectionIdleSeconds { get; set; } = 15;

    public HostAdminOptions HostAdmin { get; set; } = new();
}

public sealed class HostAdminOptions
{
    public string Email { get; set; } = "admin@localhost";
    /// <summary>When empty, a random password is generated at first start and written to the log once.</summary>
    public string? Password { get; set; }
}
