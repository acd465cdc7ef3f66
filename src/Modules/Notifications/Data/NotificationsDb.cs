using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Notifications.Data;

public sealed class NotificationsDb(DbContextOptions<NotificationsDb> options) : DbContext(options)
{
    public const string Schema = "notifications";

    public DbSet<InAppNotification> Items => Set<InAppNotification>();
    public DbSet<Outbox.OutboxMessage> Outbox => Set<Outbox.OutboxMessage>();
    public DbSet<Channels.ChannelSettings> Channels => Set<Channels.ChannelSettings>();
    public DbSet<Templates.TemplateOverride> Templates => Set<Templates.TemplateOverride>();
    public DbSet<Pesan.PesanTemplat> PesanTemplat => Set<Pesan.PesanTemplat>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.HasDefaultSchema(Schema);
        b.Entity<InAppNotification>(e =>
        {
            e.ToTable("notifications");
            e.Property(x => x.UserId).HasMaxLength(450);
            e.Property(x => x.Jenis).HasMaxLength(60);
            e.Property(x => x.Judul).HasMaxLength(300);
            e.Property(x => x.Tautan).HasMaxLength(500);
            e.Property(x => x.JudulKunci).HasColumnType("jsonb").HasConversion(KeyedTextJson.Converter);
            e.Property(x => x.IsiKunci).HasColumnType("jsonb").HasConversion(KeyedTextJson.Converter);
            e.HasIndex(x => new { x.UserId, x.DibuatPada });
        });
        b.Entity<Outbox.OutboxMessage>(e =>
        {
            e.Property(x => x.Saluran).HasMaxLength(20);
            e.Property(x => x.Penerima).HasMaxLength(320);
            e.Property(x => x.Judul).HasMaxLength(300);
            e.Property(x => x.Status).HasMaxLength(20);
            e.Property(x => x.Kunci).HasMaxLength(100);
            e.Property(x => x.SopStepId).HasMaxLength(60);
            e.HasIndex(x => new { x.Status, x.KirimSetelah });
            e.HasIndex(x => x.Kunci);
            e.HasIndex(x => x.SopActivationId);
            // The client's own page reads the messages of their requests' instances.
            e.HasIndex(x => x.SopInstanceId);
        });
        b.Entity<Channels.ChannelSettings>(e =>
        {
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.SmtpHost).HasMaxLength(255);
            e.Property(x => x.SmtpSecurity).HasMaxLength(20);
            e.Property(x => x.SmtpUser).HasMaxLength(255);
            // The convention would say smtp_o_auth_token_protected.
            e.Property(x => x.SmtpOAuthTokenProtected).HasColumnName("smtp_oauth_token_protected");
            e.Property(x => x.SmtpFrom).HasMaxLength(320);
            e.Property(x => x.GatewayJenis).HasMaxLength(20);
            e.Property(x => x.GatewayUrl).HasMaxLength(1000);
            e.Property(x => x.GatewayMethod).HasMaxLength(10);
            e.Property(x => x.GatewayContentType).HasMaxLength(100);
            e.Property(x => x.DiubahOleh).HasMaxLength(256);
        });
        b.Entity<Templates.TemplateOverride>(e =>
        {
            e.Property(x => x.Kode).HasMaxLength(60);
            e.Property(x => x.Bahasa).HasMaxLength(5);
            e.Property(x => x.Judul).HasMaxLength(300);
            e.Property(x => x.DiubahOleh).HasMaxLength(256);
            e.HasIndex(x => new { x.Kode, x.Bahasa }).IsUnique();
        });
        b.Entity<Pesan.PesanTemplat>(e =>
        {
            e.Property(x => x.Kode).HasMaxLength(60);
            e.Property(x => x.Nama).HasMaxLength(200);
            e.Property(x => x.Judul).HasMaxLength(300);
            e.Property(x => x.Teks).HasMaxLength(1000);
            e.Property(x => x.DiubahOleh).HasMaxLength(256);
            e.HasIndex(x => x.Kode).IsUnique();
        });
    }
}

/// <summary>
/// One notice in one user's list. <see cref="JudulKunci"/> and <see cref="IsiKunci"/> are what it says, as keys with values,
/// rendered in the reader's language; <see cref="Judul"/> and <see cref="Isi"/> keep it in Bahasa Indonesia, and are all that
/// notices written before the keys have.
/// </summary>
public sealed class InAppNotification
{
    public long Id { get; set; }
    public required string UserId { get; set; }
    public required string Jenis { get; set; }
    public required string Judul { get; set; }
    public required string Isi { get; set; }
    public KeyedText? JudulKunci { get; set; }
    public KeyedText? IsiKunci { get; set; }
    public string? Tautan { get; set; }
    public DateTimeOffset DibuatPada { get; set; }
    public DateTimeOffset? DibacaPada { get; set; }
}
