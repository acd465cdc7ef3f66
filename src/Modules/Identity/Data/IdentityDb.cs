using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Identity.Data;

/// <summary>Users and roles of one campus, in schema "identity" of the campus's database.</summary>
public sealed class IdentityDb(DbContextOptions<IdentityDb> options) : IdentityDbContext<CampusUser, CampusRole, string>(options)
{
    public const string Schema = "identity";
    public const string PermissionClaim = "permission";

    protected override void OnModelCreating(ModelBuilder b)
    {
        base.OnModelCreating(b);
        b.HasDefaultSchema(Schema);
        b.Entity<CampusUser>().Property(u => u.FullName).HasMaxLength(200);
        b.Entity<CampusRole>().Property(r => r.Description).HasMaxLength(500);
    }
}
