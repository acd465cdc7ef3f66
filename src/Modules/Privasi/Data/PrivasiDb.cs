using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Privasi.Data;

/// <summary>The campus's data protection officer, the descriptions its DPO wrote over the generated record, data subjects' requests and the breach register.</summary>
public sealed class PrivasiDb(DbContextOptions<PrivasiDb> options) : DbContext(options)
{
    public const string Schema = "privasi";

    public DbSet<PejabatRow> Pejabat => Set<PejabatRow>();
    public DbSet<UraianRow> Uraian => Set<UraianRow>();
    public DbSet<PermintaanRow> Permintaan => Set<PermintaanRow>();
    public DbSet<InsidenRow> Insiden => Set<InsidenRow>();
    public DbSet<PeristiwaRow> Peristiwa => Set<PeristiwaRow>();
    public DbSet<VerifikasiRow> Verifikasi => Set<VerifikasiRow>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.HasDefaultSchema(Schema);
        b.Entity<PejabatRow>(e =>
        {
            e.ToTable("pejabat");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Nama).HasMaxLength(200);
            e.Property(x => x.Jabatan).HasMaxLength(200);
            e.Property(x => x.Email).HasMaxLength(256);
            e.Property(x => x.Telepon).HasMaxLength(40);
            e.Property(x => x.DiubahOleh).HasMaxLength(256);
        });
        b.Entity<UraianRow>(e =>
        {
            e.ToTable("uraian");
            e.HasKey(x => x.Kunci);
            e.Property(x => x.Kunci).HasMaxLength(300);
            e.Property(x => x.Tujuan).HasMaxLength(2000);
            e.Property(x => x.Catatan).HasMaxLength(2000);
            e.Property(x => x.DiubahOleh).HasMaxLength(256);
        });
        b.Entity<PermintaanRow>(e =>
        {
            e.ToTable("permintaan");
            e.HasKey(x => x.Id);
            e.Property(x => x.Nomor).HasMaxLength(40);
            e.HasIndex(x => x.Nomor).IsUnique();
            e.Property(x => x.Jenis).HasMaxLength(20);
            e.Property(x => x.PenggunaId).HasMaxLength(64);
            e.HasIndex(x => x.PenggunaId);
            e.Property(x => x.Email).HasMaxLength(256);
            e.Property(x => x.Nama).HasMaxLength(200);
            e.Property(x => x.Uraian).HasMaxLength(2000);
            e.Property(x => x.Telaah).HasMaxLength(20);
            e.Property(x => x.TelaahAlasan).HasMaxLength(2000);
            e.Property(x => x.TelaahOleh).HasMaxLength(200);
            e.Property(x => x.TelaahOlehId).HasMaxLength(64);
            e.Property(x => x.Jawaban).HasMaxLength(4000);
            e.Property(x => x.DijawabOleh).HasMaxLength(200);
            e.HasIndex(x => x.SopInstanceId);
        });
        b.Entity<InsidenRow>(e =>
        {
            e.ToTable("insiden");
            e.HasKey(x => x.Id);
            e.Property(x => x.Nomor).HasMaxLength(40);
            e.HasIndex(x => x.Nomor).IsUnique();
            e.Property(x => x.Judul).HasMaxLength(200);
            e.Property(x => x.Uraian).HasMaxLength(4000);
            e.Property(x => x.DicatatOleh).HasMaxLength(200);
            e.Property(x => x.DicatatOlehId).HasMaxLength(64);
            e.Property(x => x.DataTerungkap).HasMaxLength(2000);
            e.Property(x => x.CaraTerungkap).HasMaxLength(2000);
            e.Property(x => x.Risiko).HasMaxLength(2000);
            e.Property(x => x.Penanganan).HasMaxLength(2000);
            e.Property(x => x.DinilaiOleh).HasMaxLength(200);
            e.Property(x => x.LembagaMelalui).HasMaxLength(500);
            e.Property(x => x.Penutupan).HasMaxLength(4000);
            e.Property(x => x.DitutupOleh).HasMaxLength(200);
            e.Ignore(x => x.BatasPemberitahuan);
            e.HasIndex(x => x.SopInstanceId);
        });
        b.Entity<VerifikasiRow>(e =>
        {
            e.ToTable("verifikasi");
            e.HasKey(x => x.Id);
            e.Property(x => x.Email).HasMaxLength(256);
            e.Property(x => x.TokenHash).HasMaxLength(64);
            e.Property(x => x.Tujuan).HasMaxLength(20);
            e.HasIndex(x => x.TokenHash).IsUnique();
            e.HasIndex(x => new { x.Email, x.DibuatPada });
        });
        b.Entity<PeristiwaRow>(e =>
        {
            e.ToTable("insiden_peristiwa");
            e.HasKey(x => x.Id);
            e.HasIndex(x => new { x.InsidenId, x.Pada });
            e.Property(x => x.Oleh).HasMaxLength(200);
            e.Property(x => x.Jenis).HasMaxLength(30);
            e.Property(x => x.Uraian).HasMaxLength(2000);
        });
    }
}

