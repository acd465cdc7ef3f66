using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Sop.Data;

/// <summary>SOP definitions, their versions and running instances, in schema "sop".</summary>
public sealed class SopDb(DbContextOptions<SopDb> options) : DbContext(options)
{
    public const string Schema = "sop";

    public DbSet<DefinitionRow> Definitions => Set<DefinitionRow>();
    public DbSet<VersionRow> Versions => Set<VersionRow>();
    public DbSet<InstanceRow> Instances => Set<InstanceRow>();
    public DbSet<ActiveStepRow> ActiveSteps => Set<ActiveStepRow>();
    public DbSet<EventRow> Events => Set<EventRow>();
    public DbSet<ActivationRow> Activations => Set<ActivationRow>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.HasDefaultSchema(Schema);
        b.Entity<DefinitionRow>(e =>
        {
            e.Property(x => x.Kode).HasMaxLength(150);
            e.Property(x => x.Judul).HasMaxLength(300);
            e.HasIndex(x => x.Kode).IsUnique();
        });
        b.Entity<VersionRow>(e =>
        {
            e.Property(x => x.Json).HasColumnType("jsonb");
            e.Property(x => x.Hash).HasMaxLength(64);
            e.Property(x => x.DibuatOleh).HasMaxLength(300);
            e.Property(x => x.CatatanPerubahan).HasMaxLength(1000);
            e.HasIndex(x => new { x.DefinitionId, x.Versi }).IsUnique();
            e.HasOne<DefinitionRow>().WithMany().HasForeignKey(x => x.DefinitionId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<InstanceRow>(e =>
        {
            e.Property(x => x.Kode).HasMaxLength(150);
            e.Property(x => x.Subjek).HasMaxLength(300);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.DimulaiOleh).HasMaxLength(450);
            e.Property(x => x.Konteks).HasColumnType("jsonb");
            e.Property(x => x.LangkahAktif).HasMaxLength(300);
            e.HasIndex(x => new { x.DefinitionId, x.Status, x.DimulaiPada, x.Id }).IsDescending(false, false, true, true);
            e.HasIndex(x => new { x.Status, x.SelesaiPada });
            e.HasOne<VersionRow>().WithMany().HasForeignKey(x => x.VersionId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<ActiveStepRow>(e =>
        {
            e.HasKey(x => x.ActivationId);
            e.Property(x => x.StepId).HasMaxLength(40);
            e.Property(x => x.PenerimaTugas).HasMaxLength(450);
            e.HasIndex(x => x.InstanceId);
            e.HasOne<InstanceRow>().WithMany().HasForeignKey(x => x.InstanceId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<EventRow>(e =>
        {
            e.Property(x => x.Jenis).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.StepId).HasMaxLength(40);
            e.Property(x => x.OlehId).HasMaxLength(450);
            e.Property(x => x.OlehNama).HasMaxLength(200);
            e.Property(x => x.Pilihan).HasMaxLength(200);
            e.Property(x => x.Masukan).HasColumnType("jsonb");
            e.Property(x => x.Keluaran).HasColumnType("jsonb");
            // History is append-only; the pair is unique, so a double transition cannot be written even past the lock.
            e.HasIndex(x => new { x.InstanceId, x.Seq }).IsUnique();
            e.HasOne<InstanceRow>().WithMany().HasForeignKey(x => x.InstanceId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<ActivationRow>(e =>
        {
            e.HasKey(x => x.ActivationId);
            e.Property(x => x.Kode).HasMaxLength(150);
            e.Property(x => x.StepId).HasMaxLength(40);
            e.Property(x => x.Akhir).HasMaxLength(20);
            // Completions in a period, and what was still open at a date (berakhir_pada null or later).
            e.HasIndex(x => x.BerakhirPada);
            e.HasIndex(x => x.InstanceId);
            e.HasOne<InstanceRow>().WithMany().HasForeignKey(x => x.InstanceId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
