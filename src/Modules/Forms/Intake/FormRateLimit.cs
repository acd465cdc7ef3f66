using CampusKonseling.Security;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Forms.Intake;

/// <summary>
/// Public form posts are limited per client address and campus (CampusKonseling:Forms:PostsPerMinute,
/// default 20); past the limit the person gets a plain page in their language, status 429.
/// </summary>
public static class FormRateLimit
{
    public const string Policy = "formulir";

    public static IServiceCollection AddFormRateLimit(this IServiceCollection services) =>
        services.AddPublicPostLimit(Policy, "CampusKonseling:Forms:PostsPerMinute", 20).AddRateLimiter(o =>
        {
            o.OnRejected = async (rejected, ct) =>
            {
                var T = rejected.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<S>>();
                var response = rejected.HttpContext.Response;
                response.Headers.RetryAfter = "60";
                await PlainHtmlPage.WriteAsync(rejected.HttpContext, StatusCodes.Status429TooManyRequests, T["Terlalu banyak permohonan"],
                    T["Terlalu banyak permohonan dikirim dari perangkat ini. Tunggu satu menit, lalu kirim lagi. Isian Anda tidak tersimpan; tekan tombol kembali pada peramban untuk mengambilnya."], ct);
            };
        });
}
