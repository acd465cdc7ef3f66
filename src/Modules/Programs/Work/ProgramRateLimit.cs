using CampusKonseling.Security;

namespace CampusKonseling.Programs.Work;

/// <summary>
/// Public registration, cancellation and evaluation posts are limited per client address and campus
/// (CampusKonseling:Programs:PostsPerMinute, default 20), like the intake forms; the page that answers
/// a refused post is the platform's.
/// </summary>
public static class ProgramRateLimit
{
    public const string Policy = "program-publik";

    public static IServiceCollection AddProgramRateLimit(this IServiceCollection services) =>
        services.AddPublicPostLimit(Policy, "CampusKonseling:Programs:PostsPerMinute", 20);
}
