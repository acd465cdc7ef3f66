using System.Text.Json.Nodes;
using CampusKonseling.Tests.Infrastructure;

namespace CampusKonseling.Tests.Cases;

/// <summary>The Konseling &amp; Asesmen recipe with a second staff member, a letter with a required field and one small SOP per step action.</summary>
internal static class StepActionRecipe
{
    private const string Sops = """
        [
          { "kode": "UJI-SURAT", "judul": "Uji aksi surat",
            "pelaksana": [ { "id": "staf", "nama": "Staf Bagian Konseling & Asesmen", "peran": "Staf Konseling & Asesmen" } ],
            "langkah": [
              { "id": "1", "jenis": "mulai", "uraian": "Staf membuat surat uji.", "pelaksana": ["staf"], "aksi": [ { "jenis": "surat", "templat": "surat-uji" } ], "output": "Surat Uji", "lanjut": "2" },
              { "id": "2", "jenis": "selesai", "uraian": "Staf menyerahkan surat uji.", "pelaksana": ["staf"], "kelengkapan": ["Surat Uji"] } ] },
          { "kode": "UJI-UNGGAH", "judul": "Uji aksi unggah",
            "pelaksana": [ { "id": "staf", "nama": "Staf Bagian Konseling & Asesmen", "peran": "Staf Konseling & Asesmen" } ],
            "langkah": [
              { "id": "1", "jenis": "mulai", "uraian": "Staf mengunggah surat hasil pemeriksaan.", "pelaksana": ["staf"], "aksi": [ { "jenis": "unggah", "dokumen": "Surat Hasil Pemeriksaan" } ], "lanjut": "2" },
              { "id": "2", "jenis": "selesai", "uraian": "Selesai.", "pelaksana": ["staf"] } ] },
          { "kode": "UJI-JADWAL", "judul": "Uji aksi jadwal",
            "pelaksana": [ { "id": "staf", "nama": "Staf Bagian Konseling & Asesmen", "peran": "Staf Konseling & Asesmen" },
                           { "id": "konselor", "nama": "Konselor kasus", "peran": "Staf Konseling & Asesmen", "penugasan": "konselor" } ],
            "langkah": [
              { "id": "1", "jenis": "mulai", "uraian": "Staf membuat janji konsultasi online.", "pelaksana": ["staf"], "aksi": [ { "jenis": "jadwal" } ], "output": "Alamat link url/kode meeting", "lanjut": "2" },
              { "id": "2", "uraian": "Konselor memberikan layanan.", "pelaksana": ["konselor"], "waktu": "sesuai jadwal yang disepakati", "acuan": "janji", "lanjut": "3" },
              { "id": "3", "jenis": "selesai", "uraian": "Selesai.", "pelaksana": ["staf"] } ] },
          { "kode": "UJI-DARURAT", "judul": "Uji kasus darurat",
            "pelaksana": [ { "id": "staf", "nama": "Staf Bagian Konseling & Asesmen", "peran": "Staf Konseling & Asesmen" } ],
            "langkah": [
              { "id": "1", "jenis": "mulai", "uraian": "Staf menilai kasus.", "pelaksana": ["staf"], "waktu": "2 Hari", "lanjut": "k" },
              { "id": "k", "jenis": "keputusan", "uraian": "Darurat?", "pelaksana": ["staf"],
                "pilihan": [ { "nama": "Jalur darurat", "lanjut": "d", "jika": "darurat = ya" }, { "nama": "Jalur biasa", "lanjut": "b" } ] },
              { "id": "d", "uraian": "Merujuk segera ke psikiater.", "pelaksana": ["staf"], "waktu": "1 x 24 jam", "lanjut": "z" },
              { "id": "b", "uraian": "Menjadwalkan konseling.", "pelaksana": ["staf"], "waktu": "3 Hari", "lanjut": "z" },
              { "id": "z", "jenis": "selesai", "uraian": "Selesai.", "pelaksana": ["staf"] } ] },
          { "kode": "UJI-RUJUK", "judul": "Uji aksi rujukan",
            "pelaksana": [ { "id": "staf", "nama": "Staf Bagian Konseling & Asesmen", "peran": "Staf Konseling & Asesmen" } ],
            "langkah": [
              { "id": "1", "jenis": "mulai", "uraian": "Staf memberikan surat rujukan.", "pelaksana": ["staf"], "aksi": [ { "jenis": "rujukan" } ], "lanjut": "2" },
              { "id": "2", "uraian": "Staf memasukkan hasil layanan eksternal.", "pelaksana": ["staf"], "aksi": [ { "jenis": "hasilRujukan" } ], "lanjut": "3" },
              { "id": "3", "jenis": "selesai", "uraian": "Selesai.", "pelaksana": ["staf"] } ] },
          { "kode": "UJI-TUNJUK", "judul": "Uji aksi tunjuk",
            "pelaksana": [ { "id": "staf", "nama": "Staf Bagian Konseling & Asesmen", "peran": "Staf Konseling & Asesmen" },
                           { "id": "pendamping", "nama": "Pendamping", "peran": "Unit Kerja Terkait", "penugasan": "pendamping" },
                           { "id": "konselor", "nama": "Konselor kasus", "peran": "Staf Konseling & Asesmen", "penugasan": "konselor" } ],
            "langkah": [
              { "id": "1", "jenis": "mulai", "uraian": "Staf menunjuk pendamping.", "pelaksana": ["staf"], "aksi": [ { "jenis": "tunjuk", "penugasan": "pendamping" } ], "lanjut": "2" },
              { "id": "2", "uraian": "Pendamping mendampingi mahasiswa.", "pelaksana": ["pendamping"], "lanjut": "3" },
              { "id": "3", "uraian": "Konselor menutup layanan.", "pelaksana": ["konselor"], "lanjut": "4" },
              { "id": "4", "jenis": "selesai", "uraian": "Selesai.", "pelaksana": ["staf"] } ] }
        ]
        """;

    private const string Template = """
        { "kode": "surat-uji", "judul": "Surat Uji", "nomor": "{seq:000}/UJI/{year}",
          "kepada": ["Yth. {tujuan}"], "isi": ["Nama {nama}, NIM {nim}: {keperluan}."],
          "tandaTangan": { "jabatan": "Kepala Bagian", "nama": "{penandatangan}" }, "wajib": ["tujuan"] }
        """;

    public static async Task<string> WriteAsync()
    {
        var recipe = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepoPaths.Recipes, "konseling-asesmen.recipe.json")))!;
        foreach (var step in recipe["steps"]!.AsArray())
        {
            switch ((string?)step!["name"])
            {
                case "sop":
                    foreach (var sop in JsonNode.Parse(Sops)!.AsArray().ToList()) step["sops"]!.AsArray().Add(sop!.DeepClone());
                    break;
                case "letters": step["templates"]!.AsArray().Add(JsonNode.Parse(Template)); break;
                case "users":
                    step["users"]!.AsArray().Add(JsonNode.Parse("""{ "email": "yoga@konseling-asesmen.demo", "name": "Yoga Pratama, M.Psi.", "password": "Demo12345", "roles": ["Staf Konseling & Asesmen"] }"""));
                    break;
            }
        }
        var file = Path.Combine(Path.GetTempPath(), $"aksi-langkah-{Guid.NewGuid():N}.recipe.json");
        await File.WriteAllTextAsync(file, recipe.ToJsonString());
        return file;
    }
}
