using CampusKonseling.Shell;
using CampusKonseling.Sop.Data;
using CampusKonseling.Sop.Engine;
using CampusKonseling.Sop.Runtime;
using CampusKonseling.Tests.Infrastructure;
using CampusKonseling.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CampusKonseling.Tests.Sop;

/// <summary>Works a campus's SOPs as its staff would, through the runtime, on a chosen clock.</summary>
public sealed class SopHarness(PlatformFixture platform, TestTenant campus)
{
    public async Task<T> InCampusAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        var shells = platform.Services.GetRequiredService<IShellHost>();
        var shell = (await shells.GetShellAsync(campus.Name))!;
        await using var scope = shells.CreateScope(shell);
        return await work(scope.ServiceProvider);
    }

    public Task<SopRuntime> RuntimeAsync(IServiceProvider services, TimeProvider? clock) =>
        Task.FromResult(clock is null ? services.GetRequiredService<SopRuntime>() : ActivatorUtilities.CreateInstance<SopRuntime>(services, clock));

    public Task<Guid> DefinitionIdAsync(string kode) =>
        InCampusAsync(sp => sp.GetRequiredService<SopDb>().Definitions.Where(d => d.Kode == kode).Select(d => d.Id).SingleAsync());

    /// <summary>A user of the campus holding the role, as the engine sees them.</summary>
    public Task<Actor> ActorAsync(string role) => InCampusAsync(async sp =>
    {
        var directory = sp.GetRequiredService<IUserDirectory>();
        var user = (await directory.UsersInRoleAsync(role)).OrderBy(u => u.Email).First();
        return new Actor(user.Id, user.Nama, await directory.RolesOfAsync(user.Id));
    });

    public Task<string> EmailOfAsync(string role) => InCampusAsync(async sp =>
        (await sp.GetRequiredService<IUserDirectory>().UsersInRoleAsync(role)).OrderBy(u => u.Email).First().Email!);

    public Task<RuntimeResult> StartAsync(string kode, Actor by, TimeProvider? clock = null, string subjek = "Kasus uji") => InCampusAsync(async sp =>
        await (await RuntimeAsync(sp, clock)).StartAsync(await DefinitionIdAsync(kode), by, subjek));

    public Task<RuntimeResult> CompleteAsync(Guid instance, CompleteStep step, Actor by, TimeProvider? clock = null) => InCampusAsync(async sp =>
        await (await RuntimeAsync(sp, clock)).CompleteAsync(instance, step, by));

    public Task<SopInstance> InstanceAsync(Guid id) => InCampusAsync(async sp => (await sp.GetRequiredService<ISopStore>().InstanceAsync(id, default))!);

    public Task<SopVersion> VersionAsync(Guid versionId) => InCampusAsync(async sp => (await sp.GetRequiredService<ISopStore>().VersionAsync(versionId, default))!);
}
