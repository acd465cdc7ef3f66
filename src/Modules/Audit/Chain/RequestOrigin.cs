using System.Security.Claims;
using CampusKonseling.Audit.Data;
using Microsoft.AspNetCore.Http;

namespace CampusKonseling.Audit.Chain;

/// <summary>
/// Who and where an entry comes from: the request's user, its address (after the host's
/// forwarded-headers handling, so the client's and not the proxy's) and its user agent.
/// </summary>
public sealed class RequestOrigin(IHttpContextAccessor http)
{
    public AuditActor Actor()
    {
        var context = http.HttpContext;
        if (context is null) return AuditActor.Sistem;
        var user = context.User;
        if (user.Identity?.IsAuthenticated != true) return AuditActor.Anonim;
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var email = user.FindFirstValue(ClaimTypes.Email);
        var name = user.FindFirstValue(ClaimTypes.GivenName) ?? user.FindFirstValue(ClaimTypes.Name) ?? email ?? id ?? "?";
        return new AuditActor(id, name, email);
    }

    public string? IpAddress()
    {
        var address = http.HttpContext?.Connection.RemoteIpAddress;
        if (address is null) return null;
        return (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
    }

    public string? UserAgent()
    {
        var agent = http.HttpContext?.Request.Headers.UserAgent.ToString();
        return string.IsNullOrWhiteSpace(agent) ? null : Cut(agent, Limits.Agen);
    }

    /// <summary>
    /// Fits a value to its column: PostgreSQL refuses NUL characters, and a cut must not split a
    /// surrogate pair, or the stored text would differ from the hashed one.
    /// </summary>
    public static string Cut(string value, int max)
    {
        if (value.Contains('\0')) value = value.Replace("\0", "");
        if (value.Length <= max) return value;
        return value[..(char.IsHighSurrogate(value[max - 1]) ? max - 1 : max)];
    }

    public static string? CutOrNull(string? value, int max) => value is null ? null : Cut(value, max);
}
