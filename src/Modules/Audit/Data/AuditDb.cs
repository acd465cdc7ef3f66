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
            e.Property(x => x.Urutan).ValueGeneratedNever();
            e.Property(x => x.PenggunaId).HasMaxLength(Limits.Id);
            e.Property(x => x.PenggunaNama).HasMaxLength(Limits.Nama);
            e.Property(x => x.PenggunaEmail).HasMaxLength(Limits.Nama);
            e.Property(x => x.AlamatIp).HasMaxLength(Limits.Ip);
            e.Property(x => x.AgenPengguna).HasMaxLength(Limits.Agen);
            e.Property(x => x.Jenis).HasMaxLength(Limits.Jenis);
            e.Property(x => x.SubjekJenis).HasMaxLength(Limits.Jenis);
            e.Property(x => x.SubjekId).HasMaxLength(Limits.Id);
            e.Property(x => x.Ringkasan).HasMaxLength(Limits.Ringkasan);
            e.Property(x => x.HashSebelumnya).HasMaxLength(64);
            e.Property(x => x.Hash).HasMaxLength(64);
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
