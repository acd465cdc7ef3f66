using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Direktori.Data;

public sealed class DirectoryDb(DbContextOptions<DirectoryDb> options) : DbContext(options)
{
    public const string Schema = "direktori";

    public DbSet<Student> Students => Set<Student>();
    public DbSet<ImportJob> ImportJobs => Set<ImportJob>();
    public DbSet<ImportError> ImportErrors => Set<ImportError>();
    public DbSet<PortalSettings> Portal => Set<PortalSettings>();
    public DbSet<UsedPortalToken> UsedTokens => Set<UsedPortalToken>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.HasDefaultSchema(Schema);
        b.HasPostgresExtension("pg_trgm");
        b.Entity<Student>(e =>
        {
            e.HasKey(x => x.Nim);
            e.Property(x => x.Nim).HasMaxLength(20);
            e.Property(x => x.Nama).HasMaxLength(200);
            e.Property(x => x.Prodi).HasMaxLength(150);
            e.Property(x => x.Status).HasMaxLength(10);
            e.Property(x => x.Email).HasMaxLength(256);
            e.Property(x => x.Telepon).HasMaxLength(20);
            e.Property(x => x.Sumber).HasMaxLength(10);
            // NIM prefix search (LIKE 'x%') and name search anywhere in the name (ILIKE '%x%', trigram).
            e.HasIndex(x => x.Nim).HasOperators("text_pattern_ops");
            e.HasIndex(x => x.Nama).HasMethod("gin").HasOperators("gin_trgm_ops");
        });
        b.Entity<ImportJob>(e =>
        {
            e.Property(x => x.NamaBerkas).HasMaxLength(260);
            e.Property(x => x.Status).HasMaxLength(20);
            e.Property(x => x.DibuatOleh).HasMaxLength(256);
            e.HasIndex(x => new { x.Status, x.DibuatPada });
        });
        b.Entity<ImportError>(e =>
        {
            e.Property(x => x.Kolom).HasMaxLength(40);
            e.Property(x => x.Nilai).HasMaxLength(200);
            e.Property(x => x.Pesan).HasMaxLength(300);
            e.HasOne<ImportJob>().WithMany().HasForeignKey(x => x.JobId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.JobId, x.Baris });
        });
        b.Entity<PortalSettings>(e =>
        {
            e.ToTable("portal_settings");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Penerbit).HasMaxLength(300);
            e.Property(x => x.Audiens).HasMaxLength(300);
            e.Property(x => x.Algoritma).HasMaxLength(10);
            e.Property(x => x.KlaimNim).HasMaxLength(100);
            e.Property(x => x.Peran).HasMaxLength(256);
            e.Property(x => x.DiubahOleh).HasMaxLength(256);
        });
        b.Entity<UsedPortalToken>(e =>
        {
            e.ToTable("used_portal_tokens");
            e.HasKey(x => x.Jti);
            e.Property(x => x.Jti).HasMaxLength(200);
            e.HasIndex(x => x.Kedaluwarsa);
        });
    }
}
