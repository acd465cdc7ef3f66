using System.Text.Json;
using System.Text.Json.Nodes;
using Npgsql;

namespace CampusKonseling.Benchmarks.SlaTimers;

/// <summary>The SOP every seeded deadline belongs to, as the template campus stores it.</summary>
public sealed record BenchSop(Guid DefinitionId, Guid VersionId, string Kode, int Versi, string StepId, string Label);

/// <summary>
/// The scratch host database and its campuses: one campus made from a recipe with the host's CLI (the template), then copied
/// with <c>CREATE DATABASE … TEMPLATE</c> plus a registry row per copy, as benchmarks/ManyCampuses does.
/// </summary>
public static class Setup
{
    public const string HostDb = "campuskonseling_bench_timers", Prefix = "cktimers_", Template = "bench";
    public const string SopKode = "BENCH-SLA", StepId = "1", StaffRole = "Staf Konseling & Asesmen", EscalationRole = "Unit Kerja Terkait";

    /// <summary>The host build the nodes run: CK_BENCH_HOST_DLL (a copy, so a rebuild of src/Host does not pull it from under a run), else the Release build.</summary>
    public static string HostDll(string root) => Environment.GetEnvironmentVariable("CK_BENCH_HOST_DLL") is { Length: > 0 } dll
        ? Path.GetFullPath(dll)
        : Path.Combine(root, "src/Host/bin/Release/net10.0/CampusKonseling.Host.dll");

    public static string Campus(int i) => $"s{i:000}";

    /// <summary>A LIKE pattern for this run's campus databases (the prefix's "_" taken literally).</summary>
    public static string PrefixLike => Prefix.Replace("_", "\\_", StringComparison.Ordinal) + "%";

    /// <summary>The host database as the nodes are given it.</summary>
    public static string HostConnection => new NpgsqlConnectionStringBuilder(BenchHost.Server) { Database = HostDb }.ConnectionString;

    /// <summary>This program's own sessions, named so the connection counts tell them from the nodes'.</summary>
    public const string ApplicationName = "slatimers-bench";

    public static string OwnHostConnection => new NpgsqlConnectionStringBuilder(HostConnection) { ApplicationName = ApplicationName }.ConnectionString;

    public static string CampusConnection(string campus) =>
        new NpgsqlConnectionStringBuilder(BenchHost.Server) { Database = Prefix + campus, CommandTimeout = 600, ApplicationName = ApplicationName }.ConnectionString;

    /// <summary>The template's database, unpooled: no connection may stay open on it while it is copied.</summary>
    private static string TemplateConnection => new NpgsqlConnectionStringBuilder(CampusConnection(Template)) { Pooling = false }.ConnectionString;

