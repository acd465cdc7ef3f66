using System.Diagnostics;
using System.Net;
using System.Text;

namespace CampusKonseling.Tests.Infrastructure;

/// <summary>
/// The built host started as its own process (<c>dotnet CampusKonseling.Host.dll</c>), as systemd or an operator
/// starts it: its environment decides, not the test's. Output is kept for the assertions; the process is killed
/// when the test is done with it.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private HostProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Starts the host with <see cref="Cli.StartInfo"/>'s environment, changed by <paramref name="environment"/> (null removes a variable).</summary>
    public static HostProcess Start(IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var start = Cli.StartInfo(args);
        foreach (var (key, value) in environment)
            if (value is null) start.Environment.Remove(key);
            else start.Environment[key] = value;
        return new HostProcess(Process.Start(start)!);
    }

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    /// <summary>The exit code, once the process ended by itself within <paramref name="timeout"/>.</summary>
    public async Task<int> ExitCodeAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"The host did not exit within {timeout.TotalSeconds} s. Its output:\n{Output}");
        }
        _process.WaitForExit(); // the output read to its end
        return _process.ExitCode;
    }

    /// <summary>Waits until <c>GET /health</c> at <paramref name="baseAddress"/> answers 200; fails with the host's output otherwise.</summary>
    public async Task WaitForHealthAsync(Uri baseAddress, TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            Assert.False(_process.HasExited, $"The host exited with {(_process.HasExited ? _process.ExitCode : 0)}. Its output:\n{Output}");
            try
            {
                using var response = await http.GetAsync("health");
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(250);
        }
        Assert.Fail($"The host did not answer /health with 200 within {timeout.TotalSeconds} s. Its output:\n{Output}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
