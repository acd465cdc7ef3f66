using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CampusKonseling.Tests.Infrastructure;

/// <summary>
/// A platform host on real Kestrel at a free loopback port, configured by the process's environment as
/// <see cref="PlatformFixture"/> sets it. The suite starts every Kestrel host this way; 127.0.0.1:5000, the
/// demo's address and Kestrel's default, is held by <see cref="DemoPort"/> first, so a host that fell back to it
/// could not start.
/// </summary>
public sealed class TestHost : IAsyncDisposable
{
    private TestHost(WebApplicationFactory<Program> factory, Uri baseAddress)
    {
        Factory = factory;
        BaseAddress = baseAddress;
    }

    public WebApplicationFactory<Program> Factory { get; }
    public Uri BaseAddress { get; }
    public IServiceProvider Services => Factory.Services;

    public static TestHost Start(Action<IWebHostBuilder>? configure = null)
    {
        DemoPort.Hold();
        // The port is also given as the host's URL: UseKestrel(port) alone left Kestrel on its default
        // localhost:5000, so two test runs on one machine failed to bind.
        var port = FreePort();
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Testing").UseUrls($"http://127.0.0.1:{port}");
            configure?.Invoke(b);
        });
        factory.UseKestrel(port);
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new TestHost(factory, new Uri(address.Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1") + "/"));
    }

    public static int FreePort()
    {
        using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        return ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
    }

    public ValueTask DisposeAsync() => Factory.DisposeAsync();
}
