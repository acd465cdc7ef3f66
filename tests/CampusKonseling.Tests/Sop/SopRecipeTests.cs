using CampusKonseling.Tests.Infrastructure;

namespace CampusKonseling.Tests.Sop;

/// <summary>An SOP that cannot run is refused before anything is applied, with path and reason.</summary>
public sealed class SopRecipeTests
{
    [Fact]
    public async Task An_invalid_sop_is_rejected_with_path_and_reason()
    {
        var file = Path.Combine(Path.GetTempPath(), $"sop-rusak-{Guid.NewGuid():N}.recipe.json");
        await File.WriteAllTextAsync(file, """
            {
              "name": "sop-rusak", "displayName": "SOP rusak",
              "steps": [
                { "name": "features", "enable": ["Sop"] },
                { "name": "roles", "roles": [ { "name": "Staf", "permissions": ["ViewSop"] } ] },
                { "name": "sop", "sops": [ {
                  "kode": "RUSAK-1", "judul": "SOP rusak",
                  "pelaksana": [ { "id": "staf", "nama": "Staf", "peran": "Staf" }, { "id": "kepala", "nama": "Kepala", "peran": "Kepala Unit" } ],
                  "langkah": [
                    { "id": "1", "jenis": "mulai", "uraian": "Menerima", "pelaksana": ["staf"], "waktu": "15 Menit", "lanjut": "2" },
                    { "id": "2", "jenis": "keputusan", "uraian": "Perlu rujukan?", "pelaksana": ["psikiater"], "pilihan": [ { "nama": "Ya", "lanjut": "9" }, { "nama": "Tidak", "lanjut": "4" } ] },
                    { "id": "3", "uraian": "Tidak pernah dicapai", "pelaksana": ["staf"], "lanjut": "4" },
                    { "id": "4", "jenis": "selesai", "uraian": "Arsip", "pelaksana": ["staf"], "waktu": "segera" }
                  ] } ] }
              ]
            }
            """);
        try
        {
            var (code, _, error) = await Cli.RunAsync("recipes", "validate", file);
            Assert.Equal(1, code);
            var name = Path.GetFileName(file);
            Assert.Contains($"{name}: $.steps[2].sops[0].langkah[1].pelaksana[0]: pelaksana 'psikiater' tidak ada di daftar pelaksana SOP", error);
            Assert.Contains($"{name}: $.steps[2].sops[0].langkah[1].pilihan[0].lanjut: pilihan menuju langkah '9' yang tidak ada", error);
            Assert.Contains($"{name}: $.steps[2].sops[0].langkah[3].waktu: waktu 'segera' tidak dapat dibaca", error);
            Assert.Contains($"{name}: $.steps[2].sops[0].pelaksana[1].peran: peran 'Kepala Unit' tidak dibuat oleh langkah 'roles' resep ini", error);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task An_unreachable_step_is_named()
    {
        var file = Path.Combine(Path.GetTempPath(), $"sop-putus-{Guid.NewGuid():N}.recipe.json");
        await File.WriteAllTextAsync(file, """
            { "name": "p", "displayName": "P", "steps": [
              { "name": "features", "enable": ["Sop"] },
              { "name": "roles", "roles": [ { "name": "Staf" } ] },
              { "name": "sop", "sops": [ { "kode": "PUTUS", "judul": "Putus", "pelaksana": [ { "id": "s", "nama": "Staf", "peran": "Staf" } ],
                "langkah": [
                  { "id": "1", "jenis": "mulai", "uraian": "A", "pelaksana": ["s"], "lanjut": "3" },
                  { "id": "2", "uraian": "B", "pelaksana": ["s"], "lanjut": "3" },
                  { "id": "3", "jenis": "selesai", "uraian": "C", "pelaksana": ["s"] } ] } ] } ] }
            """);
        try
        {
            var (code, _, error) = await Cli.RunAsync("recipes", "validate", file);
            Assert.Equal(1, code);
            Assert.Contains($"{Path.GetFileName(file)}: $.steps[2].sops[0].langkah[1]: langkah '2' tidak dapat dicapai dari langkah mulai", error);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Unbound_lanes_and_actions_naming_unknown_templates_or_kinds_are_refused_with_path_and_reason()
    {
        var file = Path.Combine(Path.GetTempPath(), $"sop-aksi-{Guid.NewGuid():N}.recipe.json");
        await File.WriteAllTextAsync(file, """
            { "name": "a", "displayName": "A", "steps": [
              { "name": "features", "enable": ["Sop", "Letters"] },
              { "name": "roles", "roles": [ { "name": "Staf" } ] },
              { "name": "letters", "templates": [ { "kode": "REK", "judul": "Surat Rekomendasi", "nomor": "{seq:000}/REK/{year}", "isi": ["Isi"] } ] },
              { "name": "sop", "sops": [ { "kode": "AKSI", "judul": "Aksi",
                "pelaksana": [ { "id": "s", "nama": "Staf", "peran": "Staf" }, { "id": "x", "nama": "Tanpa ikatan" } ],
                "langkah": [
                  { "id": "1", "jenis": "mulai", "uraian": "A", "pelaksana": ["s"], "aksi": [ { "jenis": "surat", "templat": "REKOM" } ], "lanjut": "2" },
                  { "id": "2", "uraian": "B", "pelaksana": ["s"], "aksi": [ { "jenis": "disposisi", "kepada": "rektor" }, { "jenis": "telepon" } ], "lanjut": "3" },
                  { "id": "3", "jenis": "selesai", "uraian": "C", "pelaksana": ["s"], "aksi": [ { "jenis": "surat", "templat": "REK" } ] } ] } ] } ] }
            """);
        try
        {
            var (code, _, error) = await Cli.RunAsync("recipes", "validate", file);
            Assert.Equal(1, code);
            var name = Path.GetFileName(file);
            Assert.Contains($"{name}: $.steps[3].sops[0].pelaksana[1].peran: lajur tidak terikat", error);
            Assert.Contains($"{name}: $.steps[3].sops[0].langkah[0].aksi[0].templat: templat surat 'REKOM' tidak dibuat oleh langkah 'letters' resep ini (ada: REK)", error);
            Assert.Contains($"{name}: $.steps[3].sops[0].langkah[1].aksi[0].kepada: pelaksana 'rektor' tidak ada di daftar pelaksana SOP", error);
            Assert.Contains($"{name}: $.steps[3].sops[0].langkah[1].aksi[1].jenis: jenis aksi 'telepon' tidak dikenal", error);
            Assert.DoesNotContain("langkah[2].aksi[0]", error);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
