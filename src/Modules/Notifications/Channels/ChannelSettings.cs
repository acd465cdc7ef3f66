namespace CampusKonseling.Notifications.Channels;

/// <summary>
/// How a campus's messages leave: its own SMTP server (else the platform's) and an HTTP gateway
/// for SMS or WhatsApp. One row; the SMTP password, the SMTP OAuth2 token and the gateway's headers
/// (API tokens) are encrypted with ASP.NET Core Data Protection before they are stored.
/// </summary>
public sealed class ChannelSettings
{
    public const int SingletonId = 1;
    public int Id { get; set; } = SingletonId;
    public string? SmtpHost { get; set; }
    public int SmtpPort { get; set; } = 587;
    /// <summary>One of <see cref="SmtpSecurity"/>: auto, starttls, implicit, none.</summary>
    public string SmtpSecurity { get; set; } = Notifications.SmtpSecurity.Auto;
    public string? SmtpUser { get; set; }
    public string? SmtpPasswordProtected { get; set; }
    /// <summary>An OAuth2 bearer token for <see cref="SmtpUser"/> (Google Workspace, Microsoft 365); used instead of the password.</summary>
    public string? SmtpOAuthTokenProtected { get; set; }
    /// <summary>The sender, e.g. <c>Layanan Konseling &lt;konseling@kampus.ac.id&gt;</c>.</summary>
    public string? SmtpFrom { get; set; }

    public bool GatewayAktif { get; set; }
    /// <summary>"sms" or "whatsapp": what the outbox and the admin call these messages.</summary>
    public string GatewayJenis { get; set; } = GatewayKinds.WhatsApp;
    /// <summary>The provider's address; may hold {telepon} and {pesan} (URL-encoded there).</summary>
    public string? GatewayUrl { get; set; }
    public string GatewayMethod { get; set; } = "POST";
    public string GatewayContentType { get; set; } = "application/json";
    /// <summary>Header lines "Name: value", encrypted.</summary>
    public string? GatewayHeadersProtected { get; set; }
    /// <summary>The request body with {telepon} and {pesan}, escaped to suit the content type.</summary>
    public string? GatewayBody { get; set; }

    public DateTimeOffset DiubahPada { get; set; }
    public string DiubahOleh { get; set; } = "";

    public bool HasOwnSmtp => !string.IsNullOrWhiteSpace(SmtpHost);
    public bool GatewayReady => GatewayAktif && !string.IsNullOrWhiteSpace(GatewayUrl);
}

public static class GatewayKinds
{
    public const string Sms = "sms", WhatsApp = "whatsapp";
    public static readonly IReadOnlyList<string> All = [WhatsApp, Sms];
}
