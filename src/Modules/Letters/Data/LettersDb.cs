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
            e.ToTable("templates");
            e.Property(x => x.Id).HasColumnName("id");
            e.Property(x => x.Kode).HasColumnName("kode").HasMaxLength(60);
            e.Property(x => x.Judul).HasColumnName("judul").HasMaxLength(200);
            e.Property(x => x.PolaNomor).HasColumnName("pola_nomor").HasMaxLength(200);
            e.Property(x => x.Perihal).HasColumnName("perihal").HasMaxLength(300);
            e.Property(x => x.Kepada).HasColumnName("kepada");
            e.Property(x => x.Isi).HasColumnName("isi");
            e.Property(x => x.TtdJabatan).HasColumnName("ttd_jabatan").HasMaxLength(300);
            e.Property(x => x.TtdNama).HasColumnName("ttd_nama").HasMaxLength(200);
            e.Property(x => x.TtdNip).HasColumnName("ttd_nip").HasMaxLength(100);
            e.Property(x => x.TtdTempat).HasColumnName("ttd_tempat").HasMaxLength(100);
            e.Property(x => x.Wajib).HasColumnName("wajib");
            e.Property(x => x.DiubahPada).HasColumnName("diubah_pada");
            e.Property(x => x.DiubahOleh).HasColumnName("diubah_oleh").HasMaxLength(256);
            e.HasIndex(x => x.Kode).IsUnique();
        });
        b.Entity<LetterCounter>(e =>
        {
            e.ToTable("counters");
            e.HasKey(x => new { x.TemplatId, x.Tahun });
            e.Property(x => x.TemplatId).HasColumnName("templat_id");
            e.Property(x => x.Tahun).HasColumnName("tahun");
            e.Property(x => x.Urut).HasColumnName("urut");
            e.HasOne<LetterTemplate>().WithMany().HasForeignKey(x => x.TemplatId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<LetterNumber>(e =>
        {
            e.ToTable("numbers");
            e.Property(x => x.Id).HasColumnName("id");
            e.Property(x => x.TemplatId).HasColumnName("templat_id");
            e.Property(x => x.Tahun).HasColumnName("tahun");
            e.Property(x => x.Urut).HasColumnName("urut");
            e.Property(x => x.Nomor).HasColumnName("nomor").HasMaxLength(300);
            e.Property(x => x.VersiTerakhir).HasColumnName("versi_terakhir");
            e.Property(x => x.DibuatPada).HasColumnName("dibuat_pada");
            // The number a user sees is unique per template and year; the counter makes it sequential.
            e.HasIndex(x => new { x.TemplatId, x.Tahun, x.Urut }).IsUnique();
            e.HasOne<LetterTemplate>().WithMany().HasForeignKey(x => x.TemplatId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<Letter>(e =>
        {
            e.ToTable("letters");
            e.Property(x => x.Id).HasColumnName("id");
            e.Property(x => x.NomorId).HasColumnName("nomor_id");
            e.Property(x => x.Versi).HasColumnName("versi");
            e.Property(x => x.TemplatKode).HasColumnName("templat_kode").HasMaxLength(60);
            e.Property(x => x.Judul).HasColumnName("judul").HasMaxLength(200);
            e.Property(x => x.Nomor).HasColumnName("nomor").HasMaxLength(300);
            e.Property(x => x.PemilikJenis).HasColumnName("pemilik_jenis").HasMaxLength(60);
            e.Property(x => x.PemilikId).HasColumnName("pemilik_id").HasMaxLength(100);
            e.Property(x => x.Nilai).HasColumnName("nilai").HasColumnType("jsonb");
            e.Property(x => x.IsianKosong).HasColumnName("isian_kosong");
            e.Property(x => x.Pdf).HasColumnName("pdf");
            e.Property(x => x.Html).HasColumnName("html");
            e.Property(x => x.Hash).HasColumnName("hash").HasMaxLength(64);
            e.Property(x => x.DibuatPada).HasColumnName("dibuat_pada");
            e.Property(x => x.DibuatOleh).HasColumnName("dibuat_oleh").HasMaxLength(256);
            e.HasIndex(x => new { x.NomorId, x.Versi }).IsUnique();
            e.HasIndex(x => new { x.PemilikJenis, x.PemilikId });
            e.HasIndex(x => x.DibuatPada);
            e.HasOne<LetterNumber>().WithMany().HasForeignKey(x => x.NomorId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<Kop>(e =>
        {
            e.ToTable("kop");
            e.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
            e.Property(x => x.Instansi).HasColumnName("instansi").HasMaxLength(300);
            e.Property(x => x.Alamat).HasColumnName("alamat").HasMaxLength(500);
            e.Property(x => x.Telepon).HasColumnName("telepon").HasMaxLength(100);
            e.Property(x => x.Email).HasColumnName("email").HasMaxLength(320);
            e.Property(x => x.Situs).HasColumnName("situs").HasMaxLength(300);
            e.Property(x => x.Kota).HasColumnName("kota").HasMaxLength(100);
            e.Property(x => x.DiubahPada).HasColumnName("diubah_pada");
            e.Property(x => x.DiubahOleh).HasColumnName("diubah_oleh").HasMaxLength(256);
        });
    }
}
