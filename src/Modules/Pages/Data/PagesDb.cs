using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Pages.Data;

public sealed class PagesDb(DbContextOptions<PagesDb> options) : DbContext(options)
{
    public const string Schema = "pages";

    public DbSet<CampusPage> Pages => Set<CampusPage>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.HasDefaultSchema(Schema);
        b.Entity<CampusPage>(e =>
        {
            e.HasKey(x => x.Id);
            e.Property(x => x.Slug).HasMaxLength(60);
            e.Property(x => x.Title).HasMaxLength(200);
            e.Property(x => x.Order).HasColumnName("sort_order");
            e.HasIndex(x => x.Slug).IsUnique();
        });
    }
}

/// <summary>An information page of the campus site, written in Markdown.</summary>
public sealed class CampusPage
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Title { get; set; }
    public string Body { get; set; } = "";
    public bool ShowInMenu { get; set; }
    public int Order { get; set; }
    public DateTimeOffset UpdatedUtc { get; set; }
}