    /// <summary>
    /// A copy of recipes/konseling-asesmen with one more SOP, BENCH-SLA: its start step is the staff lane's task
    /// (Staf Konseling &amp; Asesmen), timed in clock hours, reminder at 50 %, escalated to Unit Kerja Terkait. A started
    /// instance is then exactly what the seed writes: Dimulai, Diaktifkan of step 1, one open activation with two due times.
    /// </summary>
    public static void WriteRecipe(string source, string target)
    {
        var options = new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
        var recipe = JsonNode.Parse(File.ReadAllText(source), documentOptions: options)!;
        var sops = recipe["steps"]!.AsArray().First(s => (string?)s!["name"] == "sop")!["sops"]!.AsArray();
        var sop = sops[0]!.DeepClone();
        sop["kode"] = SopKode;
        sop["judul"] = "Beban Tenggat SLA (benchmark)";
        sop["catatan"] = "SOP buatan benchmarks/SlaTimers: satu langkah staf dengan baku waktu, untuk tenggat yang ditanam langsung.";
        sop["pengingatPersen"] = 50;
        sop["eskalasiKe"] = EscalationRole;
        sop["jamKerja"] = false;
        sop["pelaksana"] = new JsonArray(
            new JsonObject { ["id"] = "staf", ["nama"] = "Staf Bagian Konseling & Asesmen", ["peran"] = StaffRole, ["atasan"] = null },
            new JsonObject { ["id"] = "unit-terkait", ["nama"] = "Unit Kerja Terkait", ["peran"] = EscalationRole, ["atasan"] = null });
        JsonObject Step(string id, string jenis, string uraian, string? waktu, string? lanjut)
        {
            var step = new JsonObject
            {
                ["id"] = id, ["no"] = id, ["jenis"] = jenis, ["uraian"] = uraian, ["pelaksana"] = new JsonArray("staf"), ["kelengkapan"] = new JsonArray(),
                ["waktu"] = waktu, ["dihitungDari"] = null, ["output"] = null, ["ket"] = null,
            };
            if (lanjut is not null) step["lanjut"] = lanjut;
            return step;
        }
        sop["langkah"] = new JsonArray(
            Step(StepId, "mulai", "Staf menindaklanjuti permohonan layanan.", "72 jam", "2"),
            Step("2", "selesai", "Staf menutup permohonan.", null, null));
        sops.Add(sop);
        File.WriteAllText(target, recipe.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }

    /// <summary>The environment every host process (CLI and nodes) gets.</summary>
    public static Dictionary<string, string> Environment0(string work, int smtpPort) => new()
    {
        ["ConnectionStrings__Default"] = HostConnection,
        ["CampusKonseling__TenantDatabasePrefix"] = Prefix,
        ["CampusKonseling__AllowDemoUsers"] = "true",
        ["CampusKonseling__HostAdmin__Password"] = "Bench12345",
        ["Logging__LogLevel__Default"] = "Warning",
        ["CampusKonseling__Smtp__Host"] = "127.0.0.1",
        ["CampusKonseling__Smtp__Port"] = smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["CampusKonseling__Smtp__From"] = "Layanan Konseling <noreply@slatimers.test>",
        // One key-ring certificate for every node (README "Several servers"), made by the CLI's set-up.
        ["CampusKonseling__KeyRing__CertificatePath"] = Path.Combine(work, "keyring/keyring.pfx"),
    };

    /// <summary>Drops what an earlier run left and makes the template campus with the CLI; it is not served (disabled), only copied.</summary>
    public static async Task<BenchSop> CreateTemplateAsync(string hostDll, string recipe, Dictionary<string, string> env)
    {
        await BenchHost.ResetAsync(BenchHost.Server, HostDb, Prefix);
        BenchHost.Run("dotnet", [hostDll, "tenants", "create", "--name", Template, "--prefix", Template, "--recipe", recipe], env, wait: true);
        await using (var host = new NpgsqlConnection(OwnHostConnection))
        {
            await host.OpenAsync();
            await new NpgsqlCommand($"UPDATE host.tenants SET state = 'Disabled' WHERE name = '{Template}'", host).ExecuteNonQueryAsync();
        }
        await using var db = new NpgsqlConnection(TemplateConnection);
        await db.OpenAsync();
        await using var cmd = new NpgsqlCommand("""
            SELECT d.id, v.id, d.kode, v.versi FROM sop.definitions d JOIN sop.versions v ON v.definition_id = d.id AND v.versi = d.versi_aktif WHERE d.kode = $1
            """, db) { Parameters = { new() { Value = SopKode } } };
        await using var reader = await cmd.ExecuteReaderAsync();
        if (!await reader.ReadAsync()) throw new InvalidOperationException($"SOP {SopKode} was not imported into the template campus.");
        return new BenchSop(reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), reader.GetInt32(3), StepId, StepId);
    }

    /// <summary>One more campus: a copy of the template's database and of its registry row, running.</summary>
    public static Task CopyCampusAsync(string name) => BenchHost.CopyCampusAsync(OwnHostConnection, Prefix, Template, name);

    /// <summary>Users of a campus by role (the template's, so every copy's): who a reminder and an escalation must reach.</summary>
    public static async Task<List<(string Role, string Id, string Email)>> RoleUsersAsync()
    {
        await using var db = new NpgsqlConnection(TemplateConnection);
        await db.OpenAsync();
        await using var cmd = new NpgsqlCommand("""
            SELECT r."Name", u."Id", coalesce(lower(u."Email"), '') FROM identity."AspNetUserRoles" ur
            JOIN identity."AspNetRoles" r ON r."Id" = ur."RoleId" JOIN identity."AspNetUsers" u ON u."Id" = ur."UserId"
            """, db);
        await using var reader = await cmd.ExecuteReaderAsync();
        var list = new List<(string, string, string)>();
        while (await reader.ReadAsync()) list.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        return list;
    }
}
