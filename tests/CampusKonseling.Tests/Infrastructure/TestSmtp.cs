namespace CampusKonseling.Tests.Infrastructure;

/// <summary>
/// The test SMTP servers ./test.sh starts on free ports: maildev (plain, read back through its REST API)
/// and the TLS server (scripts/test-smtp-tls.mjs: STARTTLS and implicit TLS, AUTH required, forwarding to maildev).
/// </summary>
public static class TestSmtp
{
    public static string Host => Env("CK_SMTP_HOST");
    /// <summary>maildev: plain SMTP, no STARTTLS, no AUTH.</summary>
    public static int PlainPort => int.Parse(Env("CK_SMTP_PORT"));
    public static int StartTlsPort => int.Parse(Env("CK_SMTP_STARTTLS_PORT"));
    public static int ImplicitTlsPort => int.Parse(Env("CK_SMTP_TLS_PORT"));
    /// <summary>The TLS server's self-signed certificate (CN localhost, SAN localhost and 127.0.0.1).</summary>
    public static string Certificate => Env("CK_SMTP_TLS_CA");
    public static string User => Env("CK_SMTP_TLS_USER");
    public static string Password => Env("CK_SMTP_TLS_PASSWORD");
    public static string OAuthToken => Env("CK_SMTP_TLS_TOKEN");

    private static string Env(string name)
    {
        var value = Environment.GetEnvironmentVariable(name);
        Assert.False(string.IsNullOrEmpty(value), $"Run the tests with ./test.sh: it starts the test SMTP servers and sets {name}.");
        return value!;
    }
}
