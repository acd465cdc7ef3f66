namespace CampusKonseling.Diagnostics;

/// <summary>
/// Meter names and label keys shared by the modules, so every series names its campus the same way.
/// The host exports every meter whose name starts with <see cref="MeterPrefix"/> (docs/metrics.md).
/// Labels carry codes only (the campus's name, an SOP's kode, a channel kind): never a person, a title
/// or any text a user typed, because /metrics leaves the platform's access control.
/// </summary>
public static class Telemetry
{
    public const string MeterPrefix = "CampusKonseling.";

    /// <summary>The campus (tenant) name from the registry, e.g. <c>unipma</c>.</summary>
    public const string Campus = "campus";

    /// <summary>The SOP's kode from its recipe, e.g. <c>IPDN-BK-PRAJA</c>; not its title.</summary>
    public const string Sop = "sop";

    /// <summary>How a message leaves: <c>email</c>, <c>email-platform</c>, <c>sms</c>, <c>whatsapp</c>.</summary>
    public const string Channel = "channel";
}
