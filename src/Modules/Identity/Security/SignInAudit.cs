using CampusKonseling.Audit;
using CampusKonseling.Identity.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;

namespace CampusKonseling.Identity.Security;

/// <summary>
/// Sign-ins and failed sign-ins go to the campus's audit trail when the campus has one
/// (the Audit module is optional to Identity, so it is looked up, not required).
/// A failed attempt keeps the e-mail typed and why it failed, never the password.
/// </summary>
public static class SignInAudit
{
    public const string Akun = "akun";

    public static async Task RecordAsync(HttpContext http, UserManager<CampusUser> users, string email, SignInResult result)
    {
        if (http.RequestServices.GetService<IAuditLog>() is not { } audit) return;
        var user = await users.FindByNameAsync(email);
        var account = email.ToLowerInvariant();
        var entry = result.Succeeded
            ? new AuditEvent(AuditKinds.Masuk, Akun, account, "Masuk dengan kata sandi")
                { Pelaku = new AuditActor(user?.Id, user is { FullName.Length: > 0 } ? user.FullName : email, user?.Email ?? email) }
            : new AuditEvent(AuditKinds.GagalMasuk, Akun, account, "Gagal masuk: " + Reason(result, user))
                { Pelaku = AuditActor.Anonim with { Email = email } };
        await audit.RecordAsync(entry, http.RequestAborted);
    }

    private static string Reason(SignInResult result, CampusUser? user) =>
        result.IsLockedOut ? "akun terkunci"
        : user is null ? "pengguna tidak dikenal"
        : result.IsNotAllowed ? "akun belum diizinkan masuk"
        : result.RequiresTwoFactor ? "perlu verifikasi dua langkah"
        : "kata sandi salah";

    /// <summary>A request with an API key that is unknown or revoked; the key's public prefix names it.</summary>
    public static async Task RecordRejectedKeyAsync(HttpContext http, string prefix)
    {
        if (http.RequestServices.GetService<IAuditLog>() is not { } audit) return;
        await audit.RecordAsync(new AuditEvent(AuditKinds.GagalMasuk, "kunci-api", prefix, "Gagal masuk: kunci API tidak dikenal atau sudah dicabut")
            { Pelaku = AuditActor.Anonim }, http.RequestAborted);
    }
}
