using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using CampusKonseling.Notifications.Channels;
using CampusKonseling.Security;
using CampusKonseling.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Notifications.Pages.Notifications.Admin;

/// <summary>
/// The campus's own mail server and its SMS/WhatsApp gateway, each with a test send so the admin
/// sees at once whether it works. Secrets are never shown again: a blank password or token keeps the stored one.
/// </summary>
[RequirePermission(CampusKonseling.Notifications.Permissions.ManageNotifications)]
public sealed class ChannelsModel(ChannelSettingsStore store, EmailChannel email, TextGateway gateway, ISiteSettings site, TimeProvider clock, IStringLocalizer<S> T) : PageModel
{
    [BindProperty] public ChannelInput Input { get; set; } = new();
    [BindProperty] public string? UjiEmail { get; set; }
    [BindProperty] public string? UjiTelepon { get; set; }
    [TempData] public string? Message { get; set; }
    public string? TestProblem { get; private set; }
    public bool HasPassword { get; private set; }
    public bool HasOAuthToken { get; private set; }
    public bool HasHeaders { get; private set; }

    public sealed class ChannelInput
    {
        [StringLength(255, ErrorMessage = "Paling panjang 255 karakter.")]
        public string? SmtpHost { get; set; }
        [Range(1, 65535, ErrorMessage = "Port antara 1 dan 65535.")]
        public int SmtpPort { get; set; } = 587;
        public string SmtpSecurity { get; set; } = CampusKonseling.Notifications.SmtpSecurity.Auto;
        [StringLength(255, ErrorMessage = "Paling panjang 255 karakter.")]
        public string? SmtpUser { get; set; }
        public string? SmtpPassword { get; set; }
        public bool HapusPassword { get; set; }
        /// <summary>An OAuth2 access token for the user (XOAUTH2); blank keeps the stored one.</summary>
        public string? SmtpOAuthToken { get; set; }
        public bool HapusOAuthToken { get; set; }
        [StringLength(320, ErrorMessage = "Paling panjang 320 karakter.")]
        public string? SmtpFrom { get; set; }

        public bool GatewayAktif { get; set; }
        public string GatewayJenis { get; set; } = GatewayKinds.WhatsApp;
        [StringLength(1000, ErrorMessage = "Paling panjang 1000 karakter.")]
        public string? GatewayUrl { get; set; }
        public string GatewayMethod { get; set; } = "POST";
        public string GatewayContentType { get; set; } = "application/json";
        /// <summary>Blank keeps the stored headers; "-" removes them.</summary>
        public string? GatewayHeaders { get; set; }
        public string? GatewayBody { get; set; }
    }

    public static readonly string[] Methods = ["POST", "GET", "PUT"];
    public static readonly string[] ContentTypes = ["application/json", "application/x-www-form-urlencoded", "text/plain"];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    private async Task<ChannelSettings> LoadAsync(CancellationToken ct, bool fillInput = true)
    {
        var s = await store.GetAsync(ct);
        HasPassword = s.SmtpPasswordProtected is not null;
        HasOAuthToken = s.SmtpOAuthTokenProtected is not null;
        HasHeaders = s.GatewayHeadersProtected is not null;
        if (fillInput)
            Input = new ChannelInput
            {
                SmtpHost = s.SmtpHost, SmtpPort = s.SmtpPort, SmtpSecurity = s.SmtpSecurity, SmtpUser = s.SmtpUser, SmtpFrom = s.SmtpFrom,
                GatewayAktif = s.GatewayAktif, GatewayJenis = s.GatewayJenis, GatewayUrl = s.GatewayUrl, GatewayMethod = s.GatewayMethod,
                GatewayContentType = s.GatewayContentType, GatewayBody = s.GatewayBody,
            };
        return s;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var stored = await LoadAsync(ct, fillInput: false);
        Check();
        if (!ModelState.IsValid) return Page();
        await store.SaveAsync(Merge(stored), ct);
        Message = T["Saluran pesan disimpan."];
        return Redirect(Url.Content("~/admin/saluran-pesan"));
    }

    public async Task<IActionResult> OnPostUjiEmailAsync(CancellationToken ct)
    {
        var stored = await LoadAsync(ct, fillInput: false);
        var to = (UjiEmail ?? "").Trim();
        if (!System.Net.Mail.MailAddress.TryCreate(to, out _)) ModelState.AddModelError(nameof(UjiEmail), T["Tulis alamat e-mail tujuan uji yang benar."]);
        Check();
        if (!ModelState.IsValid) return Page();
        var campus = await site.GetAsync(ct);
        try
        {
            // Tests what is on the screen, saved or not, so an admin can try before saving.
            await email.SendAsync(Merge(stored), campus, to, T["Uji e-mail dari {0}", campus.CampusName], T["E-mail uji ini menandakan server SMTP kampus sudah dapat mengirim pesan."], ct);
            Message = T["E-mail uji terkirim ke {0}.", to];
            return Redirect(Url.Content("~/admin/saluran-pesan"));
        }
        catch (SmtpSendException ex)
        {
            // The log has the technical detail (SmtpTransport); the page says what to check.
            TestProblem = T["E-mail uji gagal: {0}", SmtpProblemText.Describe(T, ex.Problem, $"{Input.SmtpHost?.Trim()}:{Input.SmtpPort}", to)];
            return Page();
        }
    }

