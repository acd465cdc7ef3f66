using System.Reflection;
using System.Text.RegularExpressions;
using CampusKonseling.Host.Features;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using CampusKonseling.Tests.Infrastructure;

namespace CampusKonseling.Tests.Architecture;

/// <summary>Every page of the staff area checks a permission; none is open by omission.</summary>
public sealed partial class PageSecurityTests
{
    [GeneratedRegex("""@page\s+"(/admin[^"]*)"[\s\S]*?@model\s+([\w.]+)""")]
    private static partial Regex AdminPage();

    [Fact]
    public void Every_admin_page_requires_a_permission()
    {
        var models = ModuleDiscovery.ModuleAssemblies(typeof(Program).Assembly).SelectMany(a => a.GetTypes())
            .Where(t => typeof(PageModel).IsAssignableFrom(t)).ToDictionary(t => t.FullName!);
        var pages = Directory.GetFiles(Path.Combine(RepoPaths.Root, "src", "Modules"), "*.cshtml", SearchOption.AllDirectories)
            .Select(f => AdminPage().Match(File.ReadAllText(f))).Where(m => m.Success).ToList();
        Assert.NotEmpty(pages);
        foreach (var page in pages)
        {
            var model = models[page.Groups[2].Value];
            var policy = model.GetCustomAttribute<AuthorizeAttribute>()?.Policy;
            Assert.True(policy?.StartsWith("Permission:") == true, $"{page.Groups[1].Value} ({model.Name}) has no permission check");
        }
    }
}
