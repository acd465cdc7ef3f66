using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Forms.Data;

/// <summary>Forms, their versions, the submissions and the consent records, in schema "forms".</summary>
public sealed class FormsDb(DbContextOptions<FormsDb> options) : DbContext(options)
{
    public const string Schema = "forms";

    public DbSet<FormRow> Forms => Set<FormRow>();
    public DbSet<FormVersionRow> Versions => Set<FormVersionRow>();
    public DbSet<Submission> Submissions => Set<Submission>();
    public DbSet<ConsentRecord> Consents => Set<ConsentRecord>();
    public DbSet<UploadedFile> Files => Set<UploadedFile>();
    public DbSet<KodeSekali> KodeSekali => Set<KodeSekali>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.HasDefaultSchema(Schema);
        b.Entity<FormRow>(e =>
        {
            e.ToTable("forms");
            e.Property(x => x.Id).HasColumnName("id");
            e.Property(x => x.Kode).HasColumnName("kode").HasMaxLength(60);
            e.Property(x => x.Judul).HasColumnName("judul").HasMaxLength(300);
            e.Property(x => x.VersiAktif).HasColumnName("versi_aktif");
            e.Property(x => x.Draf).HasColumnName("draf").HasColumnType("jsonb");
            e.Property(x => x.DrafDariVersi).HasColumnName("draf_dari_versi");
            e.Property(x => x.DrafPada).HasColumnName("draf_pada");
            e.Property(x => x.DrafOleh).HasColumnName("draf_oleh").HasMaxLength(300);
            e.HasIndex(x => x.Kode).IsUnique();
        });
        b.Entity<FormVersionRow>(e =>
        {
            e.ToTable("versions");
            e.Property(x => x.Id).HasColumnName("id");
            e.Property(x => x.FormId).HasColumnName("form_id");
            e.Property(x => x.Versi).HasColumnName("versi");
            e.Property(x => x.Json).HasColumnName("json").HasColumnType("jsonb");
            e.Property(x => x.Hash).HasColumnName("hash").HasMaxLength(64);
            e.Property(x => x.DibuatPada).HasColumnName("dibuat_pada");
            e.Property(x => x.DibuatOleh).HasColumnName("dibuat_oleh").HasMaxLength(300);
            e.HasIndex(x => new { x.FormId, x.Versi }).IsUnique();
            e.HasOne<FormRow>().WithMany().HasForeignKey(x => x.FormId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<Submission>(e =>
        {
            e.ToTable("submissions");
            e.Property(x => x.Id).HasColumnName("id");
            e.Property(x => x.KodePelacakan).HasColumnName("kode_pelacakan").HasMaxLength(12);
            e.Property(x => x.KunciKirim).HasColumnName("kunci_kirim");
            e.Property(x => x.FormId).HasColumnName("form_id");
            e.Property(x => x.VersionId).HasColumnName("version_id");
            e.Property(x => x.Versi).HasColumnName("versi");
            e.Property(x => x.Jawaban).HasColumnName("jawaban").HasColumnType("jsonb");
            e.Property(x => x.Nama).HasColumnName("nama").HasMaxLength(200);
            e.Property(x => x.Email).HasColumnName("email").HasMaxLength(256);
            e.Property(x => x.Telepon).HasColumnName("telepon").HasMaxLength(30);
            e.Property(x => x.Saluran).HasColumnName("saluran").HasMaxLength(100);
            e.Property(x => x.DikirimPada).HasColumnName("dikirim_pada");
            e.Property(x => x.SopInstanceId).HasColumnName("sop_instance_id");
            e.Property(x => x.PenggunaId).HasColumnName("pengguna_id").HasMaxLength(450);
            e.HasIndex(x => x.PenggunaId);
            e.HasIndex(x => x.Email);
            e.HasIndex(x => x.KodePelacakan).IsUnique();
            e.HasIndex(x => x.KunciKirim).IsUnique();
            e.HasIndex(x => new { x.FormId, x.DikirimPada });
            e.HasOne<FormVersionRow>().WithMany().HasForeignKey(x => x.VersionId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<UploadedFile>(e =>
        {
            e.ToTable("files");
            e.Property(x => x.Id).HasColumnName("id");
            e.Property(x => x.KunciKirim).HasColumnName("kunci_kirim");
            e.Property(x => x.SubmissionId).HasColumnName("submission_id");
            e.Property(x => x.IsianId).HasColumnName("isian_id").HasMaxLength(60);
            e.Property(x => x.NamaAsli).HasColumnName("nama_asli").HasMaxLength(255);
            e.Property(x => x.Mime).HasColumnName("mime").HasMaxLength(100);
            e.Property(x => x.Ukuran).HasColumnName("ukuran");
            e.Property(x => x.Isi).HasColumnName("isi");
            e.Property(x => x.DiunggahPada).HasColumnName("diunggah_pada");
            e.HasIndex(x => new { x.KunciKirim, x.IsianId }).IsUnique();
            e.HasIndex(x => x.SubmissionId);
            e.HasOne<Submission>().WithMany().HasForeignKey(x => x.SubmissionId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<KodeSekali>(e =>
        {
            e.ToTable("status_codes");
            e.Property(x => x.Id).HasColumnName("id");
            e.Property(x => x.SubmissionId).HasColumnName("submission_id");
            e.Property(x => x.KodeHash).HasColumnName("kode_hash").HasMaxLength(64);
            e.Property(x => x.DibuatPada).HasColumnName("dibuat_pada");
            e.Property(x => x.BerlakuSampai).HasColumnName("berlaku_sampai");
            e.Property(x => x.Percobaan).HasColumnName("percobaan");
            e.Property(x => x.Selesai).HasColumnName("selesai");
            e.Property(x => x.Umpan).HasColumnName("umpan");
            e.HasIndex(x => new { x.SubmissionId, x.DibuatPada });
            e.HasOne<Submission>().WithMany().HasForeignKey(x => x.SubmissionId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<ConsentRecord>(e =>
        {
            e.ToTable("consents");
            e.Property(x => x.Id).HasColumnName("id");
            e.Property(x => x.SubmissionId).HasColumnName("submission_id");
            e.Property(x => x.Versi).HasColumnName("versi").HasMaxLength(60);
            e.Property(x => x.Teks).HasColumnName("teks");
            e.Property(x => x.RetensiHari).HasColumnName("retensi_hari");
            e.Property(x => x.DiberikanPada).HasColumnName("diberikan_pada");
            e.Property(x => x.Oleh).HasColumnName("oleh").HasMaxLength(256);
            e.HasIndex(x => x.SubmissionId);
            e.HasOne<Submission>().WithMany().HasForeignKey(x => x.SubmissionId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}

public sealed class FormRow
{
    public Guid Id { get; set; }
    public required string Kode { get; set; }
    public required string Judul { get; set; }
    /// <summary>0 until the first version is published from the builder.</summary>
    public int VersiAktif { get; set; }
    /// <summary>The builder's unpublished draft (a whole form as JSON), kept between edits; null when there is none.</summary>
    public string? Draf { get; set; }
    /// <summary>The version the draft started from, to warn when another version was published meanwhile.</summary>
    public int? DrafDariVersi { get; set; }
    public DateTimeOffset? DrafPada { get; set; }
    public string? DrafOleh { get; set; }
}

public sealed class FormVersionRow
{
    public Guid Id { get; set; }
    public Guid FormId { get; set; }
    public int Versi { get; set; }
    public required string Json { get; set; }
    public required string Hash { get; set; }
    public DateTimeOffset DibuatPada { get; set; }
    public required string DibuatOleh { get; set; }
}

/// <summary>A request as sent: the form version it answered, every answer, and the SOP instance it started.</summary>
public sealed class Submission
{
    public Guid Id { get; set; }
    public required string KodePelacakan { get; set; }
    /// <summary>From the form page; a second post with the same key is the same request.</summary>
    public Guid KunciKirim { get; set; }
    public Guid FormId { get; set; }
    public Guid VersionId { get; set; }
    public int Versi { get; set; }
    public required string Jawaban { get; set; }
    public required string Nama { get; set; }
    public required string Email { get; set; }
    public string? Telepon { get; set; }
    public string? Saluran { get; set; }
    public DateTimeOffset DikirimPada { get; set; }
    public Guid? SopInstanceId { get; set; }
    /// <summary>The signed-in user who sent it, for "Permohonan saya"; null for anonymous and API requests.</summary>
    public string? PenggunaId { get; set; }
}

/// <summary>Consent under UU 27/2022: which statement (version and text), what retention it promised, when and by whom.</summary>
public sealed class ConsentRecord
{
    public long Id { get; set; }
    public Guid SubmissionId { get; set; }
    public required string Versi { get; set; }
    public required string Teks { get; set; }
    public int RetensiHari { get; set; }
    public DateTimeOffset DiberikanPada { get; set; }
    public required string Oleh { get; set; }
}

/// <summary>
/// An uploaded file, kept in the campus's database. Uploaded with a form that still had mistakes,
/// it waits under the form's send key, so the person need not choose it again.
/// </summary>
public sealed class UploadedFile
{
    public Guid Id { get; set; }
    public Guid KunciKirim { get; set; }
    public Guid? SubmissionId { get; set; }
    public required string IsianId { get; set; }
    public required string NamaAsli { get; set; }
    public required string Mime { get; set; }
    public long Ukuran { get; set; }
    public required byte[] Isi { get; set; }
    public DateTimeOffset DiunggahPada { get; set; }
}