/// <summary>A counselor's review decision on counseling notes and others' data in a copy.</summary>
public static class Telaah
{
    public const string Disertakan = "disertakan", Ditahan = "ditahan";
}

/// <summary>
/// A data subject's request (access, rectification, erasure, restriction, withdrawal of consent), run on the campus's SOP
/// for it; the person is the signed-in account and its e-mail address. The review and the answer are recorded here.
/// </summary>
public sealed class PermintaanRow
{
    public Guid Id { get; set; }
    public required string Nomor { get; set; }
    public required string Jenis { get; set; }
    public string? PenggunaId { get; set; }
    public required string Email { get; set; }
    public required string Nama { get; set; }
    /// <summary>What the person asks, in their words (which data to correct, which consent to withdraw).</summary>
    public string? Uraian { get; set; }
    public DateTimeOffset DiajukanPada { get; set; }
    public DateTimeOffset JatuhTempo { get; set; }
    public Guid? SopInstanceId { get; set; }
    public string? Telaah { get; set; }
    public string? TelaahAlasan { get; set; }
    public string? TelaahOleh { get; set; }
    /// <summary>The reviewing counselor's account: the notes given are those of the cases they counsel.</summary>
    public string? TelaahOlehId { get; set; }
    public DateTimeOffset? TelaahPada { get; set; }
    public string? Jawaban { get; set; }
    public string? DijawabOleh { get; set; }
    public DateTimeOffset? DijawabPada { get; set; }
}

/// <summary>The campus's Pejabat Pelindungan Data Pribadi (UU 27/2022 Pasal 53): one row, id 1.</summary>
public sealed class PejabatRow
{
    public int Id { get; set; } = 1;
    public required string Nama { get; set; }
    public string? Jabatan { get; set; }
    public required string Email { get; set; }
    public string? Telepon { get; set; }
    public DateTimeOffset DiubahPada { get; set; }
    public required string DiubahOleh { get; set; }
}

/// <summary>A processing activity's purpose and note as the DPO wrote them over what the configuration says.</summary>
public sealed class UraianRow
{
    public required string Kunci { get; set; }
    public string? Tujuan { get; set; }
    public string? Catatan { get; set; }
    public DateTimeOffset DiubahPada { get; set; }
    public required string DiubahOleh { get; set; }
}

/// <summary>A link sent to prove an e-mail address for a request without an account: only the token's SHA-256 is kept.</summary>
public sealed class VerifikasiRow
{
    public Guid Id { get; set; }
    /// <summary>The address, lower-cased.</summary>
    public required string Email { get; set; }
    public required string TokenHash { get; set; }
    /// <summary>"tautan" (asked for on the page: at most a few an hour) or "jawaban" (sent with an answer).</summary>
    public required string Tujuan { get; set; }
    public DateTimeOffset DibuatPada { get; set; }
    public DateTimeOffset BerlakuSampai { get; set; }
}
