using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Host.Registry;

/// <summary>The host database: the registry of campuses. Campus data never lives here.</summary>
public sealed class HostDb(DbContextOptions<HostDb> options) : DbContext(options)
{
    public const string Schema = "host";

    public DbSet<TenantRecord> Tenants => Set<TenantRecord>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.HasDefaultSchema(Schema);
        b.Entity<TenantRecord>(t =>
        {
            t.ToTable("tenants");
            t.HasKey(x => x.Name);
            t.Property(x => x.Name).HasColumnName("name").HasMaxLength(40);
            t.Property(x => x.DisplayName).HasColumnName("display_name").HasMaxLength(200);
            t.Property(x => x.UrlPrefix).HasColumnName("url_prefix").HasMaxLength(40);
            t.Property(x => x.HostNames).HasColumnName("host_names");
            t.Property(x => x.State).HasColumnName("state").HasConversion<string>().HasMaxLength(20);
            t.Property(x => x.EnabledFeatures).HasColumnName("enabled_features");
            t.Property(x => x.RecipeName).HasColumnName("recipe_name").HasMaxLength(200);
            t.Property(x => x.DatabaseName).HasColumnName("database_name").HasMaxLength(63);
            t.Property(x => x.ConnectionString).HasColumnName("connection_string");
            t.Property(x => x.CreatedUtc).HasColumnName("created_utc");
            t.Property(x => x.UpdatedUtc).HasColumnName("updated_utc");
            t.HasIndex(x => x.UrlPrefix).IsUnique().HasFilter("url_prefix <> ''");
            t.HasIndex(x => x.DatabaseName).IsUnique();
        });
        b.Entity<DataProtectionKey>(k =>
        {
            k.ToTable("data_protection_keys");
            k.Property(x => x.Id).HasColumnName("id");
            k.Property(x => x.FriendlyName).HasColumnName("friendly_name");
            k.Property(x => x.Xml).HasColumnName("xml");
        });
    }
}
