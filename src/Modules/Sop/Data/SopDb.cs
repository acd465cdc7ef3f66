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
            e.ToTable("definitions");
            e.Property(x => x.Id).HasColumnName("id");
            e.Property(x => x.Kode).HasColumnName("kode").HasMaxLength(150);
            e.Property(x => x.Judul).HasColumnName("judul").HasMaxLength(300);
            e.Property(x => x.VersiAktif).HasColumnName("versi_aktif");
            e.Property(x => x.DibuatPada).HasColumnName("dibuat_pada");
            e.HasIndex(x => x.Kode).IsUnique();
        });
        b.Entity<VersionRow>(e =>
        {
            e.ToTable("versions");
            e.Property(x => x.Id).HasColumnName("id");
            e.Property(x => x.DefinitionId).HasColumnName("definition_id");
            e.Property(x => x.Versi).HasColumnName("versi");
            e.Property(x => x.Json).HasColumnName("json").HasColumnType("jsonb");
            e.Property(x => x.Hash).HasColumnName("hash").HasMaxLength(64);
            e.Property(x => x.DibuatPada).HasColumnName("dibuat_pada");
            e.Property(x => x.DibuatOleh).HasColumnName("dibuat_oleh").HasMaxLength(300);
            e.Property(x => x.CatatanPerubahan).HasColumnName("catatan_perubahan").HasMaxLength(1000);
            e.HasIndex(x => new { x.DefinitionId, x.Versi }).IsUnique();
            e.HasOne<DefinitionRow>().WithMany().HasForeignKey(x => x.DefinitionId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<InstanceRow>(e =>
        {
            e.ToTable("instances");
            e.Property(x => x.Id).HasColumnName("id");
            e.Property(x => x.VersionId).HasColumnName("version_id");
            e.Property(x => x.DefinitionId).HasColumnName("definition_id");
            e.Property(x => x.Kode).HasColumnName("kode").HasMaxLength(150);
            e.Property(x => x.Versi).HasColumnName("versi");
            e.Property(x => x.Subjek).HasColumnName("subjek").HasMaxLength(300);
            e.Property(x => x.Status).HasColumnName("status").HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.DimulaiPada).HasColumnName("dimulai_pada");
            e.Property(x => x.SelesaiPada).HasColumnName("selesai_pada");
            e.Property(x => x.DimulaiOleh).HasColumnName("dimulai_oleh").HasMaxLength(450);
            e.Property(x => x.Konteks).HasColumnName("konteks").HasColumnType("jsonb");
            e.Property(x => x.LangkahAktif).HasColumnName("langkah_aktif").HasMaxLength(300);
            e.Property(x => x.JatuhTempo).HasColumnName("jatuh_tempo");
            e.Property(x => x.Terlambat).HasColumnName("terlambat");
            e.HasIndex(x => new { x.DefinitionId, x.Status, x.DimulaiPada, x.Id }).IsDescending(false, false, true, true);
            e.HasIndex(x => new { x.Status, x.SelesaiPada });
            e.HasOne<VersionRow>().WithMany().HasForeignKey(x => x.VersionId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<ActiveStepRow>(e =>
        {
            e.ToTable("active_steps");
            e.HasKey(x => x.ActivationId);
            e.Property(x => x.ActivationId).HasColumnName("activation_id");
            e.Property(x => x.InstanceId).HasColumnName("instance_id");
            e.Property(x => x.StepId).HasColumnName("step_id").HasMaxLength(40);
            e.Property(x => x.DiaktifkanPada).HasColumnName("diaktifkan_pada");
            e.Property(x => x.JatuhTempo).HasColumnName("jatuh_tempo");
            e.Property(x => x.PengingatPada).HasColumnName("pengingat_pada");
            e.Property(x => x.PenerimaTugas).HasColumnName("penerima_tugas").HasMaxLength(450);
            e.Property(x => x.Diingatkan).HasColumnName("diingatkan");
            e.Property(x => x.Terlambat).HasColumnName("terlambat");
            e.HasIndex(x => x.InstanceId);
            e.HasOne<InstanceRow>().WithMany().HasForeignKey(x => x.InstanceId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<EventRow>(e =>
        {
            e.ToTable("events");
            e.Property(x => x.Id).HasColumnName("id");
            e.Property(x => x.InstanceId).HasColumnName("instance_id");
            e.Property(x => x.Seq).HasColumnName("seq");
            e.Property(x => x.Jenis).HasColumnName("jenis").HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.StepId).HasColumnName("step_id").HasMaxLength(40);
            e.Property(x => x.ActivationId).HasColumnName("activation_id");
            e.Property(x => x.Pada).HasColumnName("pada");
            e.Property(x => x.OlehId).HasColumnName("oleh_id").HasMaxLength(450);
            e.Property(x => x.OlehNama).HasColumnName("oleh_nama").HasMaxLength(200);
            e.Property(x => x.Pilihan).HasColumnName("pilihan").HasMaxLength(200);
            e.Property(x => x.Masukan).HasColumnName("masukan").HasColumnType("jsonb");
            e.Property(x => x.Keluaran).HasColumnName("keluaran").HasColumnType("jsonb");
            e.Property(x => x.Catatan).HasColumnName("catatan");
            e.Property(x => x.JatuhTempo).HasColumnName("jatuh_tempo");
            // History is append-only; the pair is unique, so a double transition cannot be written even past the lock.
            e.HasIndex(x => new { x.InstanceId, x.Seq }).IsUnique();
            e.HasOne<InstanceRow>().WithMany().HasForeignKey(x => x.InstanceId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<ActivationRow>(e =>
        {
            e.ToTable("activations");
            e.HasKey(x => x.ActivationId);
            e.Property(x => x.ActivationId).HasColumnName("activation_id");
            e.Property(x => x.InstanceId).HasColumnName("instance_id");
            e.Property(x => x.Kode).HasColumnName("kode").HasMaxLength(150);
            e.Property(x => x.StepId).HasColumnName("step_id").HasMaxLength(40);
            e.Property(x => x.DiaktifkanPada).HasColumnName("diaktifkan_pada");
            e.Property(x => x.JatuhTempo).HasColumnName("jatuh_tempo");
            e.Property(x => x.BerakhirPada).HasColumnName("berakhir_pada");
            e.Property(x => x.Akhir).HasColumnName("akhir").HasMaxLength(20);
            // Completions in a period, and what was still open at a date (berakhir_pada null or later).
            e.HasIndex(x => x.BerakhirPada);
            e.HasIndex(x => x.InstanceId);
            e.HasOne<InstanceRow>().WithMany().HasForeignKey(x => x.InstanceId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
