using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Privasi.Data;

/// <summary>The campus's data protection officer and the descriptions its DPO wrote over the generated record.</summary>
public sealed class PrivasiDb(DbContextOptions<PrivasiDb> options) : DbContext(options)
{
    public const string Schema = "privasi";

    public DbSet<PejabatRow> Pejabat => Set<PejabatRow>();
    public DbSet<UraianRow> Uraian => Set<UraianRow>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.HasDefaultSchema(Schema);
        b.Entity<PejabatRow>(e =>
        {
            e.ToTable("pejabat");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Nama).HasMaxLength(200);
            e.Property(x => x.Jabatan).HasMaxLength(200);
            e.Property(x => x.Email).HasMaxLength(256);
            e.Property(x => x.Telepon).HasMaxLength(40);
            e.Property(x => x.DiubahOleh).HasMaxLength(256);
        });
        b.Entity<UraianRow>(e =>
        {
            e.ToTable("uraian");
            e.HasKey(x => x.Kunci);
            e.Property(x => x.Kunci).HasMaxLength(300);
            e.Property(x => x.Tujuan).HasMaxLength(2000);
            e.Property(x => x.Catatan).HasMaxLength(2000);
            e.Property(x => x.DiubahOleh).HasMaxLength(256);
        });
    }
}

/// <summary>The campus's Pejabat Pelindungan Data Pribadi (UU 27/2022 Pasal 53): one row, id 1.</summary>
public sealed class PejabatRow
{
    public int Id { get; set; } = 1;
    public required string Nama { get; set; }
    public string? Jabatan { get; set; }
    public required string Email { get; set; }
    public string? Telepon { get; set; }
    public DateTimeOffset DiubahPada { get; set; }
    public required string DiubahOleh { get; set; }
}

/// <summary>A processing activity's purpose and note as the DPO wrote them over what the configuration says.</summary>
public sealed class UraianRow
{
    public required string Kunci { get; set; }
    public string? Tujuan { get; set; }
    public string? Catatan { get; set; }
    public DateTimeOffset DiubahPada { get; set; }
    public required string DiubahOleh { get; set; }
}
