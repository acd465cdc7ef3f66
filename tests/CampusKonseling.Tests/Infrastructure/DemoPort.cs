using System.Net;
using System.Net.Sockets;

namespace CampusKonseling.Tests.Infrastructure;

/// <summary>
/// 127.0.0.1:5000 is where <c>./run.sh</c> listens and where Kestrel goes when it is given no address. The test run
/// binds it first and keeps it until the process ends, so a host of the suite that needed it would fail to start:
/// the whole suite shows it runs beside the demo. When something else already holds it (<c>./run.sh</c>, another
/// test run) nothing is bound and nothing fails; that holder proves the same.
/// </summary>
public static class DemoPort
{
    public const int Number = 5000;
    private static readonly Lazy<string> Holder = new(() =>
    {
        var holder = Bind();
        Console.WriteLine("Test run: " + holder); // once, in the run's console output
        return holder;
    }, LazyThreadSafetyMode.ExecutionAndPublication);
    private static TcpListener? _listener;

    /// <summary>Who holds 127.0.0.1:5000 now, in a sentence for the test output.</summary>
    public static string Hold() => Holder.Value;

    /// <summary>True when this test run holds it (it was free when the run began).</summary>
    public static bool HeldByThisRun
    {
        get
        {
            _ = Holder.Value;
            return _listener is not null;
        }
    }

    private static string Bind()
    {
        var listener = new TcpListener(IPAddress.Loopback, Number);
        try
        {
            listener.Start();
            _listener = listener; // kept for the life of the test process, never stopped
            return $"127.0.0.1:{Number} was free; this test run holds it until it ends, so no host of the suite can use it.";
        }
        catch (SocketException e)
        {
            listener.Stop();
            return $"127.0.0.1:{Number} is already held by another program ({e.SocketErrorCode}; e.g. ./run.sh or another test run): "
                   + "the suite runs beside it, which already proves it does not need the address.";
        }
    }
}
