using System.Net.Mail;
using CampusKonseling.Audit;
using CampusKonseling.Security;
using CampusKonseling.Site;
using CampusKonseling.Users;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Privasi.Pages.Privasi.Admin;

/// <summary>
/// The consent ledger for the DPO: every consent one person gave (each form's consent, each programme registration) with
/// its purpose, text version, retention, when and how, and its withdrawal. The person is found by e-mail address and, when
/// they have a client account with it, by that account, never by name; each look is audited.
/// </summary>
[RequirePermission(Permissions.ManagePrivasi)]
public sealed class PersetujuanModel(CampusKonseling.Modules.ShellFeatureServices features, IUserDirectory users, IUraianPemrosesan uraian, IAuditLog audit,
    CampusClock campusClock, IStringLocalizer<S> T) : PageModel
{
    /// <summary>Posted, not in the query string: a person's address stays out of access logs and the browser's history.</summary>
    [BindProperty] public string? Email { get; set; }
    public string? Galat { get; private set; }
    public IReadOnlyList<Persetujuan>? Rows { get; private set; }
    public CampusTime Waktu { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Waktu = await campusClock.GetAsync(ct);

    public async Task OnPostAsync(CancellationToken ct)
    {
        Waktu = await campusClock.GetAsync(ct);
        if (string.IsNullOrWhiteSpace(Email))
        {
            Galat = T["Tuliskan satu alamat e-mail, mis. nama@kampus.ac.id."];
            return;
        }
        var email = Email.Trim();
        if (!MailAddress.TryCreate(email, out var address) || address.Address != email)
        {
            Galat = T["Tuliskan satu alamat e-mail, mis. nama@kampus.ac.id."];
            return;
        }
        var account = await users.FindClientAsync(null, email, ct);
        var subjek = new SubjekData(account?.Id, email);
        var rows = new List<Persetujuan>();
        foreach (var source in features.Contracts<IPersetujuanSubjek>()) rows.AddRange(await source.PersetujuanAsync(subjek, ct));
        // The DPO's own wording of a purpose stands over the generated one, as in the record of processing.
        for (var i = 0; i < rows.Count; i++)
            if (await uraian.TujuanAsync(rows[i].Kunci, ct) is { Length: > 0 } tujuan) rows[i] = rows[i] with { Tujuan = tujuan };
        Rows = rows.OrderByDescending(r => r.DiberikanPada).ToList();
        await audit.RecordAsync(new AuditEvent(AuditKinds.Baca, "privasi-persetujuan", email, $"Buku persetujuan dibuka: {rows.Count} persetujuan"), ct);
    }
}
