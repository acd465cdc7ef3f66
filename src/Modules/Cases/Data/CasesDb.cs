using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Cases.Data;

/// <summary>Cases, their timeline, agreements and the key ring for counseling notes, in schema "kasus".</summary>
public sealed class CasesDb(DbContextOptions<CasesDb> options) : DbContext(options)
{
    public const string Schema = "kasus";

    public DbSet<CaseRow> Cases => Set<CaseRow>();
    public DbSet<CaseEntry> Entries => Set<CaseEntry>();
    public DbSet<Appointment> Appointments => Set<Appointment>();
    public DbSet<ProtectionKey> Keys => Set<ProtectionKey>();
    public DbSet<Disposition> Dispositions => Set<Disposition>();
    public DbSet<ExternalReferral> Referrals => Set<ExternalReferral>();
    public DbSet<CaseDocument> Documents => Set<CaseDocument>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.HasDefaultSchema(Schema);
        b.HasSequence<long>("case_seq");
        b.Entity<CaseRow>(e =>
        {
            e.Property(x => x.Nomor).HasMaxLength(30);
            e.Property(x => x.Sumber).HasMaxLength(20);
            e.Property(x => x.Nama).HasMaxLength(200);
            e.Property(x => x.Email).HasMaxLength(256);
            e.Property(x => x.Telepon).HasMaxLength(30);
            e.Property(x => x.Nim).HasMaxLength(30);
            e.Property(x => x.JenisKlien).HasMaxLength(60);
            e.Property(x => x.Saluran).HasMaxLength(100);
            e.Property(x => x.Bidang).HasMaxLength(100);
            e.Property(x => x.WaktuDiinginkan).HasMaxLength(200);
            e.Property(x => x.KodePelacakan).HasMaxLength(12);
            e.Property(x => x.PenggunaId).HasMaxLength(450);
            e.Property(x => x.Perujuk).HasMaxLength(200);
            e.Property(x => x.Status).HasMaxLength(20);
            e.Property(x => x.SopKode).HasMaxLength(100);
            e.Property(x => x.SopJudul).HasMaxLength(300);
            e.Property(x => x.KonselorId).HasMaxLength(450);
            e.Property(x => x.KonselorNama).HasMaxLength(200);
            e.Property(x => x.Prodi).HasMaxLength(100);
            e.HasIndex(x => x.Nomor).IsUnique();
            e.HasIndex(x => x.DibukaPada);
            e.HasIndex(x => x.DitutupPada);
            e.HasIndex(x => x.SopInstanceId).IsUnique();
            e.HasIndex(x => x.PeranAktif).HasMethod("gin");
            e.HasIndex(x => x.PeranMenunggu).HasMethod("gin");
            e.HasIndex(x => new { x.Status, x.Terlambat, x.JatuhTempo });
            e.HasIndex(x => x.KonselorId);
            e.HasIndex(x => x.PenggunaId);
        });
        b.Entity<CaseEntry>(e =>
        {
            e.Property(x => x.Jenis).HasMaxLength(30);
            e.Property(x => x.Tingkat).HasMaxLength(20);
            e.Property(x => x.OlehId).HasMaxLength(450);
            e.Property(x => x.OlehNama).HasMaxLength(200);
            e.HasIndex(x => new { x.CaseId, x.Pada });
            e.HasOne<CaseRow>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<Appointment>(e =>
        {
            e.Property(x => x.Tempat).HasMaxLength(300);
            e.Property(x => x.Tautan).HasMaxLength(500);
            e.Property(x => x.KodeRapat).HasMaxLength(100);
            e.Property(x => x.Status).HasMaxLength(20);
            e.Property(x => x.OlehNama).HasMaxLength(200);
            e.Property(x => x.DikonfirmasiOleh).HasMaxLength(450);
            e.HasIndex(x => new { x.CaseId, x.Mulai });
            e.HasOne<CaseRow>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<Disposition>(e =>
        {
            e.Property(x => x.DariId).HasMaxLength(450);
            e.Property(x => x.DariNama).HasMaxLength(200);
            e.Property(x => x.DariPeran).HasMaxLength(256);
            e.Property(x => x.KepadaPeran).HasMaxLength(256);
            e.Property(x => x.Status).HasMaxLength(20);
            e.Property(x => x.DilaporkanOleh).HasMaxLength(200);
            e.HasIndex(x => new { x.CaseId, x.DibuatPada });
            e.HasIndex(x => new { x.KepadaPeran, x.Status });
            e.HasOne<CaseRow>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<ExternalReferral>(e =>
        {
            e.Property(x => x.Kepada).HasMaxLength(300);
            e.Property(x => x.Jenis).HasMaxLength(30);
            e.Property(x => x.Kontak).HasMaxLength(300);
            e.Property(x => x.NomorSurat).HasMaxLength(100);
            e.Property(x => x.DirujukOleh).HasMaxLength(200);
            e.HasIndex(x => x.CaseId);
            e.HasOne<CaseRow>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<CaseDocument>(e =>
        {
            e.Property(x => x.Nama).HasMaxLength(200);
            e.Property(x => x.Jenis).HasMaxLength(200);
            e.Property(x => x.NamaBerkas).HasMaxLength(255);
            e.Property(x => x.Mime).HasMaxLength(100);
            e.Property(x => x.Tingkat).HasMaxLength(20);
            e.Property(x => x.OlehNama).HasMaxLength(200);
            e.HasIndex(x => x.CaseId);
            e.HasIndex(x => new { x.CaseId, x.Jenis });
            e.HasOne<CaseRow>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<ProtectionKey>(e =>
        {
            e.ToTable("protection_keys");
            e.Property(x => x.FriendlyName).HasMaxLength(200);
        });
    }
}
