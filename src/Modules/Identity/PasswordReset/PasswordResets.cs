using CampusKonseling.Audit;
using CampusKonseling.Identity.Data;
using CampusKonseling.Notifications;
using CampusKonseling.Shell;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

namespace CampusKonseling.Identity.PasswordReset;

/// <summary>
/// "Lupa kata sandi": the link is built from the campus's configured public address (its host name, or
/// CampusKonseling:PublicUrl with its prefix), never from the request, so a forged Host header cannot send a
/// valid token to another site; with no public address configured no link is sent, and the log and the
/// campus's audit trail say why. The mail goes through the campus outbox (Notifications, optional to
/// Identity, so looked up), not inside the request, and only through the platform's mail server (never a
/// campus's own, which the campus administrator controls); an unknown address does the same work (a token for a
/// stand-in account, a composed message, an audit entry), so the answer's timing does not tell whether the
/// account exists. Audit entries name the account, never the token.
/// </summary>
public sealed class PasswordResets(
    UserManager<CampusUser> users, PublicLinks links, SignIn.SignInThrottle throttle, CurrentShell current, IHttpContextAccessor http, IStringLocalizer<S> T, ILogger<PasswordResets> logger)
{
    public const string Path = "akun/atur-ulang-sandi";
    private static readonly CampusUser StandIn = new() { Id = "tidak-ada", UserName = "tidak-ada@kampus.invalid", Email = "tidak-ada@kampus.invalid", SecurityStamp = "tidak-ada" };

    /// <summary>
    /// A reset link for the account (valid a day), from the campus's public address; null when the campus has none.
    /// Also how the host's confidential grant makes its people set their own password.
    /// </summary>
    public async Task<string?> LinkAsync(CampusUser user)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        return links.Absolute($"{Path}?email={Uri.EscapeDataString(user.Email ?? "")}&kode={Uri.EscapeDataString(token)}");
    }

    public async Task RequestAsync(string email, CancellationToken ct)
    {
        var user = await users.FindByEmailAsync(email);
        var target = user ?? StandIn;
        var link = await LinkAsync(target);
        var message = new EmailMessage(target.Email!, T["Atur ulang kata sandi"],
            T["Halo {0},\n\nBuka tautan berikut untuk mengatur ulang kata sandi Anda (berlaku 1 hari):\n{1}\n\nAbaikan e-mail ini jika Anda tidak memintanya.", target.FullName, link ?? ""]) { PlatformOnly = true };

        // Three requests an hour per address and campus: beyond that nothing is sent and nothing recorded, so the
        // page cannot be used to flood a colleague's mailbox through the platform's mail server, nor the audit trail.
        var key = $"{current.Shell.Name}|{email.ToUpperInvariant()}";
        if (throttle.ResetRequested(key) > SignIn.SignInThrottle.ResetsPerHour)
        {
            logger.LogWarning("Password reset request ignored: more than {Limit} an hour for one address", SignIn.SignInThrottle.ResetsPerHour);
            return;
        }
        if (user is null)
        {
            await AuditAsync(email, "Permintaan atur ulang kata sandi untuk alamat yang tidak terdaftar; tidak ada e-mail", ct);
            return;
        }
        if (link is null)
        {
            logger.LogError("Password reset link not sent to user {UserId}: the campus has no host name and CampusKonseling:PublicUrl is not set", user.Id);
            await AuditAsync(email, "Permintaan atur ulang kata sandi; tautan TIDAK dikirim karena alamat publik kampus belum diatur (nama host kampus atau CampusKonseling:PublicUrl)", ct);
            return;
        }
        await SendAsync(message, ct);
        await AuditAsync(email, "Permintaan atur ulang kata sandi; tautan dikirim ke alamat akun", ct);
    }

    /// <summary>After the reset page changed the password (which also renewed the security stamp: every session ends).</summary>
    public Task CompletedAsync(CampusUser user, CancellationToken ct) =>
        AuditAsync(user.Email!, "Kata sandi diatur ulang lewat tautan e-mail; semua sesi diakhiri", ct, user);

    public Task RefusedAsync(string email, CancellationToken ct) =>
        AuditAsync(email, "Atur ulang kata sandi ditolak: tautan tidak berlaku", ct);

    private Task SendAsync(EmailMessage message, CancellationToken ct) => Security.AccountMail.SendAsync(http.HttpContext!.RequestServices, message, ct);

    private async Task AuditAsync(string email, string ringkasan, CancellationToken ct, CampusUser? user = null)
    {
        if (http.HttpContext?.RequestServices.GetService<IAuditLog>() is not { } audit) return;
        await audit.RecordAsync(new AuditEvent(AuditKinds.Ubah, Security.SignInAudit.Akun, email.ToLowerInvariant(), ringkasan)
        {
            Pelaku = user is null ? AuditActor.Anonim with { Email = email } : new AuditActor(user.Id, user.FullName.Length > 0 ? user.FullName : user.Email!, user.Email),
        }, ct);
    }
}
