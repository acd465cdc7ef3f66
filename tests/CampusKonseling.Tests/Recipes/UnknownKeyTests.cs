using CampusKonseling.Recipes;
using CampusKonseling.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CampusKonseling.Tests.Recipes;

/// <summary>
/// A key no step reads is refused at validation, with its path and the key probably meant, so a typo
/// ("opsionl") cannot quietly change what a recipe does. Validation needs no tenant database.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class UnknownKeyTests(PlatformFixture platform)
{
    /// <summary>Every kind of step, using each key its step reads at least once; every typo below is made in it.</summary>
    private const string Valid = """
    {
      "name": "lengkap", "displayName": "Lengkap", "description": "Semua kunci", "version": "1",
      "steps": [
        { "name": "features", "enable": ["Pages", "Sop", "Forms", "Letters", "Programs"] },
        { "name": "settings", "campusName": "Kampus Uji", "unitName": "Unit Konseling", "logoUrl": "/logo.png", "primaryColor": "#1d4e89",
          "accentColor": "#f2a900", "timeZone": "Asia/Jakarta", "workingDays": ["senin", "jumat"], "workingHours": { "start": "08:00", "end": "16:00" },
          "embedOrigins": ["https://www.kampus.ac.id"] },
        { "name": "roles", "roles": [ { "name": "Konselor", "description": "Konselor kampus", "permissions": ["ViewSop"] }, { "name": "Mahasiswa" } ] },
        { "name": "users", "users": [ { "email": "konselor@kampus.test", "name": "Konselor", "password": "Rahasia123", "roles": ["Konselor"] } ] },
        { "name": "pages", "pages": [ { "slug": "faq", "title": "FAQ", "menu": true, "order": 1, "body": "Tanya jawab" } ] },
        { "name": "letters", "kopSurat": { "instansi": "Kampus Uji", "alamat": "Jl. Uji 1", "telepon": "021", "email": "bk@kampus.test", "situs": "kampus.test", "kota": "Jakarta" },
          "templates": [ { "kode": "surat-tugas", "judul": "Surat Tugas", "nomor": "{seq:000}/ST/{romanMonth}/{year}", "perihal": "Tugas",
            "kepada": ["Yth. {nama}"], "isi": ["Menugaskan {nama}."], "tandaTangan": { "jabatan": "Kepala Unit", "nama": "Budi", "nip": "1", "tempat": "Jakarta" } } ] },
        { "name": "sop", "sops": [ { "kode": "SOP-UJI", "judul": "Konseling",
          "pelaksana": [ { "id": "k", "nama": "Konselor", "peran": "Konselor" } ],
          "langkah": [
            { "id": "1", "jenis": "mulai", "uraian": "Menerima permohonan", "pelaksana": ["k"], "waktu": "15 Menit", "lanjut": "2" },
            { "id": "2", "uraian": "Menghubungi klien", "pelaksana": ["k"], "opsional": true, "lanjut": "3" },
            { "id": "3", "jenis": "selesai", "uraian": "Arsip", "pelaksana": ["k"] } ] } ] },
        { "name": "forms", "forms": [ { "kode": "permohonan", "judul": "Permohonan", "sop": "SOP-UJI", "isian": [
          { "id": "nama", "jenis": "teks", "label": "Nama", "wajib": true, "petakan": "nama" },
          { "id": "email", "jenis": "email", "label": "E-mail", "petakan": "email" } ] } ] },
        { "name": "programs", "jenis": [ { "kode": "workshop", "nama": "Workshop", "jenis": "workshop", "sop": "SOP-UJI", "suratTugas": "surat-tugas",
          "peranPenerus": "Konselor", "sasaranSemester": [3, 5], "sasaranStatus": "aktif" } ] }
      ]
    }
    """;

    [Fact]
    public async Task A_recipe_using_only_known_keys_passes()
    {
        Assert.Empty(await ErrorsAsync(Valid));
    }

    [Theory]
    [InlineData("\"description\": \"Semua", "\"descripton\": \"Semua", "$.descripton", "kunci 'descripton' tidak dikenal; maksud Anda 'description'?")]
    [InlineData("\"enable\": [\"Pages\"", "\"aktif\": true, \"enable\": [\"Pages\"", "$.steps[0].aktif", "kunci 'aktif' tidak dikenal; yang dikenal: name, enable")]
    [InlineData("\"campusName\":", "\"warna\": \"biru\", \"campusName\":", "$.steps[1].warna",
        "kunci 'warna' tidak dikenal; yang dikenal: name, campusName, unitName, logoUrl, primaryColor, accentColor, timeZone, workingDays, workingHours, embedOrigins, holidays")]
    [InlineData("\"unitName\":", "\"unitNama\":", "$.steps[1].unitNama", "kunci 'unitNama' tidak dikenal; maksud Anda 'unitName'?")]
    [InlineData("\"end\":", "\"end\": \"16:00\", \"istirahat\":", "$.steps[1].workingHours.istirahat", "kunci 'istirahat' tidak dikenal; yang dikenal: start, end")]
    [InlineData("\"permissions\":", "\"permission\":", "$.steps[2].roles[0].permission", "kunci 'permission' tidak dikenal; maksud Anda 'permissions'?")]
    [InlineData("\"roles\": [\"Konselor\"]", "\"peran\": [\"Konselor\"]", "$.steps[3].users[0].peran", "kunci 'peran' tidak dikenal; yang dikenal: email, name, password, roles, nip, nidn, jabatan")]
    [InlineData("\"menu\":", "\"Menu\":", "$.steps[4].pages[0].Menu", "kunci 'Menu' tidak dikenal; maksud Anda 'menu'?")]
    [InlineData("\"kota\":", "\"kotta\":", "$.steps[5].kopSurat.kotta", "kunci 'kotta' tidak dikenal; maksud Anda 'kota'?")]
    [InlineData("\"jabatan\":", "\"jabatn\":", "$.steps[5].templates[0].tandaTangan.jabatn", "kunci 'jabatn' tidak dikenal; maksud Anda 'jabatan'?")]
    [InlineData("{ \"name\": \"sop\",", "{ \"name\": \"sop\", \"versi\": 2,", "$.steps[6].versi", "kunci 'versi' tidak dikenal; yang dikenal: name, sops")]
    [InlineData("\"opsional\":", "\"opsionl\":", "$.steps[6].sops[0].langkah[1].opsionl", "kunci 'opsionl' tidak dikenal; maksud Anda 'opsional'?")]
    [InlineData("\"wajib\":", "\"wajb\":", "$.steps[7].forms[0].isian[0].wajb", "kunci 'wajb' tidak dikenal; maksud Anda 'wajib'?")]
    [InlineData("\"sasaranSemester\":", "\"sasaranSemster\":", "$.steps[8].jenis[0].sasaranSemster", "kunci 'sasaranSemster' tidak dikenal; maksud Anda 'sasaranSemester'?")]
    public async Task An_unknown_key_is_refused_with_its_path_and_the_key_meant(string key, string typo, string path, string reason)
    {
        Assert.Equal(1, Valid.Split(key).Length - 1); // the typo is made in exactly one place
        var error = Assert.Single(await ErrorsAsync(Valid.Replace(key, typo)));
        Assert.Equal(("unknown.recipe.json", path, reason), (error.File, error.Path, error.Reason));
    }

    [Fact]
    public async Task A_wrong_value_in_a_typed_part_is_still_reported_where_it_is()
    {
        var error = Assert.Single(await ErrorsAsync(Valid.Replace("\"wajib\": true", "\"wajib\": \"ya\"")));
        Assert.Equal("$.steps[7].forms[0].isian[0].wajib", error.Path);
        Assert.StartsWith("formulir tidak dapat dibaca", error.Reason);
    }

    [Fact]
    public void A_key_far_from_every_known_key_lists_the_known_keys()
    {
        Assert.Equal("kunci 'x' tidak dikenal; yang dikenal: slug, title", RecipeKeys.Unknown("x", ["slug", "title"]));
        Assert.Equal("kunci 'Slug' tidak dikenal; maksud Anda 'slug'?", RecipeKeys.Unknown("Slug", ["slug", "title"]));
    }

    private async Task<IReadOnlyList<RecipeError>> ErrorsAsync(string json)
    {
        var (_, result) = await platform.Services.GetRequiredService<IRecipeRunner>().ValidateAsync("unknown.recipe.json", json, null);
        return result.Errors;
    }
}
