using System.Security.Claims;
using CampusKonseling.Security;
using CampusKonseling.Shell;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Tenants.Pages;

/// <summary>
/// Who in a campus may open counseling notes, and the host administrator's grants on the campus's written
/// request (ADR 0010). Works in the campus's own shell: its roles, its audit trail, its outbox.
/// </summary>
[RequirePermission(Permissions.ManageTenants)]
public sealed class ConfidentialAccessModel(ITenantRegistry registry, IShellHost shells, IStringLocalizer<S> T) : PageModel
{
    public TenantInfo Tenant { get; private set; } = null!;
    public IReadOnlyList<ConfidentialRole> Holders { get; private set; } = [];
    public IReadOnlyList<Permission> Confidential { get; private set; } = [];
    public IReadOnlyList<string> Roles { get; private set; } = [];
    [TempData] public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(string name, CancellationToken ct) =>
        await InCampusAsync(name, (_, access) => Task.FromResult<IActionResult>(Page()), ct);

    public Task<IActionResult> OnPostGrantAsync(string name, string? peran, string? izin, string? nomorSurat, CancellationToken ct) =>
        InCampusAsync(name, async (shell, access) =>
        {
            if (HostRequestFor(nomorSurat) is not { } request) return Page();
            var result = await access.GrantAsync(peran ?? "", izin ?? "", request, ct);
            return Done(result, T["Izin {0} diberikan kepada peran {1} di {2} (surat {3}).", izin ?? "", peran ?? "", shell.Tenant.DisplayName, request.NomorSurat]);
        }, ct);

    public Task<IActionResult> OnPostMemberAsync(string name, string? peran, string? email, string? nomorSurat, CancellationToken ct) =>
        InCampusAsync(name, async (shell, access) =>
        {
            if (HostRequestFor(nomorSurat) is not { } request) return Page();
            var result = await access.AddMemberAsync(peran ?? "", email ?? "", request, ct);
            return Done(result, T["{0} ditambahkan ke peran {1} di {2} (surat {3}).", email ?? "", peran ?? "", shell.Tenant.DisplayName, request.NomorSurat]);
        }, ct);

    /// <summary>Loads the campus's current grants in its own scope, around the work of a handler.</summary>
    private async Task<IActionResult> InCampusAsync(string name, Func<ShellContext, IConfidentialAccess, Task<IActionResult>> work, CancellationToken ct)
    {
        var tenant = await registry.FindAsync(name, ct);
        if (tenant is null || tenant.IsDefault) return NotFound();
        Tenant = tenant;
        var shell = await shells.GetShellAsync(name, ct);
        if (shell is null)
        {
            ModelState.AddModelError("", T["Kampus ini sedang tidak berjalan; aksesnya tidak dapat dibaca."]);
            return Page();
        }
        await using var scope = shells.CreateScope(shell);
        var access = scope.ServiceProvider.GetRequiredService<IConfidentialAccess>();
        var result = await work(shell, access);
        Confidential = access.Permissions();
        Roles = await access.RolesAsync(ct);
        Holders = await access.HoldersAsync(ct);
        return result;
    }

    private HostRequest? HostRequestFor(string? nomorSurat)
    {
        var nomor = nomorSurat?.Trim() ?? "";
        if (nomor.Length is 0 or > 100)
        {
            ModelState.AddModelError("NomorSurat", T["Isi nomor surat permintaan kampus (paling panjang 100 karakter)."]);
            return null;
        }
        var email = User.FindFirstValue(ClaimTypes.Email) ?? User.Identity?.Name ?? "";
        return new HostRequest(nomor, User.FindFirstValue(ClaimTypes.GivenName) ?? email, email);
    }

    private IActionResult Done(ConfidentialGrantResult result, string message)
    {
        var error = result switch
        {
            ConfidentialGrantResult.Done => null,
            ConfidentialGrantResult.AlreadyHeld => T["Sudah diberikan sebelumnya; tidak ada yang diubah."],
            ConfidentialGrantResult.UnknownRole => T["Peran tidak ada di kampus ini."],
            ConfidentialGrantResult.UnknownPermission => T["Izin ini bukan izin rahasia kampus ini."],
            ConfidentialGrantResult.UnknownUser => T["Tidak ada pengguna kampus dengan e-mail ini."],
            _ => T["Peran ini belum memiliki izin rahasia; berikan izinnya terlebih dahulu."],
        };
        if (error is not null)
        {
            ModelState.AddModelError("", error);
            return Page();
        }
        Message = message;
        return Redirect(Url.Content($"~/admin/kampus/{Tenant.Name}/akses-rahasia"));
    }
}
