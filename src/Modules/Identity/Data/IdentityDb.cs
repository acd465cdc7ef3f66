using CampusKonseling.Data;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Identity.Data;

/// <summary>
/// Users and roles of one campus, in schema "identity" of the campus's database. Identity names its own tables and
/// columns ("AspNetUsers"."PasswordHash"), so the snake_case convention is off here and api_keys is mapped by hand.
/// </summary>
[KeepsItsOwnNames]
public sealed class IdentityDb(DbContextOptions<IdentityDb> options) : IdentityDbContext<CampusUser, CampusRole, string>(options)
{
    public const string Schema = "identity";
    public const string PermissionClaim = "permission";

    public DbSet<ApiKeys.ApiKey> ApiKeys => Set<ApiKeys.ApiKey>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        base.OnModelCreating(b);
        b.Entity<ApiKeys.ApiKey>(e =>
        {
            e.ToTable("api_keys");
            e.Property(x => x.Id).HasColumnName("id");
            e.Property(x => x.Nama).HasColumnName("nama").HasMaxLength(200);
            e.Property(x => x.Awalan).HasColumnName("awalan").HasMaxLength(12);
            e.Property(x => x.Hash).HasColumnName("hash").HasMaxLength(64);
            e.Property(x => x.Peran).HasColumnName("peran").HasMaxLength(256);
            e.Property(x => x.DibuatPada).HasColumnName("dibuat_pada");
            e.Property(x => x.DibuatOleh).HasColumnName("dibuat_oleh").HasMaxLength(256);
            e.Property(x => x.DicabutPada).HasColumnName("dicabut_pada");
            e.HasIndex(x => x.Awalan).IsUnique();
        });
        b.HasDefaultSchema(Schema);
        b.Entity<CampusUser>().Property(u => u.FullName).HasMaxLength(200);
        b.Entity<CampusUser>().Property(u => u.Bahasa).HasMaxLength(10);
        b.Entity<CampusUser>().Property(u => u.Nip).HasMaxLength(30);
        b.Entity<CampusUser>().Property(u => u.Nidn).HasMaxLength(30);
        b.Entity<CampusUser>().Property(u => u.Jabatan).HasMaxLength(200);
        b.Entity<CampusRole>().Property(r => r.Description).HasMaxLength(500);
    }
}
