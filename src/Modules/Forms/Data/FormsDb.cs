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
            e.Property(x => x.Kode).HasMaxLength(60);
            e.Property(x => x.Judul).HasMaxLength(300);
            e.Property(x => x.Draf).HasColumnType("jsonb");
            e.Property(x => x.DrafOleh).HasMaxLength(300);
            e.HasIndex(x => x.Kode).IsUnique();
        });
        b.Entity<FormVersionRow>(e =>
        {
            e.Property(x => x.Json).HasColumnType("jsonb");
            e.Property(x => x.Hash).HasMaxLength(64);
            e.Property(x => x.DibuatOleh).HasMaxLength(300);
            e.HasIndex(x => new { x.FormId, x.Versi }).IsUnique();
            e.HasOne<FormRow>().WithMany().HasForeignKey(x => x.FormId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<Submission>(e =>
        {
            e.Property(x => x.KodePelacakan).HasMaxLength(12);
            e.Property(x => x.Jawaban).HasColumnType("jsonb");
            e.Property(x => x.Nama).HasMaxLength(200);
            e.Property(x => x.Email).HasMaxLength(256);
            e.Property(x => x.Telepon).HasMaxLength(30);
            e.Property(x => x.Saluran).HasMaxLength(100);
            e.Property(x => x.PenggunaId).HasMaxLength(450);
            e.HasIndex(x => x.PenggunaId);
            e.HasIndex(x => x.Email);
            e.HasIndex(x => x.KodePelacakan).IsUnique();
            e.HasIndex(x => x.KunciKirim).IsUnique();
            e.HasIndex(x => new { x.FormId, x.DikirimPada });
            e.HasOne<FormVersionRow>().WithMany().HasForeignKey(x => x.VersionId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<UploadedFile>(e =>
        {
            e.Property(x => x.IsianId).HasMaxLength(60);
            e.Property(x => x.NamaAsli).HasMaxLength(255);
            e.Property(x => x.Mime).HasMaxLength(100);
            e.HasIndex(x => new { x.KunciKirim, x.IsianId }).IsUnique();
            e.HasIndex(x => x.SubmissionId);
            e.HasOne<Submission>().WithMany().HasForeignKey(x => x.SubmissionId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<KodeSekali>(e =>
        {
            e.ToTable("status_codes");
            e.Property(x => x.KodeHash).HasMaxLength(64);
            e.HasIndex(x => new { x.SubmissionId, x.DibuatPada });
            e.HasOne<Submission>().WithMany().HasForeignKey(x => x.SubmissionId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<ConsentRecord>(e =>
        {
            e.Property(x => x.Versi).HasMaxLength(60);
            e.Property(x => x.Oleh).HasMaxLength(256);
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
    /// <summary>When the person withdrew this consent (UU PDP Pasal 9), through a request answered by the unit.</summary>
    public DateTimeOffset? DitarikPada { get; set; }
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
