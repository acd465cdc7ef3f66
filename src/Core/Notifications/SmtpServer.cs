namespace CampusKonseling.Notifications;

/// <summary>
/// Where and as whom mail is handed over: the platform's relay or a campus's own. With an
/// <see cref="OAuthToken"/> the sign-in is OAuth2 (XOAUTH2, Google Workspace / Microsoft 365)
/// as <see cref="UserName"/>; else user name and password when a user name is given.
/// </summary>
public sealed record SmtpServer(string Host, int Port, string Security, string? UserName, string? Password, string From, string? OAuthToken = null)
{
    public override string ToString() => $"{Host}:{Port} ({Security})";
}

/// <summary>How the connection to an SMTP server is protected.</summary>
public static class SmtpSecurity
{
    /// <summary>Port 465: TLS from the first byte; any other port: STARTTLS when the server offers it, else plain.</summary>
    public const string Auto = "auto";
    /// <summary>STARTTLS required: a server that does not offer it is refused.</summary>
    public const string StartTls = "starttls";
    /// <summary>TLS from the first byte ("SSL", usually port 465).</summary>
    public const string Implicit = "implicit";
    /// <summary>No encryption: only for a relay on the campus's own network.</summary>
    public const string None = "none";

    public static readonly IReadOnlyList<string> All = [Auto, StartTls, Implicit, None];

    /// <summary>What a setting from before the choice existed (one TLS yes/no) meant.</summary>
    public static string FromTls(bool tls, int port) => !tls ? None : port == 465 ? Implicit : StartTls;
}
