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
            e.ToTable("pages");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id");
            e.Property(x => x.Slug).HasColumnName("slug").HasMaxLength(60);
            e.Property(x => x.Title).HasColumnName("title").HasMaxLength(200);
            e.Property(x => x.Body).HasColumnName("body");
            e.Property(x => x.ShowInMenu).HasColumnName("show_in_menu");
            e.Property(x => x.Order).HasColumnName("sort_order");
            e.Property(x => x.UpdatedUtc).HasColumnName("updated_utc");
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
