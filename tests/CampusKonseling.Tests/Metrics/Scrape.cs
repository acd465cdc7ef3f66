using System.Globalization;
using System.Net;
using System.Text;
using CampusKonseling.Tests.Infrastructure;

namespace CampusKonseling.Tests.Metrics;

/// <summary>One series of a Prometheus text exposition: its name, labels and value.</summary>
public sealed record Sample(string Name, IReadOnlyDictionary<string, string> Labels, double Value)
{
    public string? this[string label] => Labels.GetValueOrDefault(label);
}

/// <summary>/metrics as a Prometheus server reads it (loopback, no token), parsed into series.</summary>
public sealed class Scrape(string text, IReadOnlyList<Sample> samples)
{
    public string Text { get; } = text;
    public IReadOnlyList<Sample> Samples { get; } = samples;

    public static async Task<Scrape> TakeAsync(PlatformFixture platform)
    {
        using var client = platform.Client();
        using var response = await client.GetAsync("metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        return new Scrape(text, Parse(text));
    }

    /// <summary>
    /// Scrapes until <paramref name="holds"/> (the exporter caches a scrape for 300 ms, and the outbox worker and
    /// the SLA timers act in the background), or returns the last scrape for the caller's asserts to explain.
    /// </summary>
    public static async Task<Scrape> WaitForAsync(PlatformFixture platform, Func<Scrape, Task<bool>> holds, TimeSpan? within = null)
    {
        var until = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            var scrape = await TakeAsync(platform);
            if (await holds(scrape) || DateTime.UtcNow > until) return scrape;
            await Task.Delay(250);
        }
    }

    /// <summary>The sum of the series named <paramref name="name"/> whose labels include all of <paramref name="labels"/>.</summary>
    public double Sum(string name, params (string Label, string Value)[] labels) =>
        Samples.Where(s => s.Name == name && labels.All(l => s[l.Label] == l.Value)).Sum(s => s.Value);

    public IEnumerable<Sample> Series(string name, params (string Label, string Value)[] labels) =>
        Samples.Where(s => s.Name == name && labels.All(l => s[l.Label] == l.Value));

    public static IReadOnlyList<Sample> Parse(string text)
    {
        var samples = new List<Sample>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line[0] == '#') continue;
            var i = 0;
            while (i < line.Length && line[i] != '{' && line[i] != ' ') i++;
            var name = line[..i];
            var labels = new Dictionary<string, string>();
            if (i < line.Length && line[i] == '{')
            {
                i++;
                while (line[i] != '}')
                {
                    var eq = line.IndexOf('=', i);
                    var label = line[i..eq].Trim();
                    i = eq + 2; // past ="
                    var value = new StringBuilder();
                    for (; line[i] != '"'; i++)
                    {
                        if (line[i] == '\\')
                        {
                            i++;
                            value.Append(line[i] == 'n' ? '\n' : line[i]);
                        }
                        else value.Append(line[i]);
                    }
                    labels[label] = value.ToString();
                    i++; // past the closing quote
                    if (line[i] == ',') i++;
                }
                i++;
            }
            var number = line[i..].Trim().Split(' ')[0];
            var parsed = number switch
            {
                "+Inf" => double.PositiveInfinity,
                "-Inf" => double.NegativeInfinity,
                "NaN" => double.NaN,
                _ => double.Parse(number, CultureInfo.InvariantCulture),
            };
            samples.Add(new Sample(name, labels, parsed));
        }
        return samples;
    }
}
