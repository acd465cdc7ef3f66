using CampusKonseling.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CampusKonseling.Privasi.Hak;

/// <summary>
/// The public "Data pribadi saya" posts not signed in (a link to an address, a request through a link) are limited per client
/// address and campus (CampusKonseling:Privasi:PostsPerMinute, default 10): nobody sends the campus's mail to a list of strangers.
/// </summary>
public static class PrivasiRateLimit
{
    public const string Policy = "privasi-publik";

    // Signed-in people are known and answerable, except that asking for a link mails an address: that is limited for everyone.
    public static IServiceCollection AddPrivasiRateLimit(this IServiceCollection services) =>
        services.AddPublicPostLimit(Policy, "CampusKonseling:Privasi:PostsPerMinute", 10, context =>
            context.User.Identity?.IsAuthenticated == true && !string.Equals(context.Request.Query["handler"], "Tautan", StringComparison.OrdinalIgnoreCase));
}
