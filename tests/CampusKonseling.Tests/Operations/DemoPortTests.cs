using System.Net;
using System.Net.Sockets;
using CampusKonseling.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Xunit.Abstractions;

namespace CampusKonseling.Tests.Operations;

/// <summary>
/// The suite runs beside ./run.sh: while 127.0.0.1:5000 (the demo's address, and Kestrel's default) is held, by this
/// test run or by the demo itself, a platform host starts the way every host of the suite does and answers on its
/// own port.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class DemoPortTests(PlatformFixture platform, ITestOutputHelper output)
{
    [Fact]
    public async Task A_platform_host_starts_and_answers_while_127_0_0_1_5000_is_taken()
    {
        output.WriteLine(DemoPort.Hold());

        // Whoever holds it, the address is taken now: nobody else can listen there.
        using (var probe = new TcpListener(IPAddress.Loopback, DemoPort.Number))
        {
            var refused = Assert.Throws<SocketException>(probe.Start);
            Assert.Equal(SocketError.AddressAlreadyInUse, refused.SocketErrorCode);
        }

        await using var host = TestHost.Start(b => b.UseSetting("CampusKonseling:RunScheduler", "false"));
        Assert.NotEqual(DemoPort.Number, host.BaseAddress.Port);
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        using var health = await http.GetAsync("health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        output.WriteLine($"A second platform host answered /health with 200 at {host.BaseAddress}; the suite's own host is at {platform.BaseAddress}.");

        Assert.NotEqual(DemoPort.Number, platform.BaseAddress.Port);
        if (DemoPort.HeldByThisRun)
        {
            // Still ours after both hosts started: neither took it over.
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, DemoPort.Number);
            Assert.True(client.Connected);
        }
    }
}
