using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Audit.Data;

/// <summary>Reads of the audit chain. Appends go through <see cref="Chain.AuditLog"/>, which takes the chain's lock.</summary>
public sealed class AuditDb(DbContextOptions<AuditDb> options) : DbContext(options)
{
    public const string Schema = "audit";
    public const string Table = "entries";

    public DbSet<AuditEntry> Entries => Set<AuditEntry>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.HasDefaultSchema(Schema);
        b.Entity<AuditEntry>(e =>
        {
            e.ToTable(Table);
            e.HasKey(x => x.Urutan);
            e.Property(x => x.Urutan).HasColumnName("urutan").ValueGeneratedNever();
            e.Property(x => x.Waktu).HasColumnName("waktu");
            e.Property(x => x.PenggunaId).HasColumnName("pengguna_id").HasMaxLength(Limits.Id);
            e.Property(x => x.PenggunaNama).HasColumnName("pengguna_nama").HasMaxLength(Limits.Nama);
            e.Property(x => x.PenggunaEmail).HasColumnName("pengguna_email").HasMaxLength(Limits.Nama);
            e.Property(x => x.AlamatIp).HasColumnName("alamat_ip").HasMaxLength(Limits.Ip);
            e.Property(x => x.AgenPengguna).HasColumnName("agen_pengguna").HasMaxLength(Limits.Agen);
            e.Property(x => x.Jenis).HasColumnName("jenis").HasMaxLength(Limits.Jenis);
            e.Property(x => x.SubjekJenis).HasColumnName("subjek_jenis").HasMaxLength(Limits.Jenis);
            e.Property(x => x.SubjekId).HasColumnName("subjek_id").HasMaxLength(Limits.Id);
            e.Property(x => x.Ringkasan).HasColumnName("ringkasan").HasMaxLength(Limits.Ringkasan);
            e.Property(x => x.HashSebelumnya).HasColumnName("hash_sebelumnya").HasMaxLength(64);
            e.Property(x => x.Hash).HasColumnName("hash").HasMaxLength(64);
            // Pages list newest first within a subject or a kind; dates narrow by time.
            e.HasIndex(x => new { x.SubjekJenis, x.SubjekId, x.Urutan });
            e.HasIndex(x => new { x.Jenis, x.Urutan });
            e.HasIndex(x => x.Waktu);
        });
    }
}

/// <summary>Column lengths; longer values are cut before hashing, so the hash covers exactly what is stored.</summary>
public static class Limits
{
    public const int Id = 200, Nama = 256, Ip = 64, Agen = 512, Jenis = 60, Ringkasan = 1000;
}
