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
            e.ToTable("students");
            e.HasKey(x => x.Nim);
            e.Property(x => x.Nim).HasColumnName("nim").HasMaxLength(20);
            e.Property(x => x.Nama).HasColumnName("nama").HasMaxLength(200);
            e.Property(x => x.Prodi).HasColumnName("prodi").HasMaxLength(150);
            e.Property(x => x.Semester).HasColumnName("semester");
            e.Property(x => x.Status).HasColumnName("status").HasMaxLength(10);
            e.Property(x => x.Email).HasColumnName("email").HasMaxLength(256);
            e.Property(x => x.Telepon).HasColumnName("telepon").HasMaxLength(20);
            e.Property(x => x.DiperbaruiPada).HasColumnName("diperbarui_pada");
            e.Property(x => x.Sumber).HasColumnName("sumber").HasMaxLength(10);
            // NIM prefix search (LIKE 'x%') and name search anywhere in the name (ILIKE '%x%', trigram).
            e.HasIndex(x => x.Nim).HasOperators("text_pattern_ops");
            e.HasIndex(x => x.Nama).HasMethod("gin").HasOperators("gin_trgm_ops");
        });
        b.Entity<ImportJob>(e =>
        {
            e.ToTable("import_jobs");
            e.Property(x => x.Id).HasColumnName("id");
            e.Property(x => x.NamaBerkas).HasColumnName("nama_berkas").HasMaxLength(260);
            e.Property(x => x.Isi).HasColumnName("isi");
            e.Property(x => x.Status).HasColumnName("status").HasMaxLength(20);
            e.Property(x => x.Dibaca).HasColumnName("dibaca");
            e.Property(x => x.Diimpor).HasColumnName("diimpor");
            e.Property(x => x.Ditolak).HasColumnName("ditolak");
            e.Property(x => x.Pesan).HasColumnName("pesan");
            e.Property(x => x.DibuatPada).HasColumnName("dibuat_pada");
            e.Property(x => x.DibuatOleh).HasColumnName("dibuat_oleh").HasMaxLength(256);
            e.Property(x => x.MulaiPada).HasColumnName("mulai_pada");
            e.Property(x => x.DenyutPada).HasColumnName("denyut_pada");
            e.Property(x => x.SelesaiPada).HasColumnName("selesai_pada");
            e.HasIndex(x => new { x.Status, x.DibuatPada });
        });
        b.Entity<ImportError>(e =>
        {
            e.ToTable("import_errors");
            e.Property(x => x.Id).HasColumnName("id");
            e.Property(x => x.JobId).HasColumnName("job_id");
            e.Property(x => x.Baris).HasColumnName("baris");
            e.Property(x => x.Kolom).HasColumnName("kolom").HasMaxLength(40);
            e.Property(x => x.Nilai).HasColumnName("nilai").HasMaxLength(200);
            e.Property(x => x.Pesan).HasColumnName("pesan").HasMaxLength(300);
            e.HasOne<ImportJob>().WithMany().HasForeignKey(x => x.JobId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.JobId, x.Baris });
        });
        b.Entity<PortalSettings>(e =>
        {
            e.ToTable("portal_settings");
            e.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
            e.Property(x => x.Aktif).HasColumnName("aktif");
            e.Property(x => x.Penerbit).HasColumnName("penerbit").HasMaxLength(300);
            e.Property(x => x.Audiens).HasColumnName("audiens").HasMaxLength(300);
            e.Property(x => x.Algoritma).HasColumnName("algoritma").HasMaxLength(10);
            e.Property(x => x.RahasiaProtected).HasColumnName("rahasia_protected");
            e.Property(x => x.Jwks).HasColumnName("jwks");
            e.Property(x => x.KlaimNim).HasColumnName("klaim_nim").HasMaxLength(100);
            e.Property(x => x.Peran).HasColumnName("peran").HasMaxLength(256);
            e.Property(x => x.DiubahPada).HasColumnName("diubah_pada");
            e.Property(x => x.DiubahOleh).HasColumnName("diubah_oleh").HasMaxLength(256);
        });
        b.Entity<UsedPortalToken>(e =>
        {
            e.ToTable("used_portal_tokens");
            e.HasKey(x => x.Jti);
            e.Property(x => x.Jti).HasColumnName("jti").HasMaxLength(200);
            e.Property(x => x.Kedaluwarsa).HasColumnName("kedaluwarsa");
            e.Property(x => x.DipakaiPada).HasColumnName("dipakai_pada");
            e.HasIndex(x => x.Kedaluwarsa);
        });
    }
}
