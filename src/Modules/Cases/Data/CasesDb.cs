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
            e.ToTable("cases");
            e.Property(x => x.Id).HasColumnName("id");
            e.Property(x => x.Nomor).HasColumnName("nomor").HasMaxLength(30);
            e.Property(x => x.Sumber).HasColumnName("sumber").HasMaxLength(20);
            e.Property(x => x.Nama).HasColumnName("nama").HasMaxLength(200);
            e.Property(x => x.Email).HasColumnName("email").HasMaxLength(256);
            e.Property(x => x.Telepon).HasColumnName("telepon").HasMaxLength(30);
            e.Property(x => x.Nim).HasColumnName("nim").HasMaxLength(30);
            e.Property(x => x.JenisKlien).HasColumnName("jenis_klien").HasMaxLength(60);
            e.Property(x => x.Saluran).HasColumnName("saluran").HasMaxLength(100);
            e.Property(x => x.Bidang).HasColumnName("bidang").HasMaxLength(100);
            e.Property(x => x.WaktuDiinginkan).HasColumnName("waktu_diinginkan").HasMaxLength(200);
            e.Property(x => x.KodePelacakan).HasColumnName("kode_pelacakan").HasMaxLength(12);
            e.Property(x => x.PenggunaId).HasColumnName("pengguna_id").HasMaxLength(450);
            e.Property(x => x.Perujuk).HasColumnName("perujuk").HasMaxLength(200);
            e.Property(x => x.Status).HasColumnName("status").HasMaxLength(20);
            e.Property(x => x.SopInstanceId).HasColumnName("sop_instance_id");
            e.Property(x => x.SopKode).HasColumnName("sop_kode").HasMaxLength(100);
            e.Property(x => x.SopJudul).HasColumnName("sop_judul").HasMaxLength(300);
            e.Property(x => x.LangkahAktif).HasColumnName("langkah_aktif");
            e.Property(x => x.PeranAktif).HasColumnName("peran_aktif");
            e.Property(x => x.PenerimaTugas).HasColumnName("penerima_tugas");
            e.Property(x => x.MenungguKlien).HasColumnName("menunggu_klien");
            e.Property(x => x.PeranMenunggu).HasColumnName("peran_menunggu");
            e.Property(x => x.JatuhTempo).HasColumnName("jatuh_tempo");
            e.Property(x => x.Terlambat).HasColumnName("terlambat");
            e.Property(x => x.KonselorId).HasColumnName("konselor_id").HasMaxLength(450);
            e.Property(x => x.KonselorNama).HasColumnName("konselor_nama").HasMaxLength(200);
            e.Property(x => x.DibukaPada).HasColumnName("dibuka_pada");
            e.Property(x => x.DitutupPada).HasColumnName("ditutup_pada");
            e.Property(x => x.DiperbaruiPada).HasColumnName("diperbarui_pada");
            e.Property(x => x.Prodi).HasColumnName("prodi").HasMaxLength(100);
            e.Property(x => x.KontakPertamaPada).HasColumnName("kontak_pertama_pada");
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
            e.ToTable("entries");
            e.Property(x => x.Id).HasColumnName("id");
            e.Property(x => x.CaseId).HasColumnName("case_id");
            e.Property(x => x.Jenis).HasColumnName("jenis").HasMaxLength(30);
            e.Property(x => x.Tingkat).HasColumnName("tingkat").HasMaxLength(20);
            e.Property(x => x.Isi).HasColumnName("isi");
            e.Property(x => x.Terenkripsi).HasColumnName("terenkripsi");
            e.Property(x => x.OlehId).HasColumnName("oleh_id").HasMaxLength(450);
            e.Property(x => x.OlehNama).HasColumnName("oleh_nama").HasMaxLength(200);
            e.Property(x => x.Pada).HasColumnName("pada");
            e.Property(x => x.DirilisPada).HasColumnName("dirilis_pada");
            e.HasIndex(x => new { x.CaseId, x.Pada });
            e.HasOne<CaseRow>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<Appointment>(e =>
        {
            e.ToTable("appointments");
            e.Property(x => x.Id).HasColumnName("id");
            e.Property(x => x.CaseId).HasColumnName("case_id");
            e.Property(x => x.Mulai).HasColumnName("mulai");
            e.Property(x => x.DurasiMenit).HasColumnName("durasi_menit");
            e.Property(x => x.Tempat).HasColumnName("tempat").HasMaxLength(300);
            e.Property(x => x.Tautan).HasColumnName("tautan").HasMaxLength(500);
            e.Property(x => x.KodeRapat).HasColumnName("kode_rapat").HasMaxLength(100);
            e.Property(x => x.SandiRapat).HasColumnName("sandi_rapat");
            e.Property(x => x.Status).HasColumnName("status").HasMaxLength(20);
            e.Property(x => x.Alasan).HasColumnName("alasan");
            e.Property(x => x.OlehNama).HasColumnName("oleh_nama").HasMaxLength(200);
            e.Property(x => x.DibuatPada).HasColumnName("dibuat_pada");
            e.Property(x => x.DikonfirmasiPada).HasColumnName("dikonfirmasi_pada");
            e.Property(x => x.DikonfirmasiOleh).HasColumnName("dikonfirmasi_oleh").HasMaxLength(450);
            e.HasIndex(x => new { x.CaseId, x.Mulai });
            e.HasOne<CaseRow>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<Disposition>(e =>
        {
            e.ToTable("dispositions");
            e.Property(x => x.Id).HasColumnName("id");
            e.Property(x => x.CaseId).HasColumnName("case_id");
            e.Property(x => x.IndukId).HasColumnName("induk_id");
            e.Property(x => x.DariId).HasColumnName("dari_id").HasMaxLength(450);
            e.Property(x => x.DariNama).HasColumnName("dari_nama").HasMaxLength(200);
            e.Property(x => x.DariPeran).HasColumnName("dari_peran").HasMaxLength(256);
            e.Property(x => x.KepadaPeran).HasColumnName("kepada_peran").HasMaxLength(256);
            e.Property(x => x.Instruksi).HasColumnName("instruksi");
            e.Property(x => x.BatasWaktu).HasColumnName("batas_waktu");
            e.Property(x => x.Status).HasColumnName("status").HasMaxLength(20);
            e.Property(x => x.Laporan).HasColumnName("laporan");
            e.Property(x => x.DilaporkanOleh).HasColumnName("dilaporkan_oleh").HasMaxLength(200);
            e.Property(x => x.DilaporkanPada).HasColumnName("dilaporkan_pada");
            e.Property(x => x.DibuatPada).HasColumnName("dibuat_pada");
            e.HasIndex(x => new { x.CaseId, x.DibuatPada });
            e.HasIndex(x => new { x.KepadaPeran, x.Status });
            e.HasOne<CaseRow>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<ExternalReferral>(e =>
        {
            e.ToTable("referrals");
            e.Property(x => x.Id).HasColumnName("id");
            e.Property(x => x.CaseId).HasColumnName("case_id");
            e.Property(x => x.Kepada).HasColumnName("kepada").HasMaxLength(300);
            e.Property(x => x.Jenis).HasColumnName("jenis").HasMaxLength(30);
            e.Property(x => x.Kontak).HasColumnName("kontak").HasMaxLength(300);
            e.Property(x => x.NomorSurat).HasColumnName("nomor_surat").HasMaxLength(100);
            e.Property(x => x.SuratId).HasColumnName("surat_id");
            e.Property(x => x.DirujukPada).HasColumnName("dirujuk_pada");
            e.Property(x => x.DirujukOleh).HasColumnName("dirujuk_oleh").HasMaxLength(200);
            e.Property(x => x.HasilDiterimaPada).HasColumnName("hasil_diterima_pada");
            e.HasIndex(x => x.CaseId);
            e.HasOne<CaseRow>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<CaseDocument>(e =>
        {
            e.ToTable("documents");
            e.Property(x => x.Id).HasColumnName("id");
            e.Property(x => x.CaseId).HasColumnName("case_id");
            e.Property(x => x.Nama).HasColumnName("nama").HasMaxLength(200);
            e.Property(x => x.Jenis).HasColumnName("jenis").HasMaxLength(200);
            e.Property(x => x.NamaBerkas).HasColumnName("nama_berkas").HasMaxLength(255);
            e.Property(x => x.Mime).HasColumnName("mime").HasMaxLength(100);
            e.Property(x => x.Ukuran).HasColumnName("ukuran");
            e.Property(x => x.Isi).HasColumnName("isi");
            e.Property(x => x.Terenkripsi).HasColumnName("terenkripsi");
            e.Property(x => x.Tingkat).HasColumnName("tingkat").HasMaxLength(20);
            e.Property(x => x.OlehNama).HasColumnName("oleh_nama").HasMaxLength(200);
            e.Property(x => x.Pada).HasColumnName("pada");
            e.HasIndex(x => x.CaseId);
            e.HasIndex(x => new { x.CaseId, x.Jenis });
            e.HasOne<CaseRow>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<ProtectionKey>(e =>
        {
            e.ToTable("protection_keys");
            e.Property(x => x.Id).HasColumnName("id");
            e.Property(x => x.FriendlyName).HasColumnName("friendly_name").HasMaxLength(200);
            e.Property(x => x.Xml).HasColumnName("xml");
        });
    }
}
