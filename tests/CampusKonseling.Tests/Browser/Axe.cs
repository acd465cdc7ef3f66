using System.Text;
using System.Text.Json;
using CampusKonseling.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CampusKonseling.Tests.Browser;

/// <summary>
/// axe-core (npm, installed by scripts/ensure-test-tools.sh) run inside the page as it stands. The
/// engine is handed to the page through the DevTools protocol, not as a script element, so the page's
/// strict CSP stays on while it is checked. Serious and critical violations fail the test with the
/// rule, its help text and the elements concerned.
/// </summary>
public static class Axe
{
    private static readonly Lazy<string> Engine = new(() =>
    {
        var file = Path.Combine(RepoPaths.Root, ".tools", "node_modules", "axe-core", "axe.min.js");
        Assert.True(File.Exists(file), $"axe-core is missing ({file}): run the tests with ./test.sh, which installs it.");
        return File.ReadAllText(file);
    });

    private const string Run = """
        async () => {
          const result = await axe.run(document, { resultTypes: ['violations'] });
          return result.violations
            .filter(v => v.impact === 'serious' || v.impact === 'critical')
            .map(v => ({ id: v.id, impact: v.impact, help: v.help,
                         nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' — ' + (n.failureSummary || '').split('\n').slice(0, 2).join(' ')) }));
        }
        """;

    /// <summary>Fails when axe-core finds a serious or critical violation on the page; <paramref name="what"/> names the page in the message.</summary>
    public static async Task AssertNoSeriousViolationsAsync(IPage page, string what)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe !== 'undefined'"))
            await page.EvaluateAsync(Engine.Value);
        var violations = await page.EvaluateAsync<JsonElement>(Run);
        if (violations.GetArrayLength() == 0) return;
        var report = new StringBuilder($"axe-core found serious or critical violations on {what} ({page.Url}):");
        foreach (var v in violations.EnumerateArray())
        {
            report.Append($"\n- {v.GetProperty("impact").GetString()} {v.GetProperty("id").GetString()}: {v.GetProperty("help").GetString()}");
            foreach (var node in v.GetProperty("nodes").EnumerateArray()) report.Append($"\n    {node.GetString()}");
        }
        Assert.Fail(report.ToString());
    }
}
