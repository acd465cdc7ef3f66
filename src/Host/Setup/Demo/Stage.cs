using System.Globalization;
using System.Security.Claims;
using CampusKonseling.Host.Shells;
using CampusKonseling.Shell;

namespace CampusKonseling.Host.Setup.Demo;

/// <summary>
/// Where a piece of the demo semester is done: in a fresh service scope of the campus, at its moment on the demo clock,
/// in Indonesian, as a person (the audit trail, letters and notes name who did it, with the user agent "demo-semester").
/// After each piece the outbox is delivered at the same moment, so the semester's mail (and the steps completed by its
/// delivery) happen then and not when a worker finds them.
/// </summary>
public sealed class Stage(ShellHost shells, ShellContext shell, IHttpContextAccessor http)
{
    public const string UserAgent = "CampusKonseling demo-semester (data contoh fiktif)";
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    public ShellContext Shell => shell;

    /// <summary>The campus being written (its calendar, time zone, SOPs), once read.</summary>
    public Campus Campus { get; set; } = null!;

    public async Task<T> RunAsync<T>(DateTimeOffset at, ClaimsPrincipal? actor, Func<IServiceProvider, Task<T>> work, CancellationToken ct)
    {
        using var _ = DemoClock.At(at);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = Indonesian;
        await using var scope = shells.CreateScope(shell);
        if (actor is not null)
        {
            var context = new DefaultHttpContext { User = actor, RequestServices = scope.ServiceProvider };
            context.Request.Headers.UserAgent = UserAgent;
            http.HttpContext = context;
        }
        try
        {
            var result = await work(scope.ServiceProvider);
            await DeliverAsync(scope.ServiceProvider, ct);
            return result;
        }
        finally
        {
            if (actor is not null) http.HttpContext = null;
        }
    }

    public Task RunAsync(DateTimeOffset at, ClaimsPrincipal? actor, Func<IServiceProvider, Task> work, CancellationToken ct) =>
        RunAsync(at, actor, async sp => { await work(sp); return 0; }, ct);

    /// <summary>Reads in a fresh scope of the campus, at the real time, as nobody.</summary>
    public async Task<T> ReadAsync<T>(Func<IServiceProvider, Task<T>> read)
    {
        await using var scope = shells.CreateScope(shell);
        return await read(scope.ServiceProvider);
    }

    /// <summary>The campus's messages due by the demo clock: sent (or, to the demo's fictitious addresses, dropped) now.</summary>
    private static async Task DeliverAsync(IServiceProvider services, CancellationToken ct)
    {
        if (!services.GetRequiredService<CurrentShell>().Shell.IsEnabled("Notifications")) return;
        var delivery = services.GetRequiredService<CampusKonseling.Notifications.Outbox.OutboxDelivery>();
        while (await delivery.DeliverAsync(ct) > 0) { }
    }
}
