using System.Security.Claims;
using CampusKonseling.Cases.Intake;
using CampusKonseling.Security;
using CampusKonseling.Workflows;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Cases.Pages.Cases.Admin;

/// <summary>
/// The dosen PA's own referral form: the student they monitor and why they need the service. The referral opens a case in
/// the campus's referral SOP with the signed-in advisor as its referrer (seed 001's step 1), never a bare SOP run.
/// </summary>
[RequirePermission(Permissions.ReferCases)]
public sealed class ReferModel(StudentReferrals referrals, IStringLocalizer<S> T) : PageModel
{
    [BindProperty] public string? Nama { get; set; }
    [BindProperty] public string? Nim { get; set; }
    [BindProperty] public string? Prodi { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Telepon { get; set; }
    [BindProperty] public string? Alasan { get; set; }
    [BindProperty] public string? Sop { get; set; }
    public IReadOnlyList<SopSummary> Sops { get; private set; } = [];
    public Dictionary<string, string> Errors { get; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Sops = await referrals.SopsAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Sops = await referrals.SopsAsync(ct);
        if (string.IsNullOrWhiteSpace(Nim)) Errors["nim"] = T["NIM mahasiswa wajib diisi."];
        if (string.IsNullOrWhiteSpace(Alasan) || Alasan.Trim().Length < 10) Errors["alasan"] = T["Tuliskan layanan yang diperlukan mahasiswa dan alasannya (paling sedikit 10 karakter)."];
        else if (Alasan.Trim().Length > 2000) Errors["alasan"] = T["Alasan paling panjang 2000 karakter."];
        var me = new Perujuk(User.FindFirstValue(ClaimTypes.NameIdentifier), User.FindFirstValue(ClaimTypes.GivenName) ?? User.Identity?.Name ?? "");
        if (Errors.Count > 0) return Page();
        var outcome = await referrals.ReferAsync(new StudentReferral(Nama, Nim, Email, Telepon, Prodi, null, Alasan, Sops.Count > 1 ? Sop : null, "Mahasiswa"), me, ct);
        foreach (var (key, message) in outcome.Errors) Errors[key] = message;
        if (!outcome.Opened) return Page();
        TempData["Message"] = T["Rujukan diterima sebagai kasus {0}. Staf layanan konseling akan menindaklanjutinya.", outcome.Nomor!].Value;
        return Redirect(Url.Content("~/admin/kasus/rujuk"));
    }
}
