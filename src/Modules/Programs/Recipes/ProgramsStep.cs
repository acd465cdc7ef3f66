using System.Text.Json;
using CampusKonseling.Programs.Data;
using CampusKonseling.Recipes;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Programs.Recipes;

/// <summary>
/// <c>{ "name": "programs", "jenis": [ { "kode", "nama", "jenis", "sop", "rujukanSop", "suratTugas", "suratPemberitahuan",
/// "laporan", "peranPenerus", "sasaran", "sasaranSemester": [3, 5], "sasaranStatus": "aktif" } ] }</c>: the program kinds
/// a campus runs. Running the recipe again updates them.
/// </summary>
public sealed class ProgramsStep : IRecipeStep
{
    public string Name => "programs";

    private sealed record KindJson(string? Kode, string? Nama, string? Jenis, string? Sop, string? RujukanSop, string? SuratTugas, string? SuratPemberitahuan,
        string? Laporan, string? PeranPenerus, string? Sasaran, int[]? SasaranSemester, string? SasaranStatus);

    public void Validate(RecipeStepContext step)
    {
        var sops = Declared(step, "sop", "sops", "kode");
        var letters = Declared(step, "letters", "templates", "kode");
        var roles = step.DeclaredNames("roles", "roles");
        step.AllowOnly("jenis");
        var kinds = step.Array("jenis");
        var codes = new HashSet<string>();
        for (var i = 0; i < kinds.Count; i++)
        {
            if (step.ReadStrict<KindJson>(kinds[i], $"jenis[{i}]", RecipeJson.Options, "jenis program") is not { } k) continue;
            if (string.IsNullOrWhiteSpace(k.Kode) || k.Kode.Length > 80) step.Error($"jenis[{i}].kode", "kode wajib diisi (paling panjang 80 karakter)");
            else if (!codes.Add(k.Kode)) step.Error($"jenis[{i}].kode", $"jenis program '{k.Kode}' disebut dua kali");
            if (string.IsNullOrWhiteSpace(k.Nama)) step.Error($"jenis[{i}].nama", "nama wajib diisi");
            if (string.IsNullOrWhiteSpace(k.Jenis)) step.Error($"jenis[{i}].jenis", "jenis wajib diisi (workshop, sosialisasi, pelatihan, …)");
            if (string.IsNullOrWhiteSpace(k.Sop)) step.Error($"jenis[{i}].sop", "SOP wajib diisi");
            foreach (var (name, sop) in new[] { ("sop", k.Sop), ("rujukanSop", k.RujukanSop) })
                if (sop is not null && sops.Count > 0 && !sops.Contains(sop)) step.Error($"jenis[{i}].{name}", $"SOP '{sop}' tidak ada di langkah 'sop' resep ini");
            foreach (var (name, t) in new[] { ("suratTugas", k.SuratTugas), ("suratPemberitahuan", k.SuratPemberitahuan), ("laporan", k.Laporan) })
                if (t is not null && !letters.Contains(t)) step.Error($"jenis[{i}].{name}", $"templat surat '{t}' tidak ada di langkah 'letters' resep ini");
            if (k.PeranPenerus is not null && roles.Count > 0 && !roles.Contains(k.PeranPenerus)) step.Error($"jenis[{i}].peranPenerus", $"peran '{k.PeranPenerus}' tidak ada di langkah 'roles' resep ini");
            if (k.SasaranSemester?.Any(s => s is < 1 or > 14) == true) step.Error($"jenis[{i}].sasaranSemester", "semester harus 1–14");
            if (k.SasaranStatus is not null && !Users.StudentStatus.All.Contains(k.SasaranStatus)) step.Error($"jenis[{i}].sasaranStatus", "status harus aktif, cuti, lulus, atau keluar");
        }
    }

    public async Task ExecuteAsync(RecipeStepContext step, CancellationToken ct)
    {
        var db = step.Services.GetRequiredService<ProgramsDb>();
        await step.EnlistAsync(db);
        foreach (var element in step.Step.GetProperty("jenis").EnumerateArray())
        {
            var k = element.Deserialize<KindJson>(RecipeJson.Options)!;
            var row = await db.Kinds.FirstOrDefaultAsync(x => x.Kode == k.Kode, ct);
            if (row is null) db.Kinds.Add(row = new ProgramKind { Kode = k.Kode!, Nama = k.Nama!, Jenis = k.Jenis!, SopKode = k.Sop! });
            row.Nama = k.Nama!; row.Jenis = k.Jenis!; row.SopKode = k.Sop!; row.RujukanSopKode = k.RujukanSop; row.SuratTugas = k.SuratTugas;
            row.SuratPemberitahuan = k.SuratPemberitahuan; row.Laporan = k.Laporan; row.PeranPenerus = k.PeranPenerus; row.Sasaran = k.Sasaran;
            row.SasaranSemester = k.SasaranSemester ?? []; row.SasaranStatus = k.SasaranStatus;
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The values of <paramref name="key"/> in the arrays of the recipe's steps of a name (SOP codes, template codes).</summary>
    private static HashSet<string> Declared(RecipeStepContext step, string stepName, string array, string key) =>
        step.Recipe.GetProperty("steps").EnumerateArray()
            .Where(s => s.OptionalString("name") == stepName && s.TryGetProperty(array, out var a) && a.ValueKind == JsonValueKind.Array)
            .SelectMany(s => s.GetProperty(array).EnumerateArray()).Select(e => e.OptionalString(key)).OfType<string>().ToHashSet();
}
