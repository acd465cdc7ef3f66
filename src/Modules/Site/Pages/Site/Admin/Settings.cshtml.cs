using System.ComponentModel.DataAnnotations;
using CampusKonseling.Security;
using CampusKonseling.Site.Data;
using CampusKonseling.Site.Logo;
using Microsoft.AspNetCore.Http;
using CampusKonseling.Site.Settings;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Site.Pages.Admin;

[RequirePermission(Permissions.ManageSettings)]
public sealed class SettingsModel(SiteSettingsService settings, IStringLocalizer<S> T) : PageModel
{
    [BindProperty] public SettingsInput Input { get; set; } = new();
    [TempData] public string? Message { get; set; }
    /// <summary>The uploaded logo's path under the campus, or null.</summary>
    public string? Logo { get; private set; }
    public string? LogoError { get; private set; }

    public sealed class SettingsInput
    {
        [Required(ErrorMessage = "Nama kampus wajib diisi."), StringLength(200, ErrorMessage = "Paling panjang 200 karakter.")]
        public string CampusName { get; set; } = "";
        [StringLength(300, ErrorMessage = "Paling panjang 300 karakter.")]
        public string? UnitName { get; set; }
        [StringLength(500, ErrorMessage = "Paling panjang 500 karakter.")]
        public string? LogoUrl { get; set; }
        [Required(ErrorMessage = "Warna utama wajib diisi."), RegularExpression("^#[0-9a-fA-F]{6}$", ErrorMessage = "Warna harus berbentuk #rrggbb.")]
        public string PrimaryColor { get; set; } = "#1d4e89";
        [Required(ErrorMessage = "Warna aksen wajib diisi."), RegularExpression("^#[0-9a-fA-F]{6}$", ErrorMessage = "Warna harus berbentuk #rrggbb.")]
        public string AccentColor { get; set; } = "#f2a900";
        [Required(ErrorMessage = "Zona waktu wajib diisi.")]
        public string TimeZone { get; set; } = "Asia/Jakarta";
        public List<int> WorkingDays { get; set; } = [];
        [Required(ErrorMessage = "Jam mulai wajib diisi.")]
        public TimeOnly? WorkStart { get; set; }
        [Required(ErrorMessage = "Jam selesai wajib diisi.")]
        public TimeOnly? WorkEnd { get; set; }
        /// <summary>One website origin per line.</summary>
        public string? AsalSematan { get; set; }
        /// <summary>One holiday per line: "2026-12-25 Hari Natal".</summary>
        public string? HariLibur { get; set; }
    }

