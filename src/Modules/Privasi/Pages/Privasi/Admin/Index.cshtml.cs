using System.ComponentModel.DataAnnotations;
using System.Net.Mail;
using System.Security.Claims;
using CampusKonseling.Audit;
using CampusKonseling.Privasi.Data;
using CampusKonseling.Privasi.Rekam;
using CampusKonseling.Security;
using CampusKonseling.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Privasi.Pages.Privasi.Admin;

/// <summary>
/// The campus as a personal data controller: its data protection officer, and the record of processing activities
/// generated from its forms and SOPs, with the DPO's own wording over the generated purpose; downloadable as XLSX.
/// </summary>
[RequirePermission(Permissions.ManagePrivasi)]
public sealed class IndexModel(RekamPemrosesan rekam, PrivasiDb db, ISiteSettings settings, IAuditLog audit, TimeProvider clock, IStringLocalizer<S> T) : PageModel
{
    public IReadOnlyList<BarisRekam> Baris { get; private set; } = [];
    public PejabatRow? Pejabat { get; private set; }
    public string? Pesan { get; private set; }
    public bool Gagal { get; private set; }
    public Dictionary<string, string> Galat { get; } = [];

    [BindProperty] public PejabatInput Input { get; set; } = new();
    [BindProperty] public string? Kunci { get; set; }
    [BindProperty] public string? Tujuan { get; set; }
    [BindProperty] public string? Catatan { get; set; }

    public sealed class PejabatInput
    {
        public string? Nama { get; set; }
        public string? Jabatan { get; set; }
        public string? Email { get; set; }
        public string? Telepon { get; set; }
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Pejabat is { } p) Input = new PejabatInput { Nama = p.Nama, Jabatan = p.Jabatan, Email = p.Email, Telepon = p.Telepon };
        Pesan = TempData["Message"] as string;
    }

    public async Task<IActionResult> OnPostPejabatAsync(CancellationToken ct)
    {
        var nama = Input.Nama?.Trim();
        var email = Input.Email?.Trim();
        if (string.IsNullOrEmpty(nama)) Galat["nama"] = T["Isi nama pejabat pelindungan data pribadi."];
        else if (nama.Length > 200) Galat["nama"] = T["Paling panjang {0} karakter.", 200];
        if (string.IsNullOrEmpty(email) || email.Length > 256 || !MailAddress.TryCreate(email, out var address) || address.Address != email)
            Galat["email"] = T["Isi alamat e-mail yang dapat dihubungi subjek data, mis. ppdp@kampus.ac.id."];
        if (Blank(Input.Jabatan) is { Length: > 200 }) Galat["jabatan"] = T["Paling panjang {0} karakter.", 200];
        if (Blank(Input.Telepon) is { Length: > 40 }) Galat["telepon"] = T["Paling panjang {0} karakter.", 40];
        if (Galat.Count > 0)
        {
            await LoadAsync(ct);
            return Page();
        }
        var row = await db.Pejabat.FirstOrDefaultAsync(ct);
        if (row is null) db.Pejabat.Add(row = new PejabatRow { Nama = nama!, Email = email!, DiubahOleh = By() });
        (row.Nama, row.Email, row.Jabatan, row.Telepon, row.DiubahOleh, row.DiubahPada) = (nama!, email!, Blank(Input.Jabatan), Blank(Input.Telepon), By(), clock.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two first saves at once: the other one's row is there now; what was typed stays for a second try.
            await LoadAsync(ct);
            (Pesan, Gagal) = (T["Pejabat baru saja disimpan orang lain; periksa isian lalu simpan lagi."], true);
            return Page();
        }
        await audit.RecordAsync(new AuditEvent(AuditKinds.Ubah, "privasi-pejabat", "1", $"Pejabat pelindungan data pribadi: {nama} <{email}>"), ct);
        TempData["Message"] = T["Pejabat pelindungan data pribadi disimpan."].Value;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostUraianAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Baris.FirstOrDefault(b => b.Kegiatan.Kunci == Kunci) is not { } baris) return NotFound();
        var tujuan = Blank(Tujuan);
        if (tujuan is { Length: > 2000 } || Blank(Catatan) is { Length: > 2000 })
        {
            (Pesan, Gagal) = (T["Tujuan dan catatan paling panjang {0} karakter; uraian \"{1}\" tidak disimpan.", 2000, baris.Kegiatan.Nama], true);
            return Page();
        }
        var row = await db.Uraian.FirstOrDefaultAsync(u => u.Kunci == Kunci, ct);
        if (tujuan is null && Blank(Catatan) is null)
        {
            if (row is not null) db.Uraian.Remove(row);
        }
        else
        {
            if (row is null) db.Uraian.Add(row = new UraianRow { Kunci = Kunci!, DiubahOleh = By() });
            // The generated purpose kept as typed is not an override: a later change of the form or SOP still shows.
            row.Tujuan = tujuan == baris.Kegiatan.Tujuan ? null : tujuan;
            (row.Catatan, row.DiubahOleh, row.DiubahPada) = (Blank(Catatan), By(), clock.GetUtcNow());
        }
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(new AuditEvent(AuditKinds.Ubah, "privasi-kegiatan", Kunci, $"Uraian kegiatan pemrosesan {baris.Kegiatan.Nama} diubah"), ct);
        TempData["Message"] = T["Uraian \"{0}\" disimpan.", baris.Kegiatan.Nama].Value;
        return Redirect(Url.Content("~/admin/privasi") + "#" + Anchor(Kunci!));
    }

    public async Task<IActionResult> OnGetPdfAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var site = await settings.GetAsync(ct);
        var now = clock.GetUtcNow().ToOffset(CampusClock.Zone(site.TimeZone).GetUtcOffset(clock.GetUtcNow()));
        await audit.RecordAsync(new AuditEvent(AuditKinds.Unduh, "privasi-rekaman", null, $"Rekaman kegiatan pemrosesan diunduh sebagai PDF ({Baris.Count} kegiatan)"), ct);
        var pejabat = Pejabat is { } p ? new PejabatPdp(p.Nama, p.Jabatan, p.Email, p.Telepon) : null;
        var dibuat = new CampusTime(CampusClock.Zone(site.TimeZone), clock.GetUtcNow()).Format(clock.GetUtcNow());
        return File(RekamPdf.Write(site.CampusName, pejabat, Baris, dibuat), "application/pdf", $"rekaman-pemrosesan-{now:yyyyMMdd}.pdf");
    }

    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var site = await settings.GetAsync(ct);
        var now = clock.GetUtcNow().ToOffset(CampusClock.Zone(site.TimeZone).GetUtcOffset(clock.GetUtcNow()));
        await audit.RecordAsync(new AuditEvent(AuditKinds.Unduh, "privasi-rekaman", null, $"Rekaman kegiatan pemrosesan diunduh ({Baris.Count} kegiatan)"), ct);
        return File(RekamXlsx.Write(site.CampusName, Pejabat, Baris, now), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            $"rekaman-pemrosesan-{now:yyyyMMdd}.xlsx");
    }

    /// <summary>The row's fragment id: the key with its separator made safe.</summary>
    public static string Anchor(string kunci) => "k-" + string.Concat(kunci.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-'));

    private async Task LoadAsync(CancellationToken ct)
    {
        Baris = await rekam.BarisAsync(ct);
        Pejabat = await rekam.PejabatAsync(ct);
    }

    private string By() => User.FindFirst(ClaimTypes.Email)?.Value ?? User.Identity?.Name ?? "-";

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
