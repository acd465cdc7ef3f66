using CampusKonseling.Audit;
using CampusKonseling.Identity.Data;
using CampusKonseling.Identity.Security;
using CampusKonseling.Modules;
using CampusKonseling.Notifications;
using CampusKonseling.Shell;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Identity.EmailChange;

/// <summary>
/// An administrator's change of a user's e-mail waits for the account's current address: a link goes
/// there, and only opening it (and confirming) applies the change. Otherwise whoever may edit users could
/// point a counselor's account at their own mailbox, reset its password and read as the counselor.
/// Links are built from the campus's public address, never from the request.
/// </summary>
public sealed class EmailChangeService(UserManager<CampusUser> users, PublicLinks links, IServiceProvider services, IStringLocalizer<S> T)
{
    public const string Route = "akun/ganti-email";

    /// <summary>False when the campus has no public address to put in the link.</summary>
    public async Task<bool> RequestAsync(CampusUser user, string newEmail, CancellationToken ct = default)
    {
        var code = await users.GenerateChangeEmailTokenAsync(user, newEmail);
        var link = links.Absolute($"{Route}?id={Uri.EscapeDataString(user.Id)}&email={Uri.EscapeDataString(newEmail)}&kode={Uri.EscapeDataString(code)}");
        if (link is null) return false;
        // Asked for by an administrator, read by the account's owner: in the owner's language.
        using var language = CultureScope.Use(CultureScope.Of(user.Bahasa));
        await SendAsync(user.Email!, T["Konfirmasi penggantian alamat e-mail"],
            T["Administrator meminta agar alamat e-mail akun Anda diganti menjadi {0}. Perubahan baru berlaku bila Anda membuka tautan ini dan mengonfirmasinya:", newEmail] + "\n\n" + link + "\n\n" +
            T["Bila Anda tidak mengetahui permintaan ini, abaikan pesan ini dan hubungi unit layanan; alamat Anda tidak berubah."], ct);
        await AdminAudit.RecordAsync(services, AuditKinds.Ubah, AdminAudit.Pengguna, user.Id, $"Penggantian e-mail diminta: {user.Email} → {newEmail}; tautan konfirmasi dikirim ke alamat saat ini", ct: ct);
        return true;
    }

    /// <summary>Applies the change when the code is valid for this user and address; false otherwise.</summary>
    public async Task<bool> ConfirmAsync(string id, string newEmail, string code, CancellationToken ct = default)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return false;
        var old = user.Email!;
        // The address is also the user name: if another account took it meanwhile, refuse before changing anything,
        // or the e-mail would change and the sign-in name not.
        if (await users.FindByNameAsync(newEmail) is { } taken && taken.Id != user.Id) return false;
        var changed = await users.ChangeEmailAsync(user, newEmail, code);
        if (!changed.Succeeded) return false;
        // People sign in with their e-mail as user name; the stamp changes, so old sessions and codes end.
        var renamed = await users.SetUserNameAsync(user, newEmail);
        if (!renamed.Succeeded) return false;
        using var language = CultureScope.Use(CultureScope.Of(user.Bahasa));
        await SendAsync(old, T["Alamat e-mail akun Anda telah diganti"],
            T["Alamat e-mail akun Anda telah diganti menjadi {0}. Pesan berikutnya dikirim ke alamat itu. Bila ini bukan kehendak Anda, segera hubungi unit layanan.", newEmail], ct);
        await AdminAudit.RecordAsync(services, AuditKinds.Ubah, AdminAudit.Pengguna, user.Id, $"Penggantian e-mail dikonfirmasi dari alamat lama: {old} → {newEmail}",
            new AuditActor(user.Id, user.FullName.Length > 0 ? user.FullName : old, old), ct);
        return true;
    }

    private async Task SendAsync(string to, string subject, string body, CancellationToken ct)
    {
        // Through the platform's mail server only: the campus's own SMTP server is set by the campus admin,
        // who could otherwise read the confirmation link and confirm the change themself.
        var message = new EmailMessage(to, subject, body) { PlatformOnly = true };
        await AccountMail.SendAsync(services, message, ct);
    }
}
