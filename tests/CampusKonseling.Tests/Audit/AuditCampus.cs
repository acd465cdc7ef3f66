using CampusKonseling.Audit;
using CampusKonseling.Audit.Chain;
using CampusKonseling.Shell;
using CampusKonseling.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CampusKonseling.Tests.Audit;

/// <summary>Records and checks a campus's audit chain as its modules would, in the campus's own scope.</summary>
public sealed class AuditCampus(PlatformFixture platform, TestTenant campus)
{
    public TestTenant Campus => campus;

    public async Task<T> InCampusAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        var shells = platform.Services.GetRequiredService<IShellHost>();
        var shell = (await shells.GetShellAsync(campus.Name))!;
        await using var scope = shells.CreateScope(shell);
        return await work(scope.ServiceProvider);
    }

    public Task RecordAsync(AuditEvent entry) =>
        InCampusAsync(async sp => { await sp.GetRequiredService<IAuditLog>().RecordAsync(entry); return 0; });

    public Task<ChainReport> VerifyAsync() => InCampusAsync(sp => sp.GetRequiredService<ChainVerifier>().VerifyAsync());

    public async Task<long> CountAsync(string where = "true") =>
        (long)(await TestDatabase.ScalarAsync(campus.Database, $"SELECT count(*) FROM audit.entries WHERE {where}"))!;

    public async Task<long> LastAsync() =>
        (long)(await TestDatabase.ScalarAsync(campus.Database, "SELECT coalesce(max(urutan), 0) FROM audit.entries"))!;

    /// <summary>What someone with database access would do: switch the guard off, edit, switch it back on.</summary>
    public Task TamperAsync(string sql) => TestDatabase.ExecuteAsync(campus.Database, $"""
        ALTER TABLE audit.entries DISABLE TRIGGER entries_append_only;
        {sql};
        ALTER TABLE audit.entries ENABLE TRIGGER entries_append_only;
        """);
}
