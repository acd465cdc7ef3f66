using System.Text.Json;
using System.Xml.Linq;
using CampusKonseling.Sop.Charts;
using CampusKonseling.Sop.Definitions;
using CampusKonseling.Tests.Infrastructure;

namespace CampusKonseling.Tests.Sop;

/// <summary>UNPAM's e-konseling chart says who really does each step: the system, the client, and with what work.</summary>
public sealed class UnpamChartTests
{
    private static SopDefinition EKonseling()
    {
        using var recipe = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Recipes, "unpam.recipe.json")));
        var sop = recipe.RootElement.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "sop").GetProperty("sops")[0];
        return sop.Deserialize<SopDefinition>(DefinitionJson.Options)!;
    }

    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void The_chart_marks_automatic_and_client_steps_and_shows_the_message_step_6_sends()
    {
        var svg = XDocument.Parse(SopChart.Render(EKonseling()));
        var steps = svg.Descendants(Svg + "g").Where(g => (string?)g.Attribute("data-step") is not null).ToDictionary(g => (string)g.Attribute("data-step")!);

        var mahasiswa = svg.Descendants(Svg + "g").Single(g => (string?)g.Attribute("data-lane") == "mahasiswa");
        Assert.Contains("(klien)", mahasiswa.Value);

        foreach (var id in new[] { "1", "2", "3", "5" })
        {
            Assert.Equal("formulir", (string?)steps[id].Attribute("data-otomatis"));
            Assert.Contains("otomatis: sistem", steps[id].Descendants(Svg + "text").Select(t => t.Value));
        }
        Assert.Contains("klien", ((string)steps["1"].Attribute("class")!).Split(' '));
        // Step 4 is decided from the form's answer, by the system.
        Assert.Contains("otomatis: sistem", steps["4"].Descendants(Svg + "text").Select(t => t.Value));
        Assert.Equal("pesan", (string?)steps["6"].Attribute("data-otomatis"));
        Assert.Equal("✉ pesan tanggapan-e-konseling", steps["6"].Descendants(Svg + "text").Single(t => (string?)t.Attribute("class") == "aksi").Value);
        // The counselor's follow-up is a person's step: no system mark.
        Assert.Null(steps["7"].Attribute("data-otomatis"));
        Assert.DoesNotContain("otomatis: sistem", steps["7"].Descendants(Svg + "text").Select(t => t.Value));
        Assert.Contains("(konselor yang ditugaskan)", svg.Descendants(Svg + "g").Single(g => (string?)g.Attribute("data-lane") == "konselor").Value);
    }
}
