using System.Net;
using System.Security.Claims;
using System.Text.RegularExpressions;
using CampusKonseling.Cases.Data;
using CampusKonseling.Cases.Work;
using CampusKonseling.Forms.Data;
using CampusKonseling.Site;
using CampusKonseling.Sop.Engine;
using CampusKonseling.Tests.Infrastructure;
using CampusKonseling.Tests.Security;
using CampusKonseling.Tests.Sop;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CampusKonseling.Tests.Forms;

/// <summary>
/// A campus whose SOP has a client lane ("Mahasiswa", bound to the client): the form fills step 1, TU checks the request,
/// the student fills a readiness questionnaire (a plain client step), the counselor agrees a meeting, the student
/// confirms it (konfirmasiJadwal), the counselor holds the session. Two students, a counselor and TU, with addresses
/// unique to the campus so the shared SMTP server's mail can be told apart.
/// </summary>
public sealed class ClientLaneCampus
{
    public const string Sop = "KLIEN-UJI", Form = "permohonan-klien", FormBerkas = "permohonan-berkas", FormPesan = "permohonan-pesan", FormPilih = "permohonan-pilih", Password = "Demo12345";

    public required TestTenant Campus { get; init; }
    public required SopHarness In { get; init; }
    public required string MahasiswaA { get; init; }
    public required string MahasiswaB { get; init; }
    public required string Konselor { get; init; }
    public required string Tu { get; init; }

    public string FormPath => $"{Campus.Prefix}/formulir/{Form}";
    public string MinePath => $"{Campus.Prefix}/permohonan-saya";

    public static async Task<ClientLaneCampus> CreateAsync(PlatformFixture platform, string hint)
    {
        var tag = Guid.NewGuid().ToString("N")[..10];
        string Mail(string who) => $"{who}.{tag}@klien.test";
        var file = Path.Combine(Path.GetTempPath(), $"klien-{tag}.recipe.json");
        await File.WriteAllTextAsync(file, Recipe(Mail("mhs-a"), Mail("mhs-b"), Mail("konselor"), Mail("tu")));
        try
        {
            var campus = await platform.CreateTenantAsync(file, hint);
            return new ClientLaneCampus
            {
                Campus = campus, In = new SopHarness(platform, campus), MahasiswaA = Mail("mhs-a"), MahasiswaB = Mail("mhs-b"), Konselor = Mail("konselor"), Tu = Mail("tu"),
            };
        }
        finally
        {
            File.Delete(file);
        }
    }

    public static Dictionary<string, string> Answers(string email) => new()
    {
        ["f_nama"] = "Dewi Lestari", ["f_email"] = email, ["f_saluran"] = "Tatap muka", ["f_bidang"] = "akademik", ["f_sesi"] = "Kelompok",
        ["f_uraian"] = "Saya cemas menghadapi ujian skripsi.", ["f_catatan"] = "Bisa dihubungi sore hari",
    };

    /// <summary>Sends the form (signed in or not) and returns the request's tracking code.</summary>
    public Task<string> SubmitAsync(TestClient client, string email) => SubmitAsync(client, Form, Answers(email));

    /// <summary>Sends one of the campus's forms with these answers and returns the request's tracking code.</summary>
    public async Task<string> SubmitAsync(TestClient client, string form, Dictionary<string, string> answers)
    {
        using var sent = await client.SubmitAsync($"{Campus.Prefix}/formulir/{form}", "form.intake", answers);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        return Regex.Match(sent.Headers.Location!.OriginalString, "kode=([A-Z2-9-]+)").Groups[1].Value;
    }

    public Task<Guid> InstanceOfAsync(string code) => In.InCampusAsync(sp =>
        sp.GetRequiredService<FormsDb>().Submissions.Where(s => s.KodePelacakan == code).Select(s => s.SopInstanceId!.Value).SingleAsync());

    public Task<CaseRow> CaseOfAsync(Guid instance) => In.InCampusAsync(sp =>
        sp.GetRequiredService<CasesDb>().Cases.AsNoTracking().SingleAsync(c => c.SopInstanceId == instance));

