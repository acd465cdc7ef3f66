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
            e.Property(x => x.Id).HasColumnName("id");
            e.Property(x => x.UserId).HasColumnName("user_id").HasMaxLength(450);
            e.Property(x => x.Jenis).HasColumnName("jenis").HasMaxLength(60);
            e.Property(x => x.Judul).HasColumnName("judul").HasMaxLength(300);
            e.Property(x => x.Isi).HasColumnName("isi");
            e.Property(x => x.Tautan).HasColumnName("tautan").HasMaxLength(500);
            e.Property(x => x.DibuatPada).HasColumnName("dibuat_pada");
            e.Property(x => x.DibacaPada).HasColumnName("dibaca_pada");
            e.HasIndex(x => new { x.UserId, x.DibuatPada });
        });
        b.Entity<Outbox.OutboxMessage>(e =>
        {
            e.ToTable("outbox");
            e.Property(x => x.Id).HasColumnName("id");
            e.Property(x => x.Saluran).HasColumnName("saluran").HasMaxLength(20);
            e.Property(x => x.Penerima).HasColumnName("penerima").HasMaxLength(320);
            e.Property(x => x.Judul).HasColumnName("judul").HasMaxLength(300);
            e.Property(x => x.Isi).HasColumnName("isi");
            e.Property(x => x.Status).HasColumnName("status").HasMaxLength(20);
            e.Property(x => x.Percobaan).HasColumnName("percobaan");
            e.Property(x => x.GalatTerakhir).HasColumnName("galat_terakhir");
            e.Property(x => x.DibuatPada).HasColumnName("dibuat_pada");
            e.Property(x => x.KirimSetelah).HasColumnName("kirim_setelah");
            e.Property(x => x.TerkirimPada).HasColumnName("terkirim_pada");
            e.Property(x => x.Kunci).HasColumnName("kunci").HasMaxLength(100);
            e.Property(x => x.SopActivationId).HasColumnName("sop_activation_id");
            e.Property(x => x.SopInstanceId).HasColumnName("sop_instance_id");
            e.Property(x => x.SopStepId).HasColumnName("sop_step_id").HasMaxLength(60);
            e.HasIndex(x => new { x.Status, x.KirimSetelah });
            e.HasIndex(x => x.Kunci);
            e.HasIndex(x => x.SopActivationId);
        });
        b.Entity<Channels.ChannelSettings>(e =>
        {
            e.ToTable("channels");
            e.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
            e.Property(x => x.SmtpHost).HasColumnName("smtp_host").HasMaxLength(255);
            e.Property(x => x.SmtpPort).HasColumnName("smtp_port");
            e.Property(x => x.SmtpSecurity).HasColumnName("smtp_security").HasMaxLength(20);
            e.Property(x => x.SmtpUser).HasColumnName("smtp_user").HasMaxLength(255);
            e.Property(x => x.SmtpPasswordProtected).HasColumnName("smtp_password_protected");
            e.Property(x => x.SmtpOAuthTokenProtected).HasColumnName("smtp_oauth_token_protected");
            e.Property(x => x.SmtpFrom).HasColumnName("smtp_from").HasMaxLength(320);
            e.Property(x => x.GatewayAktif).HasColumnName("gateway_aktif");
            e.Property(x => x.GatewayJenis).HasColumnName("gateway_jenis").HasMaxLength(20);
            e.Property(x => x.GatewayUrl).HasColumnName("gateway_url").HasMaxLength(1000);
            e.Property(x => x.GatewayMethod).HasColumnName("gateway_method").HasMaxLength(10);
            e.Property(x => x.GatewayContentType).HasColumnName("gateway_content_type").HasMaxLength(100);
            e.Property(x => x.GatewayHeadersProtected).HasColumnName("gateway_headers_protected");
            e.Property(x => x.GatewayBody).HasColumnName("gateway_body");
            e.Property(x => x.DiubahPada).HasColumnName("diubah_pada");
            e.Property(x => x.DiubahOleh).HasColumnName("diubah_oleh").HasMaxLength(256);
        });
        b.Entity<Templates.TemplateOverride>(e =>
        {
            e.ToTable("templates");
            e.Property(x => x.Id).HasColumnName("id");
            e.Property(x => x.Kode).HasColumnName("kode").HasMaxLength(60);
            e.Property(x => x.Bahasa).HasColumnName("bahasa").HasMaxLength(5);
            e.Property(x => x.Judul).HasColumnName("judul").HasMaxLength(300);
            e.Property(x => x.Isi).HasColumnName("isi");
            e.Property(x => x.DiubahPada).HasColumnName("diubah_pada");
            e.Property(x => x.DiubahOleh).HasColumnName("diubah_oleh").HasMaxLength(256);
            e.HasIndex(x => new { x.Kode, x.Bahasa }).IsUnique();
        });
        b.Entity<Pesan.PesanTemplat>(e =>
        {
            e.ToTable("pesan_templat");
            e.Property(x => x.Id).HasColumnName("id");
            e.Property(x => x.Kode).HasColumnName("kode").HasMaxLength(60);
            e.Property(x => x.Nama).HasColumnName("nama").HasMaxLength(200);
            e.Property(x => x.Judul).HasColumnName("judul").HasMaxLength(300);
            e.Property(x => x.Isi).HasColumnName("isi");
            e.Property(x => x.Teks).HasColumnName("teks").HasMaxLength(1000);
            e.Property(x => x.DiubahPada).HasColumnName("diubah_pada");
            e.Property(x => x.DiubahOleh).HasColumnName("diubah_oleh").HasMaxLength(256);
            e.HasIndex(x => x.Kode).IsUnique();
        });
    }
}

public sealed class InAppNotification
{
    public long Id { get; set; }
    public required string UserId { get; set; }
    public required string Jenis { get; set; }
    public required string Judul { get; set; }
    public required string Isi { get; set; }
    public string? Tautan { get; set; }
    public DateTimeOffset DibuatPada { get; set; }
    public DateTimeOffset? DibacaPada { get; set; }
}
