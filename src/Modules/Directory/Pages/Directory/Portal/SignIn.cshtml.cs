using System.Security.Cryptography;
using CampusKonseling.Direktori.Portal;
using CampusKonseling.Direktori.Students;
using CampusKonseling.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

namespace CampusKonseling.Direktori.Pages.Directory.Portal;

/// <summary>
/// The campus portal sends the student here with a signed token (GET ?token= or a POSTed form field).
/// A valid, unused token signs the student in and opens their requests; any other token gets a page
/// saying why, never an error. The token itself is never logged (it names the student).
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken] // posted by the portal's own page, which cannot hold this site's antiforgery token
public sealed class SignInModel(PortalSettingsStore store, IStudentSignIn signIn, IStudentDirectory directory, TimeProvider clock,
    IStringLocalizer<S> T, ILogger<SignInModel> logger) : PageModel
{
    public string? Problem { get; private set; }

    public Task<IActionResult> OnGetAsync(string? token, CancellationToken ct) => SignInAsync(token, ct);

    public Task<IActionResult> OnPostAsync([FromForm] string? token, CancellationToken ct) => SignInAsync(token, ct);

    private async Task<IActionResult> SignInAsync(string? token, CancellationToken ct)
    {
        var settings = await store.GetAsync(ct);
        PortalKey? key;
        try
        {
            key = store.KeyOf(settings);
        }
        catch (CryptographicException ex)
        {
            logger.LogError(ex, "Portal secret cannot be decrypted; the campus admin must save it again");
            return Refuse(T["Masuk lewat portal sedang tidak dapat dipakai. Administrator kampus perlu menyimpan ulang rahasia portal."], 503);
        }
        catch (InvalidDataException ex)
        {
            logger.LogError(ex, "Portal JWKS cannot be used; the campus admin must paste it again");
            return Refuse(T["Masuk lewat portal sedang tidak dapat dipakai. Administrator kampus perlu menyimpan ulang kunci publik (JWKS) portal."], 503);
        }
        if (key is null) return Refuse(T["Masuk lewat portal kampus belum diaktifkan di kampus ini."], 404);
        if (string.IsNullOrWhiteSpace(token)) return Refuse(T["Tidak ada token masuk. Buka layanan konseling dari portal kampus."], 400);

        var now = clock.GetUtcNow();
        var (claims, problem) = await PortalToken.ValidateAsync(token, key, now);
        if (claims is null)
        {
            logger.LogInformation("Portal token refused: {Problem}", problem);
            return Refuse(Explain(problem), 400);
        }
        if (StudentRules.NormalizeNim(claims.Nim) is not { } nim) return Refuse(T["NIM dalam token tidak valid."], 400);
        var record = await directory.FindAsync(nim, ct);
        var nama = record?.Nama ?? claims.Nama?.Trim();
        if (string.IsNullOrEmpty(nama)) return Refuse(T["NIM Anda belum terdaftar di direktori mahasiswa layanan konseling. Hubungi administrator kampus."], 403);
        if (!await store.UseOnceAsync(claims.Jti, claims.Expires, now, ct))
        {
            logger.LogWarning("Portal token replayed (jti already used)");
            return Refuse(T["Token ini sudah pernah dipakai. Buka lagi layanan konseling dari portal kampus."], 400);
        }

        var result = await signIn.SignInAsync(new PortalStudent(nim, nama, record?.Email ?? claims.Email), settings.Peran, ct);
        return result switch
        {
            StudentSignInResult.SignedIn => LocalRedirect(Url.Content("~/permohonan-saya")),
            StudentSignInResult.StaffAccount => Refuse(T["Akun ini adalah akun staf. Staf masuk dengan e-mail dan kata sandi, bukan lewat portal."], 403),
            StudentSignInResult.LockedOut => Refuse(T["Akun Anda sedang dikunci. Coba lagi nanti atau hubungi administrator kampus."], 403),
            _ => Refuse(T["Masuk lewat portal sedang tidak dapat dipakai. Administrator kampus perlu memeriksa peran akun mahasiswa."], 503),
        };
    }

    private string Explain(TokenProblem problem) => problem switch
    {
        TokenProblem.Expired => T["Token masuk sudah kedaluwarsa. Buka lagi layanan konseling dari portal kampus."],
        TokenProblem.NotYetValid => T["Token masuk belum berlaku. Periksa jam perangkat portal, lalu coba lagi."],
        TokenProblem.Signature or TokenProblem.Algorithm => T["Tanda tangan token tidak sah. Token ini tidak berasal dari portal kampus."],
        TokenProblem.Issuer or TokenProblem.Audience => T["Token ini diterbitkan untuk layanan lain, bukan untuk layanan konseling kampus ini."],
        TokenProblem.TooLong => T["Masa berlaku token terlalu panjang (paling lama 1 jam)."],
        TokenProblem.NoJti or TokenProblem.NoNim => T["Token tidak lengkap: harus memuat jti dan NIM."],
        _ => T["Token masuk tidak dapat dibaca."],
    };

    private PageResult Refuse(string problem, int status)
    {
        Problem = problem;
        var page = Page();
        page.StatusCode = status;
        return page;
    }
}
