using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CampusKonseling.Benchmarks.NodeKill;

/// <summary>
/// nginx (the Debian package) in front of the host processes, as docs/operations.md runs it: round robin over the nodes, the
/// original Host and X-Forwarded-* passed, a request that could not reach a node (refused, timed out, 502) tried on the next one.
/// A POST already sent to a node is never sent again (no <c>non_idempotent</c>): if that node dies, the request fails, as it must.
/// </summary>
public static class Nginx
{
    /// <summary>The nginx binary, or null when the package is not installed.</summary>
    public static string? Find() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Append("/usr/sbin").Append("/usr/local/sbin")
            .Select(dir => Path.Combine(dir, "nginx")).FirstOrDefault(File.Exists);

    public static string Config(string prefix, int port, IEnumerable<int> nodes) => $$"""
        worker_processes 1;
        pid {{prefix}}/nginx.pid;
        error_log {{prefix}}/error.log warn;
        events { worker_connections 1024; }
        http {
          access_log off;
          client_body_temp_path {{prefix}}/client_body;
          proxy_temp_path {{prefix}}/proxy;
          fastcgi_temp_path {{prefix}}/fastcgi;
          uwsgi_temp_path {{prefix}}/uwsgi;
          scgi_temp_path {{prefix}}/scgi;
          upstream campuskonseling {
        {{string.Join("\n", nodes.Select(p => $"    server 127.0.0.1:{p} max_fails=1 fail_timeout=10s;"))}}
            keepalive 32;
          }
          server {
            listen 127.0.0.1:{{port}};
            client_max_body_size 20m;
            location / {
              proxy_pass http://campuskonseling;
              proxy_http_version 1.1;
              proxy_set_header Connection "";
              proxy_set_header Host $http_host;
              proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
              proxy_set_header X-Forwarded-Proto $scheme;
              proxy_set_header X-Forwarded-Host $http_host;
              proxy_next_upstream error timeout http_502;
              proxy_next_upstream_tries 3;
              proxy_connect_timeout 2s;
              proxy_read_timeout 60s;
            }
          }
        }
        """;

    /// <summary>Writes the configuration to <paramref name="prefix"/> and starts nginx on it in the foreground (daemon off).</summary>
    public static Process Start(string nginx, string prefix, int port, IEnumerable<int> nodes)
    {
        Directory.CreateDirectory(prefix);
        var conf = Path.Combine(prefix, "nginx.conf");
        File.WriteAllText(conf, Config(prefix, port, nodes));
        var start = new ProcessStartInfo(nginx) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-c", conf, "-p", prefix + "/", "-e", Path.Combine(prefix, "error.log"), "-g", "daemon off;" }) start.ArgumentList.Add(a);
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"nginx: {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Free loopback ports, all different: each is bound to port 0 and read back while the others are still held.</summary>
    public static int[] FreePorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        foreach (var l in listeners) l.Start();
        var ports = listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        foreach (var l in listeners) l.Stop();
        return ports;
    }
}
