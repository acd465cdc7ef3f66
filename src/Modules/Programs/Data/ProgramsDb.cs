using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Programs.Data;

public sealed class ProgramsDb(DbContextOptions<ProgramsDb> options) : DbContext(options)
{
    public const string Schema = "program";

    public DbSet<ProgramKind> Kinds => Set<ProgramKind>();
    public DbSet<ProgramRow> Programs => Set<ProgramRow>();
    public DbSet<SessionRow> Sessions => Set<SessionRow>();
    public DbSet<CommitteeRow> Committee => Set<CommitteeRow>();
    public DbSet<ParticipantRow> Participants => Set<ParticipantRow>();
    public DbSet<EvaluationRow> Evaluations => Set<EvaluationRow>();
    public DbSet<InvitationRow> Invitations => Set<InvitationRow>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.HasDefaultSchema(Schema);
        b.Entity<ProgramKind>(e =>
        {
            e.HasKey(x => x.Kode);
            e.Property(x => x.Kode).HasMaxLength(80);
            e.Property(x => x.Nama).HasMaxLength(200);
            e.Property(x => x.Jenis).HasMaxLength(30);
            e.Property(x => x.SopKode).HasMaxLength(100);
            e.Property(x => x.RujukanSopKode).HasMaxLength(100);
            e.Property(x => x.SuratTugas).HasMaxLength(80);
            e.Property(x => x.SuratPemberitahuan).HasMaxLength(80);
            e.Property(x => x.Laporan).HasMaxLength(80);
            e.Property(x => x.PeranPenerus).HasMaxLength(256);
            e.Property(x => x.Sasaran).HasMaxLength(500);
            e.Property(x => x.SasaranStatus).HasMaxLength(10);
        });
        b.Entity<ProgramRow>(e =>
        {
            e.Property(x => x.JenisKode).HasMaxLength(80);
            e.Property(x => x.Judul).HasMaxLength(200);
            e.Property(x => x.Jenis).HasMaxLength(30);
            e.Property(x => x.Tema).HasMaxLength(300);
            e.Property(x => x.Narasumber).HasMaxLength(1000);
            e.Property(x => x.Tempat).HasMaxLength(300);
            e.Property(x => x.Tautan).HasMaxLength(500);
            e.Property(x => x.Sasaran).HasMaxLength(500);
            e.Property(x => x.SasaranStatus).HasMaxLength(10);
            e.Property(x => x.Status).HasMaxLength(20);
            e.Property(x => x.SopKode).HasMaxLength(100);
            e.Property(x => x.SopJudul).HasMaxLength(300);
            e.Property(x => x.RujukanSopKode).HasMaxLength(100);
            e.Property(x => x.DibuatOleh).HasMaxLength(256);
            e.HasIndex(x => x.Mulai);
            e.HasIndex(x => x.SopInstanceId).IsUnique();
        });
        b.Entity<SessionRow>(e =>
        {
            e.Property(x => x.Keterangan).HasMaxLength(200);
            e.HasOne<ProgramRow>().WithMany().HasForeignKey(x => x.ProgramId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.ProgramId, x.Mulai });
        });
        b.Entity<CommitteeRow>(e =>
        {
            e.Property(x => x.UserId).HasMaxLength(450);
            e.Property(x => x.Nama).HasMaxLength(256);
            e.Property(x => x.Email).HasMaxLength(256);
            e.Property(x => x.Peran).HasMaxLength(30);
            e.HasOne<ProgramRow>().WithMany().HasForeignKey(x => x.ProgramId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.ProgramId, x.UserId }).IsUnique();
        });
        b.Entity<ParticipantRow>(e =>
        {
            e.Property(x => x.Nama).HasMaxLength(200);
            e.Property(x => x.Nim).HasMaxLength(20);
            e.Property(x => x.Email).HasMaxLength(256);
            e.Property(x => x.Telepon).HasMaxLength(20);
            e.Property(x => x.Prodi).HasMaxLength(150);
            e.Property(x => x.Status).HasMaxLength(20);
            e.Property(x => x.Token).HasMaxLength(64);
            e.Property(x => x.Kode).HasMaxLength(12);
            e.Property(x => x.HadirOleh).HasMaxLength(256);
            e.Property(x => x.CaseNomor).HasMaxLength(40);
            e.HasOne<ProgramRow>().WithMany().HasForeignKey(x => x.ProgramId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => x.Token).IsUnique();
            e.HasIndex(x => new { x.ProgramId, x.Kode }).IsUnique();
            e.HasIndex(x => new { x.ProgramId, x.Status, x.DidaftarPada });
        });
        b.Entity<EvaluationRow>(e =>
        {
            e.Property(x => x.Komentar).HasMaxLength(2000);
            e.HasOne<ProgramRow>().WithMany().HasForeignKey(x => x.ProgramId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<ParticipantRow>().WithMany().HasForeignKey(x => x.ParticipantId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => x.ParticipantId).IsUnique();
            e.HasIndex(x => x.ProgramId);
        });
        b.Entity<InvitationRow>(e =>
        {
            e.Property(x => x.Saluran).HasMaxLength(20);
            e.Property(x => x.Kepada).HasMaxLength(300);
            e.Property(x => x.SuratNomor).HasMaxLength(100);
            e.Property(x => x.Oleh).HasMaxLength(256);
            e.HasOne<ProgramRow>().WithMany().HasForeignKey(x => x.ProgramId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => x.ProgramId);
        });
    }
}
