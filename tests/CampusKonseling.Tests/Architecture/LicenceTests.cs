using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using CampusKonseling.Tests.Infrastructure;

namespace CampusKonseling.Tests.Architecture;

/// <summary>
/// Every NuGet package the solution resolves has a licence a campus may ship: scripts/licences.sh --check reads the
/// restored assets and the packages' nuspecs (no network, under a second) and fails on AGPL/GPL/LGPL, on an
/// unreviewed licence, and when docs/licences.md misses a package. The versions this project moved away from stay gone.
/// </summary>
public sealed partial class LicenceTests
{
    private static (int Exit, string Output) Licences(params string[] args)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepoPaths.Root };
        start.ArgumentList.Add(Path.Combine(RepoPaths.Root, "scripts", "licences.sh"));
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(60_000), "scripts/licences.sh did not finish in 60 s");
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    [Fact]
    public void Every_resolved_package_has_an_allowed_or_reviewed_licence_and_is_listed_in_docs()
    {
        var (exit, output) = Licences("--check");
        Assert.True(exit == 0, output);
        Assert.Matches(@"\d{2,} packages from \d+ projects, 0 problem", output);
    }

    [Fact]
    public void The_check_refuses_agpl_and_gpl_and_unreviewed_licences_but_takes_a_permissive_choice()
    {
        var dir = Directory.CreateTempSubdirectory("ck-licences-");
        try
        {
            var packages = new Dictionary<string, string>
            {
                ["PDFsharp/6.5.0"] = """<license type="expression">AGPL-3.0-only</license>""",
                ["Gpl.Only/1.0.0"] = """<license type="expression">GPL-2.0-or-later</license>""",
                ["Lgpl.Plain/1.0.0"] = """<license type="expression">LGPL-2.1-only</license>""",
                ["Some.Eula/1.0.0"] = """<license type="file">EULA.txt</license>""",
                ["Only.Url/1.0.0"] = """<licenseUrl>https://example.invalid/licence</licenseUrl>""",
                ["Dual.Choice/1.0.0"] = """<license type="expression">MIT OR GPL-3.0-only</license>""",
                ["Lgpl.Exception/1.0.0"] = """<license type="expression">LGPL-2.1-only WITH LLVM-exception</license>""",
                ["Plain.Mit/1.0.0"] = """<license type="expression">MIT</license>""",
            };
            var libraries = new Dictionary<string, object>();
            foreach (var (key, licence) in packages)
            {
                var (name, version) = (key.Split('/')[0], key.Split('/')[1]);
                var folder = Directory.CreateDirectory(Path.Combine(dir.FullName, "packages", name.ToLowerInvariant(), version));
                File.WriteAllText(Path.Combine(folder.FullName, name.ToLowerInvariant() + ".nuspec"),
                    $"""<?xml version="1.0"?><package><metadata><id>{name}</id><version>{version}</version>{licence}</metadata></package>""");
                libraries[key] = new { type = "package", path = $"{name.ToLowerInvariant()}/{version}" };
            }
            var assets = Path.Combine(dir.FullName, "project.assets.json");
            File.WriteAllText(assets, JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["libraries"] = libraries,
                ["packageFolders"] = new Dictionary<string, object> { [Path.Combine(dir.FullName, "packages") + "/"] = new { } },
                ["project"] = new { restore = new { projectName = "Fake" }, frameworks = new { net10_0 = new { dependencies = new Dictionary<string, object> { ["PDFsharp"] = new { } } } } },
            }));

            var (exit, output) = Licences("--check", "--assets", assets);
            Assert.Equal(1, exit);
            Assert.Contains("FORBIDDEN PDFsharp 6.5.0: AGPL-3.0-only", output);
            Assert.Contains("FORBIDDEN Gpl.Only 1.0.0", output);
            Assert.Contains("FORBIDDEN Lgpl.Plain 1.0.0", output);
            Assert.Contains("UNREVIEWED Some.Eula 1.0.0", output);
            Assert.Contains("UNREVIEWED Only.Url 1.0.0", output);
            foreach (var fine in new[] { "Dual.Choice", "Lgpl.Exception", "Plain.Mit" }) Assert.DoesNotContain(fine, output);
            Assert.Contains("8 packages from 1 projects, 5 problem(s)", output);
            Assert.False(File.Exists(Path.Combine(dir.FullName, "licences.md")));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [GeneratedRegex(@"^(\d+)\.(\d+)")]
    private static partial Regex MajorMinor();

    private static Version V(string version) => MajorMinor().Match(version) is { Success: true } m ? new(int.Parse(m.Groups[1].Value), int.Parse(m.Groups[2].Value)) : new(0, 0);

    [Fact]
    public void Pinned_and_resolved_versions_avoid_the_agpl_pdfsharp_and_the_identitymodel_advisory()
    {
        var pinned = XDocument.Load(Path.Combine(RepoPaths.Root, "Directory.Packages.props")).Descendants("PackageVersion")
            .ToDictionary(p => p.Attribute("Include")!.Value, p => p.Attribute("Version")!.Value);
        var resolved = Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "src"), "project.assets.json", SearchOption.AllDirectories)
            .SelectMany(f => JsonDocument.Parse(File.ReadAllText(f)).RootElement.GetProperty("libraries").EnumerateObject().Select(l => l.Name))
            .Select(k => (Name: k.Split('/')[0], Version: k.Split('/')[1])).Distinct().ToList();
        Assert.NotEmpty(resolved);

        // PDFsharp 6.5 and later name the AGPL (ADR 0007).
        Assert.True(V(pinned["PDFsharp"]) < new Version(6, 5), $"Directory.Packages.props pins PDFsharp {pinned["PDFsharp"]}");
        Assert.All(resolved.Where(p => p.Name == "PDFsharp"), p => Assert.True(V(p.Version) < new Version(6, 5), $"PDFsharp {p.Version} resolved"));
        // Microsoft.IdentityModel before 7.1.2 (and 6.34, 5.7) lies in GHSA-59j7-ghrg-fj52; portal tokens use 8.x (ADR 0012).
        static bool IdentityModel(string name) => name.StartsWith("Microsoft.IdentityModel.") || name == "System.IdentityModel.Tokens.Jwt";
        Assert.Contains(pinned, p => p.Key == "Microsoft.IdentityModel.JsonWebTokens");
        Assert.All(pinned.Where(p => IdentityModel(p.Key)), p => Assert.True(V(p.Value) >= new Version(8, 0), $"{p.Key} {p.Value} pinned"));
        Assert.All(resolved.Where(p => IdentityModel(p.Name)), p => Assert.True(V(p.Version) >= new Version(8, 0), $"{p.Name} {p.Version} resolved"));
    }
}
