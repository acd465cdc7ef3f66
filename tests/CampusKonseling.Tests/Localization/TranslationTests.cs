using System.Text.RegularExpressions;
using System.Xml.Linq;
using CampusKonseling.Tests.Infrastructure;

namespace CampusKonseling.Tests.Localization;

/// <summary>
/// UI text is written in Bahasa Indonesia and that text is the localization key (T["…"],
/// ErrorMessage = "…", Display(Name = "…")). Every key must have an English entry in its
/// project's Resources/S.en.resx, so English is never half-translated. The Host uses Core's S.
/// </summary>
public sealed partial class TranslationTests
{
    private static readonly Dictionary<string, string[]> Projects = new()
    {
        ["src/Core"] = ["src/Core", "src/Host"],
        ["src/Modules/Admin"] = ["src/Modules/Admin"],
        ["src/Modules/Identity"] = ["src/Modules/Identity"],
        ["src/Modules/Site"] = ["src/Modules/Site"],
        ["src/Modules/Pages"] = ["src/Modules/Pages"],
        ["src/Modules/Tenants"] = ["src/Modules/Tenants"],
        ["src/Modules/Notifications"] = ["src/Modules/Notifications"],
        ["src/Modules/Sop"] = ["src/Modules/Sop"],
        ["src/Modules/Forms"] = ["src/Modules/Forms"],
        ["src/Modules/Directory"] = ["src/Modules/Directory"],
        ["src/Modules/Letters"] = ["src/Modules/Letters"],
        ["src/Modules/Cases"] = ["src/Modules/Cases"],
        ["src/Modules/Archive"] = ["src/Modules/Archive"],
        ["src/Modules/Audit"] = ["src/Modules/Audit"],
        ["src/Modules/Reports"] = ["src/Modules/Reports"],
        ["src/Modules/Programs"] = ["src/Modules/Programs"],
        ["src/Modules/Privasi"] = ["src/Modules/Privasi"],
        ["src/Themes/CampusTheme"] = ["src/Themes/CampusTheme"],
        ["src/Themes/AdminTheme"] = ["src/Themes/AdminTheme"],
    };

    // Looked up with a variable (T[name]), so no pattern can see them.
    private static readonly Dictionary<string, string[]> DynamicKeys = new()
    {
        ["src/Modules/Site"] = ["senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu"],
        // The history table names each event by its kind.
        // Statuses, kinds, committee roles and rating aspects are stored or listed as data and shown through T[value].
        ["src/Modules/Programs"] = ["rencana", "pendaftaran", "berjalan", "selesai", "dibatalkan", "workshop", "sosialisasi", "pelatihan", "Ketua", "Sekretaris", "Anggota",
            "Narasumber", "Moderator", "terdaftar", "menunggu", "batal", "aktif", "cuti", "lulus", "keluar", "Materi", "Narasumber", "Penyelenggaraan (tempat, waktu, panitia)", "Secara keseluruhan"],
        ["src/Modules/Sop"] = ["Dimulai", "Diaktifkan", "Diselesaikan", "Dilewati", "Diingatkan", "Terlambat", "InstansSelesai"],
        // The period picker's messages (Periods/PeriodeInput.cs).
        ["src/Modules/Reports"] = ["Pilih semester yang benar.", "Isi tanggal awal.", "Isi tanggal akhir.",
            "Tanggal akhir tidak boleh sebelum tanggal awal.", "Rentang paling panjang tiga tahun.", "Pilih bulan yang benar."],
    };

    // T["…"] renders now; T.Keyed("…") keeps the key for the reader (a notification).
    [GeneratedRegex("""(?<![\w.])[Tt](?:\[|\.Keyed\()\s*"((?:[^"\\\n]|\\.)*)"\s*[\],)]""")]
    private static partial Regex Lookup();

    [GeneratedRegex("""(?:ErrorMessage\s*=\s*|Display\(\s*Name\s*=\s*)"((?:[^"\\\n]|\\.)*)"\s*[,)]""")]
    private static partial Regex Annotation();

    // The engine's refusals carry an Indonesian template the runtime localizes: new("code", "template", …).
    [GeneratedRegex(@"new\(""[a-z-]+"", ""((?:[^""\\\n]|\\.)*)""")]
    private static partial Regex EngineTemplate();

    public static IEnumerable<object[]> ProjectNames() => Projects.Keys.Select(k => new object[] { k });

    [Theory]
    [MemberData(nameof(ProjectNames))]
    public void Every_indonesian_text_has_an_english_translation(string project)
    {
        var translated = XDocument.Load(Path.Combine(RepoPaths.Root, project, "Resources", "S.en.resx"))
            .Root!.Elements("data").Select(d => d.Attribute("name")!.Value).ToHashSet();
        var missing = KeysUsedIn(project).Where(k => !translated.Contains(k)).Order().ToList();
        Assert.True(missing.Count == 0, $"{project}/Resources/S.en.resx lacks:\n" + string.Join("\n", missing));
    }

    /// <summary>
    /// Resource names are unique without regard to case: the build drops the second of "Catatan" and "catatan" (MSB3568),
    /// and the reader sees Indonesian. A stored code that is also a heading goes under "kode:" (<c>T.Kode(code)</c>).
    /// </summary>
    [Theory]
    [MemberData(nameof(ProjectNames))]
    public void No_two_resource_names_differ_only_in_case(string project)
    {
        var clashes = XDocument.Load(Path.Combine(RepoPaths.Root, project, "Resources", "S.en.resx")).Root!.Elements("data")
            .Select(d => d.Attribute("name")!.Value).GroupBy(n => n, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1)
            .Select(g => string.Join(" / ", g)).ToList();
        Assert.True(clashes.Count == 0, $"{project}/Resources/S.en.resx has names that differ only in case:\n" + string.Join("\n", clashes));
    }

    private static IEnumerable<string> KeysUsedIn(string project)
    {
        var keys = new HashSet<string>(DynamicKeys.GetValueOrDefault(project) ?? []);
        foreach (var dir in Projects[project])
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, dir), "*.*", SearchOption.AllDirectories)
                     .Where(f => (f.EndsWith(".cs") || f.EndsWith(".cshtml")) && !f.Contains("/bin/") && !f.Contains("/obj/")))
        {
            var text = File.ReadAllText(file);
            foreach (Match m in Lookup().Matches(text)) keys.Add(Unescape(m.Groups[1].Value));
            foreach (Match m in EngineTemplate().Matches(text)) keys.Add(Unescape(m.Groups[1].Value));
            if (!file.EndsWith(".cshtml.cs") && !file.Contains("/Pages/")) continue;
            foreach (Match m in Annotation().Matches(text)) keys.Add(Unescape(m.Groups[1].Value));
        }
        return keys;
    }

    private static string Unescape(string literal) => Regex.Unescape(literal);
}