    public async Task<Actor> ActorAsync(string email, string role) =>
        new(await SecurityCampus.UserIdAsync(Campus, email), email, new HashSet<string> { role });

    public async Task<TestClient> SignedInAsync(PlatformFixture platform, string email)
    {
        var client = platform.Client();
        await client.SignInAsync(Campus.Prefix, email, Password);
        return client;
    }

    /// <summary>Staff complete a step of the instance as the engine sees them.</summary>
    public async Task CompleteAsync(Guid instance, string step, string email, string role)
    {
        var done = await In.CompleteAsync(instance, new CompleteStep(step), await ActorAsync(email, role));
        Assert.True(done.Succeeded, done.Error);
    }

    /// <summary>
    /// The counselor agrees a meeting in the campus's room (or, with <paramref name="tautan"/>, online), the day after tomorrow at
    /// 10:00 campus time.
    /// </summary>
    public async Task<Guid> AgreeAsync(Guid instance, string tempat = "Ruang Konseling 2", string? tautan = null, string? kodeRapat = null, string? sandiRapat = null)
    {
        var row = await CaseOfAsync(instance);
        var id = await SecurityCampus.UserIdAsync(Campus, Konselor);
        return await In.InCampusAsync(async sp =>
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById((await sp.GetRequiredService<ISiteSettings>().GetAsync()).TimeZone);
            var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone).Date).AddDays(2);
            var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, id), new Claim(ClaimTypes.GivenName, "Konselor Uji")], "uji"));
            var db = sp.GetRequiredService<CasesDb>();
            var c = await db.Cases.SingleAsync(x => x.Id == row.Id);
            var errors = await sp.GetRequiredService<Appointments>().AgreeAsync(user, c, new AgreementInput(day, new TimeOnly(10, 0), 60, tautan is null ? tempat : null, tautan, kodeRapat, sandiRapat), null, null, default);
            Assert.Empty(errors);
            return await db.Appointments.Where(a => a.CaseId == row.Id).OrderByDescending(a => a.DibuatPada).Select(a => a.Id).FirstAsync();
        });
    }

    /// <summary>The counselor is assigned the case, writes a counseling note (never for the client) and releases another to the client.</summary>
    public async Task CounselorWritesAsync(Guid instance, string secret, string released)
    {
        var id = await SecurityCampus.UserIdAsync(Campus, Konselor);
        await In.InCampusAsync(async sp =>
        {
            var db = sp.GetRequiredService<CasesDb>();
            var timeline = sp.GetRequiredService<CaseTimeline>();
            var c = await db.Cases.SingleAsync(x => x.SopInstanceId == instance);
            var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, id), new Claim(ClaimTypes.GivenName, "Rina Marlina"),
                new Claim(ClaimTypes.Role, "Konselor")], "uji"));
            await timeline.AssignAsync(user, c, new CampusKonseling.Users.UserRef(id, "Rina Marlina", Konselor));
            Assert.Null(await timeline.WriteAsync(user, c, JenisCatatan.Sesi, Tingkat.Konseling, secret));
            Assert.Null(await timeline.WriteAsync(user, c, JenisCatatan.Laporan, Tingkat.Konseling, released));
            var entry = await db.Entries.Where(e => e.CaseId == c.Id && e.Jenis == JenisCatatan.Laporan).OrderByDescending(e => e.Id).Select(e => e.Id).FirstAsync();
            Assert.Null(await timeline.ReleaseAsync(user, c, entry));
            return 0;
        });
    }

    private static string Recipe(string a, string b, string konselor, string tu) => $$"""
        {
          "name": "klien-uji", "displayName": "Lajur klien (uji)",
          "steps": [
            { "name": "features", "enable": ["Sop", "Forms", "Cases"] },
            { "name": "settings", "campusName": "Kampus Uji Klien", "unitName": "Unit Konseling", "timeZone": "Asia/Jakarta",
              "workingDays": ["senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu"], "workingHours": { "start": "00:00", "end": "23:59" } },
            { "name": "roles", "roles": [
              { "name": "Mahasiswa", "permissions": [] },
              { "name": "TU", "permissions": ["AccessAdmin", "ViewSop", "StartSop", "ViewSubmissions", "ViewCases", "ManageCases"] },
              { "name": "Konselor", "permissions": ["AccessAdmin", "ViewSop", "ViewSubmissions", "ViewCases", "CounselCases"] } ] },
            { "name": "users", "users": [
              { "email": "{{a}}", "name": "Dewi Lestari", "password": "{{Password}}", "roles": ["Mahasiswa"] },
              { "email": "{{b}}", "name": "Bima Saputra", "password": "{{Password}}", "roles": ["Mahasiswa"] },
              { "email": "{{konselor}}", "name": "Rina Marlina", "password": "{{Password}}", "roles": ["Konselor"] },
              { "email": "kedua.{{konselor}}", "name": "Yusuf Hamdani", "password": "{{Password}}", "roles": ["Konselor"] },
              { "email": "{{tu}}", "name": "Sri Wahyuni", "password": "{{Password}}", "roles": ["TU"] } ] },
            { "name": "sop", "sops": [ {
              "kode": "{{Sop}}", "judul": "Konseling dengan lajur klien",
              "pelaksana": [
                { "id": "mhs", "nama": "Mahasiswa", "peran": "Mahasiswa", "klien": true },
                { "id": "tu", "nama": "Tata Usaha", "peran": "TU" },
                { "id": "konselor", "nama": "Konselor", "peran": "Konselor" } ],
              "langkah": [
                { "id": "1", "jenis": "mulai", "uraian": "Mahasiswa mengisi formulir permohonan", "pelaksana": ["mhs"], "otomatis": "formulir", "lanjut": "2" },
                { "id": "2", "uraian": "TU memeriksa permohonan", "pelaksana": ["tu"], "lanjut": "3" },
                { "id": "3", "uraian": "Mahasiswa mengisi angket kesiapan konseling", "pelaksana": ["mhs"], "waktu": "1 hari", "lanjut": "4" },
                { "id": "4", "uraian": "Konselor menyepakati jadwal konseling", "pelaksana": ["konselor"], "lanjut": "5" },
                { "id": "5", "uraian": "Mahasiswa mengonfirmasi jadwal konseling", "pelaksana": ["mhs"], "waktu": "1 hari", "output": "Konfirmasi jadwal",
                  "aksi": [ { "jenis": "konfirmasiJadwal" } ], "lanjut": "6" },
                { "id": "6", "jenis": "selesai", "uraian": "Konselor melaksanakan konseling", "pelaksana": ["konselor"] } ] },
              { "kode": "KLIEN-PILIH", "judul": "Konseling dengan konselor pilihan",
              "pelaksana": [ { "id": "mhs", "nama": "Mahasiswa", "peran": "Mahasiswa", "klien": true },
                             { "id": "konselor", "nama": "Konselor pilihan", "peran": "Konselor", "penugasan": "konselor" } ],
              "langkah": [
                { "id": "1", "jenis": "mulai", "uraian": "Mahasiswa mengisi formulir", "pelaksana": ["mhs"], "otomatis": "formulir", "lanjut": "2" },
                { "id": "2", "uraian": "Mahasiswa memilih konselornya", "pelaksana": ["mhs"], "waktu": "1 hari",
                  "aksi": [ { "jenis": "tunjuk", "penugasan": "konselor" } ], "lanjut": "3" },
                { "id": "3", "jenis": "selesai", "uraian": "Konselor pilihan menghubungi mahasiswa", "pelaksana": ["konselor"] } ] },
              { "kode": "KLIEN-PESAN", "judul": "Konsultasi dengan tanggapan unit",
              "pelaksana": [ { "id": "mhs", "nama": "Mahasiswa", "peran": "Mahasiswa", "klien": true }, { "id": "tu", "nama": "Tata Usaha", "peran": "TU" },
                             { "id": "konselor", "nama": "Konselor", "peran": "Konselor" } ],
              "langkah": [
                { "id": "1", "jenis": "mulai", "uraian": "Mahasiswa mengisi formulir konsultasi", "pelaksana": ["mhs"], "otomatis": "formulir", "lanjut": "2" },
                { "id": "2", "uraian": "Unit mengirim tanggapan kepada mahasiswa", "pelaksana": ["tu"], "otomatis": "pesan",
                  "aksi": [ { "jenis": "pesan", "templat": "tanggapan-uji" } ], "lanjut": "3" },
                { "id": "3", "jenis": "selesai", "uraian": "Konselor menindaklanjuti", "pelaksana": ["konselor"] } ] },
              { "kode": "KLIEN-BERKAS", "judul": "Izin konseling dengan surat dokter",
              "pelaksana": [ { "id": "mhs", "nama": "Mahasiswa", "peran": "Mahasiswa", "klien": true }, { "id": "konselor", "nama": "Konselor", "peran": "Konselor" } ],
              "langkah": [
                { "id": "1", "jenis": "mulai", "uraian": "Mahasiswa mengisi formulir izin", "pelaksana": ["mhs"], "otomatis": "formulir", "lanjut": "2" },
                { "id": "2", "uraian": "Mahasiswa mengunggah surat keterangan dokter", "pelaksana": ["mhs"], "waktu": "1 hari",
                  "aksi": [ { "jenis": "unggah", "dokumen": "Surat Keterangan Dokter" } ], "lanjut": "3" },
                { "id": "3", "jenis": "selesai", "uraian": "Konselor memeriksa surat", "pelaksana": ["konselor"] } ] } ] },
            { "name": "messages", "templates": [ {
              "kode": "tanggapan-uji", "nama": "Tanggapan uji", "judul": "Tanggapan permohonan {kode}",
              "isi": ["Yth. {nama},", "", "Permohonan {kode} sudah kami terima; konselor {unit} akan menghubungi Anda minggu ini.", "", "Pantau di: {tautanPermohonan}"] } ] },
            { "name": "forms", "forms": [ {
              "kode": "{{Form}}", "judul": "Permohonan konseling (lajur klien)", "sop": "{{Sop}}",
              "isian": [
                { "id": "nama", "jenis": "teks", "label": "Nama lengkap", "wajib": true, "petakan": "nama" },
                { "id": "email", "jenis": "email", "label": "E-mail", "wajib": true, "petakan": "email" },
                { "id": "saluran", "jenis": "pilihan", "label": "Bentuk konseling", "pilihan": ["Tatap muka", "Online"], "wajib": true, "petakan": "saluran" },
                { "id": "bidang", "jenis": "pilihan", "label": "Bidang", "pilihan": ["akademik", "personal"], "tampilan": "select", "wajib": true, "petakan": "bidang" },
                { "id": "sesi", "jenis": "pilihan", "label": "Jenis sesi", "pilihan": ["Individu", "Kelompok"] },
                { "id": "uraian", "jenis": "teksPanjang", "label": "Ceritakan singkat", "wajib": true, "petakan": "masalah" },
                { "id": "catatan", "jenis": "teks", "label": "Catatan lain" } ] },
              { "kode": "{{FormPilih}}", "judul": "Konseling dengan konselor pilihan", "sop": "KLIEN-PILIH",
              "isian": [
                { "id": "nama", "jenis": "teks", "label": "Nama lengkap", "wajib": true, "petakan": "nama" },
                { "id": "email", "jenis": "email", "label": "E-mail", "wajib": true, "petakan": "email" } ] },
              { "kode": "{{FormPesan}}", "judul": "Konsultasi singkat", "sop": "KLIEN-PESAN",
              "isian": [
                { "id": "nama", "jenis": "teks", "label": "Nama lengkap", "wajib": true, "petakan": "nama" },
                { "id": "email", "jenis": "email", "label": "E-mail", "wajib": true, "petakan": "email" },
                { "id": "uraian", "jenis": "teksPanjang", "label": "Ceritakan singkat", "wajib": true, "petakan": "masalah" } ] },
              { "kode": "{{FormBerkas}}", "judul": "Izin konseling", "sop": "KLIEN-BERKAS",
              "isian": [
                { "id": "nama", "jenis": "teks", "label": "Nama lengkap", "wajib": true, "petakan": "nama" },
                { "id": "email", "jenis": "email", "label": "E-mail", "wajib": true, "petakan": "email" } ] } ] }
          ]
        }
        """;
}
