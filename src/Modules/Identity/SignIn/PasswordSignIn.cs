using CampusKonseling.Identity.Data;
using CampusKonseling.Identity.Security;
using CampusKonseling.Shell;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;

namespace CampusKonseling.Identity.SignIn;

public enum SignInOutcome { Succeeded, Failed, LockedOut, NotAllowed, SourceBlocked }

/// <summary>
/// Sign-in with a password, so that strangers cannot lock the owner out and cannot tell existing accounts
/// from unknown ones:
/// <list type="bullet">
/// <item>a browser holding the account's device cookie is trusted: the account lockout does not apply to it,
/// its own failures count against the device (5, then it is untrusted for 15 minutes);</item>
/// <item>every other client meets Identity's lockout (5 failures, 15 minutes) and the per-source limit;</item>
/// <item>an unknown address, and a locked account, still compute one password hash, the same work as a
/// wrong password, so the answer takes as long.</item>
/// </list>
/// </summary>
public sealed class PasswordSignIn(
    SignInManager<CampusUser> signIn, IPasswordHasher<CampusUser> hasher, DeviceCookie devices, SignInThrottle throttle,
    CurrentShell current, ILogger<PasswordSignIn> logger)
{
    private static readonly CampusUser StandIn = new() { Id = "tidak-ada", UserName = "tidak-ada", SecurityStamp = "tidak-ada" };
    private static string? _standInHash;

    public async Task<SignInOutcome> SignInAsync(HttpContext http, string email, string password, bool persistent)
    {
        var users = signIn.UserManager;
        var source = $"{current.Shell.Name}|{http.Connection.RemoteIpAddress}";
        var user = await users.FindByNameAsync(email);
        var device = user is null ? null : devices.Read(http, user.Id);
        var trusted = device is not null && !throttle.DeviceBlocked(device);

        if (!trusted && throttle.SourceBlocked(source))
        {
            logger.LogWarning("Sign-in refused: too many failures from {Source}", source);
            return SignInOutcome.SourceBlocked;
        }

        SignInResult result;
        if (user is null)
        {
            hasher.VerifyHashedPassword(StandIn, _standInHash ??= hasher.HashPassword(StandIn, Guid.NewGuid().ToString()), password);
            // An unknown address "locks" after five failures like an account does, or the lockout message would
            // tell a prober which addresses exist.
            var unknown = $"{current.Shell.Name}|{email.ToUpperInvariant()}";
            throttle.UnknownAccountFailed(unknown);
            result = throttle.UnknownAccountLocked(unknown) ? SignInResult.LockedOut : SignInResult.Failed;
        }
        else if (trusted)
            result = await TrustedAsync(user, password, persistent);
        else if (await users.IsLockedOutAsync(user))
        {
            await users.CheckPasswordAsync(user, password);
            result = SignInResult.LockedOut;
        }
        else
            result = await signIn.PasswordSignInAsync(user, password, persistent, lockoutOnFailure: true);

        if (result.Succeeded)
        {
            devices.Issue(http, user!.Id);
            await LanguageOnSignIn.ApplyAsync(http, users, user);
        }
        else if (trusted) throttle.DeviceFailed(device!);
        else throttle.SourceFailed(source);
        await SignInAudit.RecordAsync(http, users, email, result);
        return result.Succeeded ? SignInOutcome.Succeeded
            : result.IsLockedOut ? SignInOutcome.LockedOut
            : result.IsNotAllowed ? SignInOutcome.NotAllowed
            : SignInOutcome.Failed;
    }

    /// <summary>The owner's device: the lockout strangers caused is not checked, and not lifted either.</summary>
    private async Task<SignInResult> TrustedAsync(CampusUser user, string password, bool persistent)
    {
        if (!await signIn.UserManager.CheckPasswordAsync(user, password)) return SignInResult.Failed;
        if (!await signIn.CanSignInAsync(user)) return SignInResult.NotAllowed;
        await signIn.SignInAsync(user, persistent);
        return SignInResult.Success;
    }
}
