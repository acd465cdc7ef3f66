using Microsoft.Extensions.Configuration;

namespace CampusKonseling.Identity.SignIn;

/// <summary>
/// Failed sign-ins per source address and campus (CampusKonseling:Identity:SignInFailuresPerSource within
/// 15 minutes, default 30) and per trusted device (5). A source past its limit is refused without a password
/// check; a device past its limit is trusted no more until the window ends. Successful sign-ins are not
/// counted, so a busy campus network is not slowed by its own staff.
/// </summary>
public sealed class SignInThrottle(TimeProvider clock, IConfiguration configuration)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);
    public const int DeviceFailures = 5;

    private readonly FailureCounter _sources = new(clock, Window);
    private readonly FailureCounter _devices = new(clock, Window);
    private readonly FailureCounter _unknown = new(clock, Window);
    private readonly FailureCounter _resets = new(clock, TimeSpan.FromHours(1));
    public const int ResetsPerHour = 3;
    private readonly int _perSource = configuration.GetValue("CampusKonseling:Identity:SignInFailuresPerSource", 30);

    public bool SourceBlocked(string source) => _sources.Count(source) >= _perSource;
    public void SourceFailed(string source) => _sources.Add(source);

    /// <summary>Failures for an address with no account, so it answers "locked" when an account would (5, as Identity's lockout).</summary>
    public bool UnknownAccountLocked(string address) => _unknown.Count(address) >= DeviceFailures;
    public void UnknownAccountFailed(string address) => _unknown.Add(address);

    /// <summary>Counts a forgot-password request for an address; returns how many there were this hour, this one included.</summary>
    public int ResetRequested(string address) => _resets.Add(address);

    public bool DeviceBlocked(string device) => _devices.Count(device) >= DeviceFailures;
    public void DeviceFailed(string device) => _devices.Add(device);
}
