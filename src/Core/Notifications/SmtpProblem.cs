namespace CampusKonseling.Notifications;

/// <summary>Why mail could not be handed to an SMTP server, in terms an administrator can act on.</summary>
public enum SmtpProblem
{
    /// <summary>The server refused the user name and password or the OAuth2 token.</summary>
    Authentication,
    /// <summary>The server wants a sign-in before it takes mail, and none was given.</summary>
    AuthenticationRequired,
    /// <summary>A user name was given but the server offers no sign-in (often: only after STARTTLS).</summary>
    AuthenticationNotOffered,
    /// <summary>The server's certificate is not trusted or is for another name.</summary>
    UntrustedCertificate,
    /// <summary>TLS could not be agreed (often: implicit TLS against a STARTTLS port or the reverse).</summary>
    TlsHandshake,
    /// <summary>STARTTLS was required and the server does not offer it.</summary>
    StartTlsNotOffered,
    HostNotFound,
    ConnectionRefused,
    /// <summary>Other network failures: no route, connection reset.</summary>
    Unreachable,
    Timeout,
    SenderRefused,
    RecipientRefused,
    MessageRefused,
    /// <summary>The server answered something the SMTP protocol does not expect.</summary>
    Protocol,
}

/// <summary>A delivery that failed for a known reason. <see cref="Exception.Message"/> is technical (English), for logs and the outbox.</summary>
public sealed class SmtpSendException(SmtpProblem problem, string server, string detail, Exception inner)
    : Exception($"{problem} at {server}: {detail}", inner)
{
    public SmtpProblem Problem { get; } = problem;
    public string Server { get; } = server;
    public string Detail { get; } = detail;
}