    public static readonly string[] TimeZones = ["Asia/Jakarta", "Asia/Pontianak", "Asia/Makassar", "Asia/Jayapura"];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var s = await settings.GetAsync(ct);
        Logo = s.Logo;
        Input = new SettingsInput
        {
            CampusName = s.CampusName, UnitName = s.UnitName, LogoUrl = s.LogoUrl, PrimaryColor = s.PrimaryColor,
            AccentColor = s.AccentColor, TimeZone = s.TimeZone, WorkingDays = s.WorkingDays.Select(d => (int)d).ToList(),
            WorkStart = s.WorkStart, WorkEnd = s.WorkEnd, AsalSematan = string.Join("\n", s.AsalSematan),
            HariLibur = string.Join("\n", s.HariLibur.Select(h => $"{h.Tanggal:yyyy-MM-dd} {h.Nama}".TrimEnd())),
        };
    }

    /// <summary>The campus's own logo (PNG or JPG), shown in both themes' headers instead of the logo address.</summary>
    [RequestSizeLimit(1024 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = 1024 * 1024)]
    public async Task<IActionResult> OnPostLogoAsync(IFormFile? logo, [FromServices] LogoKampus logos, CancellationToken ct)
    {
        if (await logos.SaveAsync(logo, ct) is { } refusal)
        {
            ModelState.Clear();
            await OnGetAsync(ct);
            LogoError = refusal;
            return Page();
        }
        Message = T["Logo disimpan."];
        return Redirect(Url.Content("~/admin/pengaturan"));
    }

    public async Task<IActionResult> OnPostHapusLogoAsync([FromServices] LogoKampus logos, CancellationToken ct)
    {
        await logos.RemoveAsync(ct);
        Message = T["Logo dihapus; situs memakai alamat logo bila diisi."];
        return Redirect(Url.Content("~/admin/pengaturan"));
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!SettingsRules.IsTimeZone(Input.TimeZone)) ModelState.AddModelError("Input.TimeZone", T["Zona waktu tidak dikenal."]);
        if (!SettingsRules.IsLogoUrl(Input.LogoUrl)) ModelState.AddModelError("Input.LogoUrl", T["Alamat logo harus URL http(s) atau jalur yang diawali '/'."]);
        if (Input.WorkingDays.Count == 0) ModelState.AddModelError("Input.WorkingDays", T["Pilih setidaknya satu hari kerja."]);
        var origins = (Input.AsalSematan ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (origins.FirstOrDefault(o => SettingsRules.Origin(o) is null) is { } bad)
            ModelState.AddModelError("Input.AsalSematan", T["'{0}' bukan alamat situs. Tulis seperti https://www.kampus.ac.id (tanpa jalur setelah nama situs).", bad]);
        if (Input.WorkStart >= Input.WorkEnd) ModelState.AddModelError("Input.WorkEnd", T["Jam selesai harus setelah jam mulai."]);
        var holidays = Holidays();
        if (!ModelState.IsValid)
        {
            Logo = (await settings.GetAsync(ct)).Logo;
            return Page();
        }
        await settings.SaveAsync(new SettingsRecord
        {
            CampusName = Input.CampusName.Trim(), UnitName = Input.UnitName?.Trim(), LogoUrl = Input.LogoUrl?.Trim(),
            PrimaryColor = Input.PrimaryColor, AccentColor = Input.AccentColor, TimeZone = Input.TimeZone,
            WorkingDays = Input.WorkingDays.Where(d => d is >= 0 and <= 6).Distinct().Order().ToArray(),
            WorkStart = Input.WorkStart!.Value, WorkEnd = Input.WorkEnd!.Value,
            AsalSematan = origins.Select(o => SettingsRules.Origin(o)!).Distinct().ToArray(),
            HariLibur = HariLiburJson.Write(holidays),
        }, ct);
        Message = T["Pengaturan disimpan."];
        return Redirect(Url.Content("~/admin/pengaturan"));
    }

    /// <summary>The typed holiday lines; each unreadable line gets its own error, numbered as the admin sees it.</summary>
    private List<HariLibur> Holidays()
    {
        var days = new List<HariLibur>();
        var lines = (Input.HariLibur ?? "").Split('\n');
        var seen = new Dictionary<DateOnly, int>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0) continue;
            var (day, badDate, _) = SettingsRules.HolidayLine(line);
            if (day is null)
                ModelState.AddModelError("Input.HariLibur", badDate
                    ? T["Baris {0} (\"{1}\"): tulis tanggal sebagai tahun-bulan-tanggal lalu namanya, misalnya 2026-12-25 Hari Natal.", i + 1, line]
                    : T["Baris {0}: nama hari libur paling panjang {1} karakter.", i + 1, SettingsRules.MaxHolidayName]);
            else if (seen.TryGetValue(day.Tanggal, out var first))
                ModelState.AddModelError("Input.HariLibur", T["Baris {0}: tanggal {1} sudah ada di baris {2}.", i + 1, day.Tanggal.ToString("yyyy-MM-dd"), first]);
            else
            {
                seen[day.Tanggal] = i + 1;
                days.Add(day);
            }
        }
        if (days.Count > SettingsRules.MaxHolidays)
            ModelState.AddModelError("Input.HariLibur", T["Paling banyak {0} hari libur; hapus tahun-tahun yang sudah lewat.", SettingsRules.MaxHolidays]);
        return days;
    }
}
