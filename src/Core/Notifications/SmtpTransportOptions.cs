namespace CampusKonseling.Notifications;

/// <summary>
/// Host-wide rules for every SMTP connection, the platform relay's and each campus's own
/// (bound from <c>CampusKonseling:Smtp</c>).
/// </summary>
public sealed class SmtpTransportOptions
{
    /// <summary>
    /// A PEM (or DER) file of certificates trusted besides the system's: the CA of an internal relay,
    /// or a relay's own self-signed certificate. The server's name must still match its certificate.
    /// </summary>
    public string? TrustedCertificatesFile { get; set; }

    /// <summary>How long one connect, command or answer may take.</summary>
    public int TimeoutSeconds { get; set; } = 30;
}
