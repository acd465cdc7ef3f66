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
            e.ToTable("kinds");
            e.HasKey(x => x.Kode);
            e.Property(x => x.Kode).HasColumnName("kode").HasMaxLength(80);
            e.Property(x => x.Nama).HasColumnName("nama").HasMaxLength(200);
            e.Property(x => x.Jenis).HasColumnName("jenis").HasMaxLength(30);
            e.Property(x => x.SopKode).HasColumnName("sop_kode").HasMaxLength(100);
            e.Property(x => x.RujukanSopKode).HasColumnName("rujukan_sop_kode").HasMaxLength(100);
            e.Property(x => x.SuratTugas).HasColumnName("surat_tugas").HasMaxLength(80);
            e.Property(x => x.SuratPemberitahuan).HasColumnName("surat_pemberitahuan").HasMaxLength(80);
            e.Property(x => x.Laporan).HasColumnName("laporan").HasMaxLength(80);
            e.Property(x => x.PeranPenerus).HasColumnName("peran_penerus").HasMaxLength(256);
            e.Property(x => x.Sasaran).HasColumnName("sasaran").HasMaxLength(500);
            e.Property(x => x.SasaranSemester).HasColumnName("sasaran_semester");
            e.Property(x => x.SasaranStatus).HasColumnName("sasaran_status").HasMaxLength(10);
        });
        b.Entity<ProgramRow>(e =>
        {
            e.ToTable("programs");
            e.Property(x => x.Id).HasColumnName("id");
            e.Property(x => x.JenisKode).HasColumnName("jenis_kode").HasMaxLength(80);
            e.Property(x => x.Judul).HasColumnName("judul").HasMaxLength(200);
            e.Property(x => x.Jenis).HasColumnName("jenis").HasMaxLength(30);
            e.Property(x => x.Tema).HasColumnName("tema").HasMaxLength(300);
            e.Property(x => x.Narasumber).HasColumnName("narasumber").HasMaxLength(1000);
            e.Property(x => x.Tempat).HasColumnName("tempat").HasMaxLength(300);
            e.Property(x => x.Tautan).HasColumnName("tautan").HasMaxLength(500);
            e.Property(x => x.Sasaran).HasColumnName("sasaran").HasMaxLength(500);
            e.Property(x => x.SasaranProdi).HasColumnName("sasaran_prodi");
            e.Property(x => x.SasaranSemester).HasColumnName("sasaran_semester");
            e.Property(x => x.SasaranStatus).HasColumnName("sasaran_status").HasMaxLength(10);
            e.Property(x => x.Kapasitas).HasColumnName("kapasitas");
            e.Property(x => x.PendaftaranBuka).HasColumnName("pendaftaran_buka");
            e.Property(x => x.PendaftaranTutup).HasColumnName("pendaftaran_tutup");
            e.Property(x => x.Status).HasColumnName("status").HasMaxLength(20);
            e.Property(x => x.SopKode).HasColumnName("sop_kode").HasMaxLength(100);
            e.Property(x => x.SopInstanceId).HasColumnName("sop_instance_id");
            e.Property(x => x.SopJudul).HasColumnName("sop_judul").HasMaxLength(300);
            e.Property(x => x.LangkahAktif).HasColumnName("langkah_aktif");
            e.Property(x => x.SopSelesai).HasColumnName("sop_selesai");
            e.Property(x => x.RujukanSopKode).HasColumnName("rujukan_sop_kode").HasMaxLength(100);
            e.Property(x => x.Mulai).HasColumnName("mulai");
            e.Property(x => x.Selesai).HasColumnName("selesai");
            e.Property(x => x.DibuatPada).HasColumnName("dibuat_pada");
            e.Property(x => x.DibuatOleh).HasColumnName("dibuat_oleh").HasMaxLength(256);
            e.HasIndex(x => x.Mulai);
            e.HasIndex(x => x.SopInstanceId).IsUnique();
        });
        b.Entity<SessionRow>(e =>
        {
            e.ToTable("sessions");
            e.Property(x => x.Id).HasColumnName("id");
            e.Property(x => x.ProgramId).HasColumnName("program_id");
            e.Property(x => x.Mulai).HasColumnName("mulai");
            e.Property(x => x.Selesai).HasColumnName("selesai");
            e.Property(x => x.Keterangan).HasColumnName("keterangan").HasMaxLength(200);
            e.HasOne<ProgramRow>().WithMany().HasForeignKey(x => x.ProgramId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.ProgramId, x.Mulai });
        });
        b.Entity<CommitteeRow>(e =>
        {
            e.ToTable("committee");
            e.Property(x => x.Id).HasColumnName("id");
            e.Property(x => x.ProgramId).HasColumnName("program_id");
            e.Property(x => x.UserId).HasColumnName("user_id").HasMaxLength(450);
            e.Property(x => x.Nama).HasColumnName("nama").HasMaxLength(256);
            e.Property(x => x.Email).HasColumnName("email").HasMaxLength(256);
            e.Property(x => x.Peran).HasColumnName("peran").HasMaxLength(30);
            e.HasOne<ProgramRow>().WithMany().HasForeignKey(x => x.ProgramId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.ProgramId, x.UserId }).IsUnique();
        });
        b.Entity<ParticipantRow>(e =>
        {
            e.ToTable("participants");
            e.Property(x => x.Id).HasColumnName("id");
            e.Property(x => x.ProgramId).HasColumnName("program_id");
            e.Property(x => x.Nama).HasColumnName("nama").HasMaxLength(200);
            e.Property(x => x.Nim).HasColumnName("nim").HasMaxLength(20);
            e.Property(x => x.Email).HasColumnName("email").HasMaxLength(256);
            e.Property(x => x.Telepon).HasColumnName("telepon").HasMaxLength(20);
            e.Property(x => x.Prodi).HasColumnName("prodi").HasMaxLength(150);
            e.Property(x => x.Terverifikasi).HasColumnName("terverifikasi");
            e.Property(x => x.Status).HasColumnName("status").HasMaxLength(20);
            e.Property(x => x.Token).HasColumnName("token").HasMaxLength(64);
            e.Property(x => x.Kode).HasColumnName("kode").HasMaxLength(12);
            e.Property(x => x.DidaftarPada).HasColumnName("didaftar_pada");
            e.Property(x => x.DibatalkanPada).HasColumnName("dibatalkan_pada");
            e.Property(x => x.HadirPada).HasColumnName("hadir_pada");
            e.Property(x => x.HadirOleh).HasColumnName("hadir_oleh").HasMaxLength(256);
            e.Property(x => x.CaseId).HasColumnName("case_id");
            e.Property(x => x.CaseNomor).HasColumnName("case_nomor").HasMaxLength(40);
            e.Property(x => x.DirujukPada).HasColumnName("dirujuk_pada");
            e.Property(x => x.EvaluasiDikirimPada).HasColumnName("evaluasi_dikirim_pada");
            e.HasOne<ProgramRow>().WithMany().HasForeignKey(x => x.ProgramId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => x.Token).IsUnique();
            e.HasIndex(x => new { x.ProgramId, x.Kode }).IsUnique();
            e.HasIndex(x => new { x.ProgramId, x.Status, x.DidaftarPada });
        });
        b.Entity<EvaluationRow>(e =>
        {
            e.ToTable("evaluations");
            e.Property(x => x.Id).HasColumnName("id");
            e.Property(x => x.ProgramId).HasColumnName("program_id");
            e.Property(x => x.ParticipantId).HasColumnName("participant_id");
            e.Property(x => x.Materi).HasColumnName("materi");
            e.Property(x => x.Narasumber).HasColumnName("narasumber");
            e.Property(x => x.Penyelenggaraan).HasColumnName("penyelenggaraan");
            e.Property(x => x.Keseluruhan).HasColumnName("keseluruhan");
            e.Property(x => x.Komentar).HasColumnName("komentar").HasMaxLength(2000);
            e.Property(x => x.DikirimPada).HasColumnName("dikirim_pada");
            e.HasOne<ProgramRow>().WithMany().HasForeignKey(x => x.ProgramId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<ParticipantRow>().WithMany().HasForeignKey(x => x.ParticipantId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => x.ParticipantId).IsUnique();
            e.HasIndex(x => x.ProgramId);
        });
        b.Entity<InvitationRow>(e =>
        {
            e.ToTable("invitations");
            e.Property(x => x.Id).HasColumnName("id");
            e.Property(x => x.ProgramId).HasColumnName("program_id");
            e.Property(x => x.Saluran).HasColumnName("saluran").HasMaxLength(20);
            e.Property(x => x.Kepada).HasColumnName("kepada").HasMaxLength(300);
            e.Property(x => x.Jumlah).HasColumnName("jumlah");
            e.Property(x => x.SuratNomor).HasColumnName("surat_nomor").HasMaxLength(100);
            e.Property(x => x.Pada).HasColumnName("pada");
            e.Property(x => x.Oleh).HasColumnName("oleh").HasMaxLength(256);
            e.HasOne<ProgramRow>().WithMany().HasForeignKey(x => x.ProgramId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => x.ProgramId);
        });
    }
}
