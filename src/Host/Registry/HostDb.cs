using CampusKonseling.Data;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Host.Registry;

/// <summary>The host database: the registry of campuses. Campus data never lives here.</summary>
public sealed class HostDb(DbContextOptions<HostDb> options) : DbContext(options)
{
    public const string Schema = "host";

    public DbSet<TenantRecord> Tenants => Set<TenantRecord>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>The host database's options, for the app and the schema tests alike: snake_case names, as in the campuses.</summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string? connectionString) =>
        options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__EFMigrationsHistory", Schema)).UseSnakeCaseNames();

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.HasDefaultSchema(Schema);
        b.Entity<TenantRecord>(t =>
        {
            t.HasKey(x => x.Name);
            t.Property(x => x.Name).HasMaxLength(40);
            t.Property(x => x.DisplayName).HasMaxLength(200);
            t.Property(x => x.UrlPrefix).HasMaxLength(40);
            t.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
            t.Property(x => x.RecipeName).HasMaxLength(200);
            t.Property(x => x.DatabaseName).HasMaxLength(63);
            t.Property(x => x.Server).HasMaxLength(40);
            t.HasIndex(x => x.UrlPrefix).IsUnique().HasFilter("url_prefix <> ''");
            t.HasIndex(x => x.DatabaseName).IsUnique();
        });
    }
}
