using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Letters.Data;

public sealed class LettersDb(DbContextOptions<LettersDb> options) : DbContext(options)
{
    public const string Schema = "letters";

    public DbSet<LetterTemplate> Templates => Set<LetterTemplate>();
    public DbSet<LetterCounter> Counters => Set<LetterCounter>();
    public DbSet<LetterNumber> Numbers => Set<LetterNumber>();
    public DbSet<Letter> Letters => Set<Letter>();
    public DbSet<Kop> Kop => Set<Kop>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.HasDefaultSchema(Schema);
        b.Entity<LetterTemplate>(e =>
        {
            e.Property(x => x.Kode).HasMaxLength(60);
            e.Property(x => x.Judul).HasMaxLength(200);
            e.Property(x => x.PolaNomor).HasMaxLength(200);
            e.Property(x => x.Perihal).HasMaxLength(300);
            e.Property(x => x.TtdJabatan).HasMaxLength(300);
            e.Property(x => x.TtdNama).HasMaxLength(200);
            e.Property(x => x.TtdNip).HasMaxLength(100);
            e.Property(x => x.TtdTempat).HasMaxLength(100);
            e.Property(x => x.TtdPeran).HasMaxLength(256);
            e.Property(x => x.DiubahOleh).HasMaxLength(256);
            e.HasIndex(x => x.Kode).IsUnique();
        });
        b.Entity<LetterCounter>(e =>
        {
            e.HasKey(x => new { x.TemplatId, x.Tahun });
            e.HasOne<LetterTemplate>().WithMany().HasForeignKey(x => x.TemplatId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<LetterNumber>(e =>
        {
            e.Property(x => x.Nomor).HasMaxLength(300);
            // The number a user sees is unique per template and year; the counter makes it sequential.
            e.HasIndex(x => new { x.TemplatId, x.Tahun, x.Urut }).IsUnique();
            e.HasOne<LetterTemplate>().WithMany().HasForeignKey(x => x.TemplatId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<Letter>(e =>
        {
            e.Property(x => x.TemplatKode).HasMaxLength(60);
            e.Property(x => x.Judul).HasMaxLength(200);
            e.Property(x => x.Nomor).HasMaxLength(300);
            e.Property(x => x.PemilikJenis).HasMaxLength(60);
            e.Property(x => x.PemilikId).HasMaxLength(100);
            e.Property(x => x.Nilai).HasColumnType("jsonb");
            e.Property(x => x.Hash).HasMaxLength(64);
            e.Property(x => x.DibuatOleh).HasMaxLength(256);
            e.HasIndex(x => new { x.NomorId, x.Versi }).IsUnique();
            e.HasIndex(x => new { x.PemilikJenis, x.PemilikId });
            e.HasIndex(x => x.DibuatPada);
            e.HasOne<LetterNumber>().WithMany().HasForeignKey(x => x.NomorId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<Kop>(e =>
        {
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Instansi).HasMaxLength(300);
            e.Property(x => x.Alamat).HasMaxLength(500);
            e.Property(x => x.Telepon).HasMaxLength(100);
            e.Property(x => x.Email).HasMaxLength(320);
            e.Property(x => x.Situs).HasMaxLength(300);
            e.Property(x => x.Kota).HasMaxLength(100);
            e.Property(x => x.DiubahOleh).HasMaxLength(256);
        });
    }
}
