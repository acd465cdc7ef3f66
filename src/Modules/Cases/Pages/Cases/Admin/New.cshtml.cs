using System.Net.Mail;
using CampusKonseling.Cases.Data;
using CampusKonseling.Data;
using CampusKonseling.Security;
using CampusKonseling.Workflows;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Cases.Pages.Cases.Admin;

/// <summary>
/// A case opened by staff for a client who walked in, phoned, or was referred (dosen PA, peer tutor,
/// another unit): the case and its SOP's first step are written in one transaction.
/// </summary>
[RequirePermission(Permissions.ManageCases)]
public sealed class NewModel(TenantDbConnection connection, ISopLauncher sops, ICaseIntake cases, IStringLocalizer<S> T) : PageModel
{
    public static readonly string[] Saluran = ["Datang langsung", "Telepon", "Rujukan"];
    /// <summary>The SOP's entry channel (a step's <c>masuk</c>) for each way the client came.</summary>
    private static readonly Dictionary<string, string> Masuk = new() { ["Datang langsung"] = "datang", ["Telepon"] = "telepon", ["Rujukan"] = Intake.StudentReferrals.Masuk };

    [BindProperty] public string? Nama { get; set; }
    [BindProperty] public string? Nim { get; set; }
    [BindProperty] public string? JenisKlien { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Telepon { get; set; }
    [BindProperty] public string? Cara { get; set; }
    [BindProperty] public string? Perujuk { get; set; }
    [BindProperty] public string? Bidang { get; set; }
    [BindProperty] public string? Sop { get; set; }
    [BindProperty] public string? Uraian { get; set; }
    public IReadOnlyList<SopSummary> Sops { get; private set; } = [];
    public Dictionary<string, string> Errors { get; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Sops = await CaseSopsAsync(ct);

    /// <summary>The SOPs a case may run on: not those of data subjects' requests and breaches (feature Privasi), which have their own pages.</summary>
    private async Task<IReadOnlyList<SopSummary>> CaseSopsAsync(CancellationToken ct) =>
        (await sops.ListAsync(ct)).Where(s => !CampusKonseling.Privasi.SopPrivasi.Is(s.Masuk)).ToList();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Sops = await CaseSopsAsync(ct);
        if (string.IsNullOrWhiteSpace(Nama)) Errors[nameof(Nama)] = T["Nama klien wajib diisi."];
        if (!string.IsNullOrWhiteSpace(Email) && !MailAddress.TryCreate(Email.Trim(), out _)) Errors[nameof(Email)] = T["Alamat e-mail tidak valid."];
        if (!Saluran.Contains(Cara)) Errors[nameof(Cara)] = T["Pilih cara klien datang."];
        if (Cara == "Rujukan" && string.IsNullOrWhiteSpace(Perujuk)) Errors[nameof(Perujuk)] = T["Sebutkan siapa yang merujuk (mis. dosen PA, tutor sebaya, unit lain)."];
        if (Sops.All(s => s.Kode != Sop)) Errors[nameof(Sop)] = T["Pilih SOP yang dijalankan."];
        if (Errors.Count > 0) return Page();

        await connection.OpenAsync(ct);
        SopLaunch launch;
        (Guid Id, string Nomor) opened;
        await using (var tx = await connection.Connection.BeginTransactionAsync(ct))
        {
            launch = await sops.StartAsync(Sop!, T["Kasus {0}", Cara!], new Dictionary<string, string> { ["saluran"] = Cara! }, tx, ct, Masuk[Cara!]);
            opened = await cases.OpenAsync(new CaseOpening(Cara == "Rujukan" ? CaseSources.Rujukan : CaseSources.Staf, Nama!.Trim(), Trim(Email), Trim(Telepon), Trim(Nim),
                Trim(JenisKlien), Cara, Trim(Bidang), null, Trim(Uraian), null, launch.InstanceId, Sop, null, Trim(Perujuk)), tx, ct);
            await tx.CommitAsync(ct);
            await connection.ReleaseAsync();
        }
        await launch.AfterCommitAsync(ct);
        TempData["Message"] = T["Kasus {0} dibuka.", opened.Nomor].Value;
        return Redirect(Url.Content($"~/admin/kasus/{opened.Id}"));
    }

    private static string? Trim(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
