using System.Collections.Concurrent;
using System.Net;

namespace CampusKonseling.Tests.Notifications;

/// <summary>An SMS/WhatsApp provider on loopback: records every request; answers 500 on paths that end in /gagal.</summary>
public sealed class FakeGateway : IDisposable
{
    public sealed record Received(string Method, string Path, string Query, string ContentType, string Body, IReadOnlyDictionary<string, string> Headers);

    private readonly HttpListener _listener = new();
    public ConcurrentQueue<Received> Requests { get; } = new();
    public string BaseUrl { get; }

    public FakeGateway()
    {
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add(BaseUrl + "/");
        _listener.Start();
        _ = Task.Run(LoopAsync);
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception) { return; }
            using var reader = new StreamReader(context.Request.InputStream);
            var headers = context.Request.Headers.AllKeys.OfType<string>().ToDictionary(k => k, k => context.Request.Headers[k] ?? "", StringComparer.OrdinalIgnoreCase);
            Requests.Enqueue(new Received(context.Request.HttpMethod, context.Request.Url!.AbsolutePath, context.Request.Url.Query,
                context.Request.ContentType ?? "", await reader.ReadToEndAsync(), headers));
            context.Response.StatusCode = context.Request.Url.AbsolutePath.EndsWith("/gagal") ? 500 : 200;
            await using (var writer = new StreamWriter(context.Response.OutputStream)) await writer.WriteAsync(context.Response.StatusCode == 200 ? "{\"status\":true}" : "{\"reason\":\"kuota habis\"}");
            context.Response.Close();
        }
    }

    public async Task<Received> WaitForAsync(Func<Received, bool> where, TimeSpan? within = null)
    {
        var until = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(10));
        while (DateTime.UtcNow < until)
        {
            if (Requests.FirstOrDefault(where) is { } found) return found;
            await Task.Delay(100);
        }
        throw new TimeoutException("The gateway received no such request.");
    }

    private static int FreePort()
    {
        using var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public void Dispose() => _listener.Close();
}
