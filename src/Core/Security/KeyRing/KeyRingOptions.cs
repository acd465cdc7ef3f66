namespace CampusKonseling.Security;

/// <summary>
/// Bound to "CampusKonseling:KeyRing": the certificate that wraps every data-protection key the
/// platform stores (each campus's counseling-note keys and the host's cookie keys). It lives on
/// the servers, outside every database, so a database dump alone opens nothing. See docs/security.md, "The key ring".
/// </summary>
public sealed class KeyRingOptions
{
    public const string Section = "CampusKonseling:KeyRing";

    /// <summary>
    /// The PKCS#12 (.pfx) file whose certificate wraps new keys. Every other *.pfx in the same folder is
    /// still used to unwrap keys made before a rotation. Empty: ~/.local/share/CampusKonseling/keyring/keyring.pfx.
    /// </summary>
    public string? CertificatePath { get; set; }

    /// <summary>Password of the .pfx files (the same for all of them); empty for none.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>
    /// Make a certificate when the file is missing. On in Development and Testing; in Production the
    /// operator makes it once and gives every server the same file, because a server that made its
    /// own would wrap keys that the other servers cannot open.
    /// </summary>
    public bool? CreateIfMissing { get; set; }
}
