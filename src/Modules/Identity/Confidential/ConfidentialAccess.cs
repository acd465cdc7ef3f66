using CampusKonseling.Audit;
using CampusKonseling.Identity.Data;
using CampusKonseling.Identity.Security;
using CampusKonseling.Modules;
using CampusKonseling.Notifications;
using CampusKonseling.Security;
using CampusKonseling.Shell;
using CampusKonseling.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Identity.Confidential;

/// <summary>
/// The host administrator's grants in one campus (ADR 0010), run in that campus's scope: the grant, an
/// entry in the campus's audit trail naming the host admin and the nomor surat, and mail to the people
/// it gives access to, through the campus's outbox.
/// <para>
/// Everyone the grant reaches must then set their own password from a link sent to their own mailbox through
/// the platform's mail server: the campus admin may have chosen the account's starting password (or learnt it),
/// and would otherwise sign in as the new reader of notes. Removing the password also renews the security
/// stamp, so sessions opened before the grant end.
/// </para>
/// </summary>
public sealed class ConfidentialAccess(
    IdentityDb db, RoleManager<CampusRole> roles, UserManager<CampusUser> users, PermissionService permissions,
    ConfidentialGrants confidential, CurrentShell current, PasswordReset.PasswordResets resets, IServiceProvider services, IStringLocalizer<S> T) : IConfidentialAccess
{
    public IReadOnlyList<Permission> Permissions() => permissions.EnabledPermissions().Where(p => p.Explicit).ToList();

    public async Task<IReadOnlyList<ConfidentialRole>> HoldersAsync(CancellationToken ct = default)
    {
        var list = new List<ConfidentialRole>();
        foreach (var name in (await confidential.RolesHoldingAsync(ct)).Order(StringComparer.Ordinal))
        {
            var role = (await roles.FindByNameAsync(name))!;
            var held = (await RolePermissions.GetAsync(db, role.Id)).Where(confidential.Names.Contains).Order(StringComparer.Ordinal).ToList();
            var members = (await users.GetUsersInRoleAsync(name)).OrderBy(u => u.FullName).Select(u => new UserRef(u.Id, u.FullName, u.Email)).ToList();
            list.Add(new ConfidentialRole(name, held, members));
        }
        return list;
    }

    public async Task<IReadOnlyList<string>> RolesAsync(CancellationToken ct = default) =>
        await db.Roles.Where(r => r.Name != StandardRoles.Administrator).OrderBy(r => r.Name).Select(r => r.Name!).ToListAsync(ct);

    public async Task<ConfidentialGrantResult> GrantAsync(string roleName, string permission, HostRequest request, CancellationToken ct = default)
    {
        if (!Permissions().Any(p => p.Name == permission)) return ConfidentialGrantResult.UnknownPermission;
        if (roleName == StandardRoles.Administrator || await roles.FindByNameAsync(roleName) is not { } role) return ConfidentialGrantResult.UnknownRole;
        var held = await RolePermissions.GetAsync(db, role.Id);
        if (held.Contains(permission)) return ConfidentialGrantResult.AlreadyHeld;

        await RolePermissions.SetAsync(db, role.Id, new HashSet<string> { permission }, p => p == permission, ct);
        permissions.Invalidate();
        var members = await users.GetUsersInRoleAsync(roleName);
        await RecordAsync(AdminAudit.Peran, role.Id, $"Izin rahasia diberikan oleh administrator host atas surat nomor {request.NomorSurat}: {permission} kepada peran {roleName}; izin: {AdminAudit.List(held)} → {AdminAudit.List([.. held, permission])}; anggota yang harus mengatur kata sandi sendiri: {AdminAudit.List(members.Select(m => m.Email ?? m.Id).ToList())}", request, ct);
        foreach (var member in members)
            await TellAsync(member, T["Peran {0} yang Anda pegang di {1} kini memiliki izin {2}, diberikan oleh administrator host atas surat permintaan kampus nomor {3}. Izin ini membuka catatan konseling; setiap pembacaan tercatat.",
                roleName, current.Shell.Tenant.DisplayName, permission, request.NomorSurat], ct);
        return ConfidentialGrantResult.Done;
    }

    public async Task<ConfidentialGrantResult> AddMemberAsync(string roleName, string email, HostRequest request, CancellationToken ct = default)
    {
        if (!(await confidential.RolesHoldingAsync(ct)).Contains(roleName)) return ConfidentialGrantResult.NotConfidentialRole;
        if (await users.FindByEmailAsync(email.Trim()) is not { } user) return ConfidentialGrantResult.UnknownUser;
        if (await users.IsInRoleAsync(user, roleName)) return ConfidentialGrantResult.AlreadyHeld;
        var result = await users.AddToRoleAsync(user, roleName);
        if (!result.Succeeded) throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        await RecordAsync(AdminAudit.Pengguna, user.Id, $"Anggota peran rahasia ditambahkan oleh administrator host atas surat nomor {request.NomorSurat}: {user.Email} ke peran {roleName}; kata sandi lama dicabut, pemilik mengatur kata sandi sendiri", request, ct);
        // Written by the host administrator, read by the member: in the member's language.
        using var language = CultureScope.Use(CultureScope.Of(user.Bahasa));
        await TellAsync(user, T["Anda ditambahkan ke peran {0} di {1} oleh administrator host atas surat permintaan kampus nomor {2}. Peran ini membuka catatan konseling; setiap pembacaan tercatat.",
            roleName, current.Shell.Tenant.DisplayName, request.NomorSurat], ct);
        return ConfidentialGrantResult.Done;
    }

    private Task RecordAsync(string subjekJenis, string subjekId, string ringkasan, HostRequest request, CancellationToken ct) =>
        AdminAudit.RecordAsync(services, AuditKinds.Ubah, subjekJenis, subjekId, ringkasan,
            new AuditActor(null, $"{request.HostAdminName} (administrator host)", request.HostAdminEmail), ct);

    private async Task TellAsync(CampusUser user, string text, CancellationToken ct)
    {
        var removed = await users.RemovePasswordAsync(user);
        if (!removed.Succeeded) throw new InvalidOperationException(string.Join(" ", removed.Errors.Select(e => e.Description)));
        var link = await resets.LinkAsync(user);
        text += "\n\n" + (link is null
            ? T["Kata sandi lama Anda tidak berlaku lagi. Minta tautan atur ulang kata sandi kepada unit layanan."]
            : T["Kata sandi lama Anda tidak berlaku lagi. Atur kata sandi Anda sendiri lewat tautan ini (berlaku 1 hari):\n{0}", link]);
        if (user.Email is null || services.GetService<IOutbox>() is not { } outbox) return;
        await outbox.EnqueueAsync(new EmailMessage(user.Email, T["Akses ke catatan konseling diberikan"], text) { PlatformOnly = true }, null, ct);
        outbox.Wake();
    }
}
