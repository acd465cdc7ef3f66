using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;
using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;

namespace CampusKonseling.Archive.Data;

/// <summary>The archive records and the campus's key for counseling word hashes, in schema "arsip".</summary>
public sealed class ArchiveDb(DbContextOptions<ArchiveDb> options) : DbContext(options)
{
    public const string Schema = "arsip";

    public DbSet<ArchiveRecord> Records => Set<ArchiveRecord>();
    public DbSet<ArchiveKey> Keys => Set<ArchiveKey>();
    public DbSet<SavedSearch> SavedSearches => Set<SavedSearch>();
    public DbSet<ArchiveSettings> Settings => Set<ArchiveSettings>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.HasDefaultSchema(Schema);
        b.HasPostgresExtension("pg_trgm");
        b.HasPostgresExtension("btree_gin");
        b.Entity<ArchiveRecord>(e =>
        {
            e.Property(x => x.Jenis).HasMaxLength(20);
            e.Property(x => x.SubjekId).HasMaxLength(100);
            e.Property(x => x.Judul).HasMaxLength(300);
            e.Property(x => x.Nomor).HasMaxLength(300);
            e.Property(x => x.SopKode).HasMaxLength(100);
            e.Property(x => x.SopJudul).HasMaxLength(300);
            e.Property(x => x.Semester).HasMaxLength(20);
            e.Property(x => x.JenisKlien).HasMaxLength(60);
            e.Property(x => x.Bidang).HasMaxLength(100);
            e.Property(x => x.Saluran).HasMaxLength(100);
            e.Property(x => x.KonselorId).HasMaxLength(450);
            e.Property(x => x.KonselorNama).HasMaxLength(200);
            e.Property(x => x.Nama).HasMaxLength(200);
            e.Property(x => x.Nim).HasMaxLength(30);
            e.Property(x => x.Hasil).HasMaxLength(100);
            e.Property(x => x.Unit).HasMaxLength(300);
            e.Property(x => x.Keterangan).HasMaxLength(300);
            e.HasIndex(x => new { x.Jenis, x.SubjekId }).IsUnique();
            e.HasIndex(x => x.Cari).HasMethod("gin");
            e.HasIndex(x => x.KonselingToken).HasMethod("gin");
            e.HasIndex(x => x.Nama).HasMethod("gin").HasOperators("gin_trgm_ops");
            // Newest first, as result lists and a broad query's candidates are read (and retention's ranges).
            // A counselor's own counseling words: their records (this) intersected with the token's (GIN), and for a
            // broad search the newest of their records first (ArchiveSearch's candidates).
            e.HasIndex(x => new { x.KonselorId, x.Ditutup, x.Id }).IsDescending(false, true, false)
                .HasNullSortOrder(NullSortOrder.NullsLast, NullSortOrder.NullsLast, NullSortOrder.NullsLast);
            // Every text query also matches a NIM exactly; without this, that OR branch makes each one a full scan.
            e.HasIndex(x => x.Nim);
            e.HasIndex(x => new { x.Ditutup, x.Id }).IsDescending(true, false).HasNullSortOrder(NullSortOrder.NullsLast, NullSortOrder.NullsLast);
        });
        b.Entity<SavedSearch>(e =>
        {
            e.Property(x => x.UserId).HasMaxLength(450);
            e.Property(x => x.Nama).HasMaxLength(100);
            e.Property(x => x.Kueri).HasMaxLength(2000);
            e.HasIndex(x => x.UserId);
        });
        b.Entity<ArchiveSettings>(e =>
        {
            e.Property(x => x.Id).ValueGeneratedNever();
        });
        b.Entity<ArchiveKey>(e =>
        {
            e.Property(x => x.Id).ValueGeneratedNever();
        });
    }
}

/// <summary>
/// A closed case or filed letter as the archive keeps it: facets, the staff-readable text and its weighted
/// tsvector (title and numbers above body), keyed hashes of the counseling text's words, and that text encrypted.
/// </summary>
public sealed class ArchiveRecord
{
    public Guid Id { get; set; }
    public required string Jenis { get; set; }
    public required string SubjekId { get; set; }
    public required string Judul { get; set; }
    public string? Nomor { get; set; }
    public string? SopKode { get; set; }
    public string? SopJudul { get; set; }
    public int Tahun { get; set; }
    public required string Semester { get; set; }
    public string? JenisKlien { get; set; }
    public string? Bidang { get; set; }
    public string? Saluran { get; set; }
    public string? KonselorId { get; set; }
    public string? KonselorNama { get; set; }
    public string? Nama { get; set; }
    public string? Nim { get; set; }
    public DateTimeOffset Dibuka { get; set; }
    public DateTimeOffset? Ditutup { get; set; }
    public string? Hasil { get; set; }
    public required string TeksUmum { get; set; }
    public NpgsqlTsVector? Cari { get; set; }
    public string[] KonselingToken { get; set; } = [];
    public string? KonselingTeks { get; set; }
    public DateTimeOffset DiarsipkanPada { get; set; }
    /// <summary>1 when first filed; each correction of the archived subject files the next version.</summary>
    public int Versi { get; set; }
    /// <summary>The unit the SOP belongs to (e.g. "Bagian Konseling & Asesmen Mahasiswa").</summary>
    public string? Unit { get; set; }
    /// <summary>A short line shown under the record (a programme's kind, attendance and report).</summary>
    public string? Keterangan { get; set; }
}

/// <summary>A user's saved search: a name and the query string of the search page.</summary>
public sealed class SavedSearch
{
    public long Id { get; set; }
    public required string UserId { get; set; }
    public required string Nama { get; set; }
    public required string Kueri { get; set; }
    public DateTimeOffset DibuatPada { get; set; }
}

/// <summary>The campus's default retention for archive records (an SOP's own retensiHari takes precedence).</summary>
public sealed class ArchiveSettings
{
    public const int DefaultDays = 1825;
    public int Id { get; set; } = 1;
    public int RetensiHari { get; set; } = DefaultDays;
}

/// <summary>The campus's HMAC key for counseling word hashes, protected by the platform's key ring (kept in another database).</summary>
public sealed class ArchiveKey
{
    public int Id { get; set; } = 1;
    public required string Protected { get; set; }
}
