using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CampusKonseling.Security;

/// <summary>
/// Data Protection's own key encryption with the host's certificates, for a key ring built by hand
/// (a campus's), and the re-wrapping of keys stored before there was any.
/// </summary>
public static class KeyRingWrapping
{
    private static readonly XNamespace Ns = "http://schemas.asp.net/2015/03/dataProtection";

    public static IDataProtectionBuilder ProtectKeysWithHostCertificate(this IDataProtectionBuilder builder, KeyRingCertificates certificates) =>
        builder.ProtectKeysWithCertificate(certificates.Current).UnprotectKeysWithAnyCertificate([.. certificates.All]);

    /// <summary>The encryptor new keys get; also the one that re-wraps old keys.</summary>
    public static IXmlEncryptor Encryptor(this KeyRingCertificates certificates, ILoggerFactory? logs = null) =>
        new CertificateXmlEncryptor(certificates.Current, logs ?? NullLoggerFactory.Instance);

    /// <summary>
    /// The key with every secret that asks for encryption (<c>requiresEncryption="true"</c>, the master key)
    /// replaced by an <c>encryptedSecret</c>, exactly as the key manager writes a new key; null when
    /// nothing in it is in clear. The key's id and dates are unchanged, so nothing it protected is lost.
    /// </summary>
    public static XElement? Wrap(XElement key, IXmlEncryptor encryptor)
    {
        var copy = new XElement(key);
        var clear = copy.Descendants().Where(e => (bool?)e.Attribute(Ns + "requiresEncryption") == true).ToList();
        if (clear.Count == 0) return null;
        foreach (var secret in clear)
        {
            var wrapped = encryptor.Encrypt(new XElement(secret));
            secret.ReplaceWith(
                new XComment(" This key is encrypted with " + wrapped.DecryptorType.Name + ". "),
                new XElement(Ns + "encryptedSecret", new XAttribute("decryptorType", wrapped.DecryptorType.AssemblyQualifiedName!), wrapped.EncryptedElement));
        }
        return copy;
    }
}