    public async Task<IActionResult> OnPostUjiTeleponAsync(CancellationToken ct)
    {
        var stored = await LoadAsync(ct, fillInput: false);
        var to = (UjiTelepon ?? "").Trim();
        if (PhoneNumbers.International(to).Length is < 9 or > 15) ModelState.AddModelError(nameof(UjiTelepon), T["Tulis nomor HP tujuan uji, misalnya 081234567890."]);
        Check();
        if (!ModelState.IsValid) return Page();
        var settings = Merge(stored);
        if (!settings.GatewayReady)
        {
            TestProblem = T["Aktifkan gateway dan isi alamatnya sebelum mengirim pesan uji."];
            return Page();
        }
        var campus = await site.GetAsync(ct);
        try
        {
            await gateway.SendAsync(settings, to, T["Pesan uji dari {0}.", campus.UnitName ?? campus.CampusName], ct);
            Message = T["Pesan uji terkirim ke {0}.", to];
            return Redirect(Url.Content("~/admin/saluran-pesan"));
        }
        catch (Exception ex) when (ex is GatewayException or HttpRequestException or TaskCanceledException)
        {
            TestProblem = T["Pesan uji gagal: {0}", ex is TaskCanceledException ? T["gateway tidak menjawab dalam 20 detik"] : ex.Message];
            return Page();
        }
    }

    private void Check()
    {
        var i = Input;
        if (!string.IsNullOrWhiteSpace(i.SmtpFrom) && !System.Net.Mail.MailAddress.TryCreate(i.SmtpFrom.Trim(), out _))
            ModelState.AddModelError("Input.SmtpFrom", T["Tulis pengirim sebagai alamat e-mail, misalnya Layanan Konseling <konseling@kampus.ac.id>."]);
        if (!string.IsNullOrWhiteSpace(i.SmtpHost) && string.IsNullOrWhiteSpace(i.SmtpFrom))
            ModelState.AddModelError("Input.SmtpFrom", T["Server SMTP sendiri memerlukan alamat pengirim."]);
        if (!CampusKonseling.Notifications.SmtpSecurity.All.Contains(i.SmtpSecurity)) ModelState.AddModelError("Input.SmtpSecurity", T["Pilih salah satu mode keamanan."]);
        if (!string.IsNullOrWhiteSpace(i.SmtpOAuthToken) && string.IsNullOrWhiteSpace(i.SmtpUser))
            ModelState.AddModelError("Input.SmtpUser", T["Token OAuth2 memerlukan nama pengguna (alamat akun pengirim)."]);
        if (!GatewayKinds.All.Contains(i.GatewayJenis)) ModelState.AddModelError("Input.GatewayJenis", T["Pilih SMS atau WhatsApp."]);
        if (!Methods.Contains(i.GatewayMethod)) ModelState.AddModelError("Input.GatewayMethod", T["Metode tidak dikenal."]);
        if (!ContentTypes.Contains(i.GatewayContentType)) ModelState.AddModelError("Input.GatewayContentType", T["Jenis isi tidak dikenal."]);
        if (!string.IsNullOrWhiteSpace(i.GatewayUrl)
            && (!Uri.TryCreate(TemplateText.Render(i.GatewayUrl.Trim(), new Dictionary<string, string> { ["telepon"] = "62", ["pesan"] = "x" }), UriKind.Absolute, out var url)
                || url.Scheme is not ("https" or "http")))
            ModelState.AddModelError("Input.GatewayUrl", T["Alamat gateway harus URL http(s) lengkap."]);
        if (i.GatewayAktif && string.IsNullOrWhiteSpace(i.GatewayUrl)) ModelState.AddModelError("Input.GatewayUrl", T["Gateway yang aktif memerlukan alamat."]);
        if (i.GatewayAktif && i.GatewayMethod != "GET" && string.IsNullOrWhiteSpace(i.GatewayBody)
            && !(i.GatewayUrl ?? "").Contains("{pesan}"))
            ModelState.AddModelError("Input.GatewayBody", T["Sertakan {pesan} di isi permintaan atau di alamat gateway."]);
        if (i.GatewayHeaders is { Length: > 0 } headers && headers.Trim() != "-"
            && headers.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Any(l => !l.Contains(':')))
            ModelState.AddModelError("Input.GatewayHeaders", T["Tulis satu header per baris sebagai Nama: nilai."]);
    }

    private ChannelSettings Merge(ChannelSettings stored)
    {
        var i = Input;
        return new ChannelSettings
        {
            SmtpHost = Trimmed(i.SmtpHost), SmtpPort = i.SmtpPort, SmtpSecurity = i.SmtpSecurity, SmtpUser = Trimmed(i.SmtpUser),
            SmtpPasswordProtected = i.HapusPassword ? null : string.IsNullOrEmpty(i.SmtpPassword) ? stored.SmtpPasswordProtected : store.Hide(i.SmtpPassword),
            SmtpOAuthTokenProtected = i.HapusOAuthToken ? null : string.IsNullOrWhiteSpace(i.SmtpOAuthToken) ? stored.SmtpOAuthTokenProtected : store.Hide(i.SmtpOAuthToken.Trim()),
            SmtpFrom = Trimmed(i.SmtpFrom),
            GatewayAktif = i.GatewayAktif, GatewayJenis = i.GatewayJenis, GatewayUrl = Trimmed(i.GatewayUrl), GatewayMethod = i.GatewayMethod,
            GatewayContentType = i.GatewayContentType, GatewayBody = string.IsNullOrWhiteSpace(i.GatewayBody) ? null : i.GatewayBody.Trim(),
            GatewayHeadersProtected = i.GatewayHeaders?.Trim() switch
            {
                null or "" => stored.GatewayHeadersProtected,
                "-" => null,
                var lines => store.Hide(lines.Replace("\r", "")),
            },
            DiubahPada = clock.GetUtcNow(), DiubahOleh = User.FindFirstValue(ClaimTypes.Email) ?? User.Identity?.Name ?? "",
        };
    }

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
