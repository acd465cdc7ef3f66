using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace CampusKonseling.Notifications;

/// <summary>
/// Decides whether an SMTP server's certificate is trusted. Validation is never switched off: a
/// certificate passes when the system trusts it, or when its chain ends in one of the operator's extra
/// certificates (<see cref="SmtpTransportOptions.TrustedCertificatesFile"/>) and it names the server.
/// </summary>
public sealed class SmtpTrust
{
    private readonly X509Certificate2Collection _extra = [];

    public SmtpTrust(string? file)
    {
        if (string.IsNullOrWhiteSpace(file)) return;
        if (!File.Exists(file)) throw new FileNotFoundException($"CampusKonseling:Smtp:TrustedCertificatesFile names {file}, which does not exist.", file);
        if (File.ReadAllText(file).Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal)) _extra.ImportFromPemFile(file);
        else _extra.Add(X509CertificateLoader.LoadCertificateFromFile(file));
        if (_extra.Count == 0) throw new InvalidOperationException($"CampusKonseling:Smtp:TrustedCertificatesFile ({file}) holds no certificate.");
    }

    public int ExtraCount => _extra.Count;

    /// <summary>Null when trusted, else why not (for the log).</summary>
    public string? Refusal(X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (errors == SslPolicyErrors.None) return null;
        var why = $"{errors}; {certificate?.Subject}";
        // A wrong name or a missing certificate is never forgiven; only the chain may end in an extra root.
        if (errors != SslPolicyErrors.RemoteCertificateChainErrors || certificate is null || _extra.Count == 0)
            return why + Status(chain);
        using var own = new X509Chain();
        own.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        own.ChainPolicy.CustomTrustStore.AddRange(_extra);
        // Internal CAs seldom publish revocation lists the host can reach.
        own.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (chain is not null)
            foreach (var element in chain.ChainElements) own.ChainPolicy.ExtraStore.Add(element.Certificate);
        using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        return own.Build(leaf) ? null : why + Status(own) + " (not under the extra trusted certificates either)";
    }

    private static string Status(X509Chain? chain) =>
        chain is null ? "" : string.Concat(chain.ChainStatus.Select(s => $"; {s.Status}: {s.StatusInformation.Trim()}"));
}
