using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Site.Data;

/// <summary>The campus's settings, one row, in schema "site".</summary>
public sealed class SiteDb(DbContextOptions<SiteDb> options) : DbContext(options)
{
    public const string Schema = "site";

    public DbSet<SettingsRecord> Settings => Set<SettingsRecord>();
    public DbSet<LogoRecord> Logo => Set<LogoRecord>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.HasDefaultSchema(Schema);
        b.Entity<SettingsRecord>(e =>
        {
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.CampusName).HasMaxLength(200);
            e.Property(x => x.UnitName).HasMaxLength(300);
            e.Property(x => x.LogoUrl).HasMaxLength(500);
            e.Property(x => x.PrimaryColor).HasMaxLength(7);
            e.Property(x => x.AccentColor).HasMaxLength(7);
            e.Property(x => x.TimeZone).HasMaxLength(64);
            e.Property(x => x.HariLibur).HasColumnType("jsonb");
        });
        b.Entity<LogoRecord>(e =>
        {
            e.ToTable("logo");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Mime).HasMaxLength(32);
            e.Property(x => x.Versi).HasMaxLength(16);
        });
    }
}

public sealed class SettingsRecord
{
    public const int SingletonId = 1;
    public int Id { get; set; } = SingletonId;
    public string CampusName { get; set; } = "";
    public string? UnitName { get; set; }
    public string? LogoUrl { get; set; }
    public string PrimaryColor { get; set; } = "#1d4e89";
    public string AccentColor { get; set; } = "#f2a900";
    public string TimeZone { get; set; } = "Asia/Jakarta";
    public int[] WorkingDays { get; set; } = [1, 2, 3, 4, 5];
    public TimeOnly WorkStart { get; set; } = new(8, 0);
    public TimeOnly WorkEnd { get; set; } = new(16, 0);
    public string[] AsalSematan { get; set; } = [];
    /// <summary>JSON written by <see cref="HariLiburJson"/>.</summary>
    public string HariLibur { get; set; } = "[]";
}

/// <summary>The logo the campus admin uploaded (one row): its bytes, kind, and a version (of its content) that names its address.</summary>
public sealed class LogoRecord
{
    public int Id { get; set; } = SettingsRecord.SingletonId;
    public required byte[] Isi { get; set; }
    public required string Mime { get; set; }
    public required string Versi { get; set; }
    public DateTimeOffset DiunggahPada { get; set; }
}
