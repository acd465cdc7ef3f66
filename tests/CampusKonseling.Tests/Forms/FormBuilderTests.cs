using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using CampusKonseling.Forms.Data;
using CampusKonseling.Forms.Intake;
using CampusKonseling.Tests.Infrastructure;
using CampusKonseling.Tests.Sop;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CampusKonseling.Tests.Forms;

/// <summary>The campus web admin builds a form: every edit is a plain post kept in a draft, publishing makes the next version.</summary>
[Collection(PlatformCollection.Name)]
public sealed class FormBuilderTests(PlatformFixture platform) : IAsyncLifetime
{
    private TestTenant _campus = null!;
    private SopHarness _sop = null!;

    public async Task InitializeAsync()
    {
        _campus = await platform.CreateTenantAsync("konseling-asesmen", "pembangun");
        _sop = new SopHarness(platform, _campus);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>A fresh copy of the intake test form (version 1) under its own code, so tests do not share drafts.</summary>
    private async Task<string> FormAsync(string kode)
    {
        await _sop.InCampusAsync(sp => sp.GetRequiredService<FormCatalog>().ImportAsync(IntakeTests.Permohonan with { Kode = kode }, "uji"));
        return kode;
    }

    private async Task<TestClient> AdminAsync()
    {
        var client = platform.Client();
        await client.SignInAsync(_campus.Prefix, _campus.AdminEmail, _campus.AdminPassword);
        return client;
    }

    private string Editor(string kode) => $"{_campus.Prefix}/admin/formulir/kelola/{kode}";

    [Fact]
    public async Task The_admin_adds_moves_edits_and_publishes_a_field_and_the_public_form_follows()
    {
        var kode = await FormAsync("bangun-urut");
        using var admin = await AdminAsync();

        // Add a short text: the builder opens the new field's page.
        using var added = await admin.SubmitAsync(Editor(kode), "form[action*='handler=Tambah']", new Dictionary<string, string> { ["jenis"] = "teks" });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.EndsWith($"/admin/formulir/kelola/{kode}/isian/teks", added.Headers.Location!.OriginalString);

        using var saved = await EditFieldAsync(admin, kode, "teks", new() { ["Input.Id"] = "fakultas", ["Input.Label"] = "Fakultas", ["Input.Wajib"] = "true", ["Input.Maks"] = "80" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        // Move it up until it follows the NIM (it was added last, after "setuju").
        foreach (var _ in Enumerable.Range(0, 5)) await PostFieldActionAsync(admin, kode, "fakultas", "Naik");
        var (_, editor) = await admin.PageAsync(Editor(kode));
        Assert.Equal(["nama", "nim", "fakultas", "email", "hp", "saluran", "uraian", "setuju"], FieldOrder(editor, ".builder-field"));
        Assert.NotNull(editor.QuerySelector("#status-draf"));

        // Requesters still see version 1 until it is published.
        using var requester = platform.Client();
        var (_, before) = await requester.PageAsync($"{_campus.Prefix}/formulir/{kode}");
        Assert.DoesNotContain("fakultas", FieldOrder(before, "form.intake [data-isian]"));

        using var published = await admin.SubmitAsync(editor, "form[action*='handler=Terbitkan']", new Dictionary<string, string>(), Editor(kode));
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        var (_, after) = await admin.PageAsync(Editor(kode));
        Assert.Contains("Versi 2 diterbitkan", after.QuerySelector("#pesan")!.TextContent);
        Assert.Null(after.QuerySelector("#status-draf"));
        Assert.NotNull(after.QuerySelector("table.versions tr[data-versi='2']"));

        var (_, form) = await requester.PageAsync($"{_campus.Prefix}/formulir/{kode}");
        Assert.Equal(["nama", "nim", "fakultas", "email", "hp", "saluran", "uraian", "setuju"], FieldOrder(form, "form.intake [data-isian]"));
        Assert.StartsWith("Fakultas", form.QuerySelector("[data-isian='fakultas'] label")!.TextContent);
        Assert.NotNull(form.QuerySelector("[data-isian='fakultas'] label .req"));

        // The list shows the active version and no draft.
        var (_, list) = await admin.PageAsync($"{_campus.Prefix}/admin/formulir/kelola");
        var row = list.QuerySelector($"tr[data-formulir='{kode}']")!;
        Assert.Equal("2", row.QuerySelector(".versi")!.TextContent.Trim());
        Assert.Null(row.QuerySelector(".badge.state-draft"));
    }

    [Fact]
    public async Task A_request_after_publishing_records_version_2_while_an_earlier_one_keeps_version_1()
    {
        var kode = await FormAsync("bangun-versi");
        var path = $"{_campus.Prefix}/formulir/{kode}";
        using var requester = platform.Client();
        using (var first = await requester.SubmitAsync(path, "form.intake", IntakeTests.Valid($"v1.{Guid.NewGuid():N}@mahasiswa.test")))
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);

        using var admin = await AdminAsync();
        using (await admin.SubmitAsync(Editor(kode), "form[action*='handler=Tambah']", new Dictionary<string, string> { ["jenis"] = "tanggal" })) { }
        using (await EditFieldAsync(admin, kode, "tanggal", new() { ["Input.Label"] = "Tanggal yang diinginkan", ["Input.Petakan"] = "waktu" })) { }
        using (await admin.SubmitAsync(Editor(kode), "form[action*='handler=Terbitkan']", new Dictionary<string, string>())) { }

        var values = IntakeTests.Valid($"v2.{Guid.NewGuid():N}@mahasiswa.test");
        values["f_tanggal"] = "2030-01-07";
        using (var second = await requester.SubmitAsync(path, "form.intake", values))
            Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);

        var versions = await _sop.InCampusAsync(async sp =>
        {
            var db = sp.GetRequiredService<FormsDb>();
            return await db.Submissions.AsNoTracking().Join(db.Forms.Where(f => f.Kode == kode), s => s.FormId, f => f.Id, (s, f) => s)
                .OrderBy(s => s.DikirimPada).Select(s => s.Versi).ToListAsync();
        });
        Assert.Equal([1, 2], versions);
        var (_, editor) = await admin.PageAsync(Editor(kode));
        Assert.Equal("1", editor.QuerySelector("tr[data-versi='1'] .jumlah")!.TextContent.Trim());
        Assert.Equal("1", editor.QuerySelector("tr[data-versi='2'] .jumlah")!.TextContent.Trim());

        // Version 1 can come back, as the draft of a version 3.
        using (await admin.SubmitAsync(editor, "tr[data-versi='1'] form[action*='handler=Pulihkan']", new Dictionary<string, string>(), Editor(kode))) { }
        var (_, restored) = await admin.PageAsync(Editor(kode));
        Assert.DoesNotContain("tanggal", FieldOrder(restored, ".builder-field"));
        Assert.NotNull(restored.QuerySelector("#status-draf"));
        Assert.Contains("Terbitkan sebagai versi 3", restored.QuerySelector("form[action*='handler=Terbitkan'] button")!.TextContent);
    }

    [Fact]
    public async Task A_mistake_in_a_field_is_shown_beside_its_input_with_what_was_typed_and_the_draft_is_kept()
    {
        var kode = await FormAsync("bangun-salah");
        using var admin = await AdminAsync();
        using (await admin.SubmitAsync(Editor(kode), "form[action*='handler=Tambah']", new Dictionary<string, string> { ["jenis"] = "angka" })) { }

        using var bad = await EditFieldAsync(admin, kode, "nim", new() { ["Input.Pola"] = "^[0-9(", ["Input.Id"] = "email" });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var page = await TestClient.ParseAsync(bad);
        Assert.Equal("Pola ini bukan ekspresi reguler yang benar (periksa tanda kurung dan garis miring terbalik).", Error(page, "Pola"));
        Assert.Equal("Id 'email' sudah dipakai isian lain.", Error(page, "Id"));
        Assert.Equal("^[0-9(", page.QuerySelector("input[name='Input.Pola']")!.GetAttribute("value"));

        using var range = await EditFieldAsync(admin, kode, "nama", new() { ["Input.Min"] = "50", ["Input.Maks"] = "10" });
        Assert.Equal("Min tidak boleh lebih besar dari maks.", Error(await TestClient.ParseAsync(range), "Min"));

        using var later = await EditFieldAsync(admin, kode, "hp", new() { ["Input.TampilJika"] = "saluran::Online" });
        Assert.Equal("Tampil-jika hanya dapat merujuk isian di atas isian ini; 'saluran' tidak ada di atasnya.", Error(await TestClient.ParseAsync(later), "TampilJika"));
        using var notChoice = await EditFieldAsync(admin, kode, "uraian", new() { ["Input.TampilJika"] = "email::x" });
        Assert.Equal("Tampil-jika hanya dapat merujuk isian pilihan tunggal; 'E-mail' bukan pilihan tunggal.", Error(await TestClient.ParseAsync(notChoice), "TampilJika"));

        // Nothing of the refused edits reached the draft; the added field is still there.
        var (_, editor) = await admin.PageAsync(Editor(kode));
        Assert.Contains("angka", FieldOrder(editor, ".builder-field"));
        var (_, nim) = await admin.PageAsync($"{Editor(kode)}/isian/nim");
        Assert.Equal("^[0-9]{8,12}$", nim.QuerySelector("input[name='Input.Pola']")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Publishing_an_unfinished_draft_shows_each_problem_beside_its_field_and_keeps_the_draft()
    {
        var kode = await FormAsync("bangun-terbit");
        using var admin = await AdminAsync();
        using (await EditFieldAsync(admin, kode, "setuju", new() { ["Input.Teks"] = "" })) { }
        using (await EditFieldAsync(admin, kode, "nama", new() { ["Input.Petakan"] = "" })) { }

        using var refused = await admin.SubmitAsync(Editor(kode), "form[action*='handler=Terbitkan']", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await TestClient.ParseAsync(refused);
        Assert.Contains("satu isian harus dipetakan ke 'nama'", page.QuerySelector("#galat-terbit")!.TextContent);
        Assert.Contains("Teks persetujuan: persetujuan harus menyatakan tujuan dan masa simpan data", page.QuerySelector("[data-isian='setuju'] .field-issues .field-error")!.TextContent);
        Assert.Null(page.QuerySelector("[data-isian='email'] .field-issues"));

        var (_, reloaded) = await admin.PageAsync(Editor(kode));
        Assert.NotNull(reloaded.QuerySelector("#status-draf"));
        Assert.Null(reloaded.QuerySelector("tr[data-versi='2']"));
    }

    [Fact]
    public async Task The_draft_survives_a_reload_in_another_session_and_can_be_discarded()
    {
        var kode = await FormAsync("bangun-draf");
        using (var phone = await AdminAsync())
        {
            using (await phone.SubmitAsync(Editor(kode), "form[action*='handler=Tambah']", new Dictionary<string, string> { ["jenis"] = "judul" })) { }
            using (await phone.SubmitAsync(Editor(kode), "form[action*='handler=Properti']", new Dictionary<string, string>
            {
                ["Properti.Judul"] = "Permohonan Konseling", ["Properti.Deskripsi"] = "Untuk mahasiswa aktif.", ["Properti.Sop"] = "", ["Properti.Selesai"] = "Kami menghubungi Anda dalam 2 hari kerja.",
            })) { }
        }
        using var laptop = await AdminAsync();
        var (_, editor) = await laptop.PageAsync(Editor(kode));
        Assert.Contains("judul", FieldOrder(editor, ".builder-field"));
        Assert.Equal("Permohonan Konseling", editor.QuerySelector("input[name='Properti.Judul']")!.GetAttribute("value"));
        Assert.Equal("", Selected(editor.QuerySelector("select[name='Properti.Sop']")!));
        Assert.Equal("Untuk mahasiswa aktif.", editor.QuerySelector("textarea[name='Properti.Deskripsi']")!.TextContent.Trim());
        Assert.Contains("Draf belum diterbitkan", editor.QuerySelector("#status-draf")!.TextContent);
        var (_, list) = await laptop.PageAsync($"{_campus.Prefix}/admin/formulir/kelola");
        Assert.NotNull(list.QuerySelector($"tr[data-formulir='{kode}'] .badge.state-draft"));

        using (await laptop.SubmitAsync(editor, "form[action*='handler=Buang']", new Dictionary<string, string>(), Editor(kode))) { }
        var (_, discarded) = await laptop.PageAsync(Editor(kode));
        Assert.DoesNotContain("judul", FieldOrder(discarded, ".builder-field"));
        Assert.Null(discarded.QuerySelector("#status-draf"));
    }

    [Fact]
    public async Task A_field_another_field_depends_on_cannot_be_removed_or_moved_below_it()
    {
        var kode = await FormAsync("bangun-tergantung");
        using var admin = await AdminAsync();
        await PostFieldActionAsync(admin, kode, "saluran", "Hapus");
        var (_, editor) = await admin.PageAsync(Editor(kode));
        Assert.Contains("saluran", FieldOrder(editor, ".builder-field"));
        Assert.Contains("'Ceritakan singkat' tampil berdasarkan jawabannya", editor.QuerySelector("[data-isian='saluran'] .field-error")!.TextContent);

        await PostFieldActionAsync(admin, kode, "saluran", "Turun");
        (_, editor) = await admin.PageAsync(Editor(kode));
        Assert.Equal(["saluran", "uraian"], FieldOrder(editor, ".builder-field").Skip(4).Take(2));

        await PostFieldActionAsync(admin, kode, "hp", "Hapus");
        (_, editor) = await admin.PageAsync(Editor(kode));
        Assert.DoesNotContain("hp", FieldOrder(editor, ".builder-field"));
    }

    [Fact]
    public async Task A_new_form_needs_a_free_well_formed_code_and_is_public_only_once_published()
    {
        using var admin = await AdminAsync();
        var list = $"{_campus.Prefix}/admin/formulir/kelola";
        await FormAsync("bangun-terpakai");
        foreach (var (code, message) in new[]
        {
            ("Konseling Karier", "Kode harus 3–60 karakter huruf kecil, angka dan tanda hubung, misalnya konseling-karier. Kode menjadi alamat formulir."),
            ("status", "Kode 'status' dipakai halaman cek status permohonan; pilih kode lain."),
            ("bangun-terpakai", "Kode 'bangun-terpakai' sudah dipakai formulir lain."),
        })
        {
            using var refused = await admin.SubmitAsync(list, "form.new-form", new Dictionary<string, string> { ["Kode"] = code, ["Judul"] = "Konseling Karier" });
            var page = await TestClient.ParseAsync(refused);
            Assert.Equal(message, page.QuerySelector("[data-valmsg-for='Kode']")!.TextContent);
            Assert.Equal(code, page.QuerySelector("input[name='Kode']")!.GetAttribute("value"));
        }

        using var created = await admin.SubmitAsync(list, "form.new-form", new Dictionary<string, string> { ["Kode"] = "konseling-karier", ["Judul"] = "Konseling Karier" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        using var anonymous = platform.Client();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.PageAsync($"{_campus.Prefix}/formulir/konseling-karier")).Status);
        var (_, index) = await anonymous.PageAsync($"{_campus.Prefix}/formulir");
        Assert.DoesNotContain("konseling-karier", index.Body!.InnerHtml);

        using (await admin.SubmitAsync(Editor("konseling-karier"), "form[action*='handler=Terbitkan']", new Dictionary<string, string>())) { }
        var (status, form) = await anonymous.PageAsync($"{_campus.Prefix}/formulir/konseling-karier");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["nama", "email"], FieldOrder(form, "form.intake [data-isian]"));
    }

    [Fact]
    public async Task Without_manage_forms_the_builder_is_refused()
    {
        var kode = await FormAsync("bangun-izin");
        using var admin = await AdminAsync();
        var (_, editor) = await admin.PageAsync(Editor(kode));
        var (_, dashboard) = await admin.PageAsync($"{_campus.Prefix}/admin");
        Assert.NotNull(dashboard.QuerySelector("nav.admin-nav a[data-menu='admin/formulir/kelola']"));

        using var staff = platform.Client();
        await staff.SignInAsync(_campus.Prefix, await _sop.EmailOfAsync("Staf Konseling & Asesmen"), "Demo12345");
        var (_, staffDashboard) = await staff.PageAsync($"{_campus.Prefix}/admin");
        Assert.Null(staffDashboard.QuerySelector("nav.admin-nav a[data-menu='admin/formulir/kelola']"));
        foreach (var path in new[] { $"{_campus.Prefix}/admin/formulir/kelola", Editor(kode), $"{Editor(kode)}/isian/nama", $"{Editor(kode)}/pratinjau" })
        {
            using var refused = await staff.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.Contains("/akun/akses-ditolak", refused.Headers.Location!.OriginalString);
        }
        var (_, own) = await staff.PageAsync($"{_campus.Prefix}/admin");
        using var posted = await staff.PostWithTokenAsync(own, $"{Editor(kode)}?handler=Hapus", new Dictionary<string, string> { ["isian"] = "hp" });
        Assert.Contains("/akun/akses-ditolak", posted.Headers.Location!.OriginalString);
        var (_, unchanged) = await admin.PageAsync(Editor(kode));
        Assert.Equal(FieldOrder(editor, ".builder-field"), FieldOrder(unchanged, ".builder-field"));
        Assert.Null(unchanged.QuerySelector("#status-draf"));

        using var anonymous = platform.Client();
        using var signIn = await anonymous.GetAsync(Editor(kode));
        Assert.Contains("/akun/masuk", signIn.Headers.Location!.OriginalString);
    }

    /// <summary>Opens a field's page and posts it as a browser would: every input, select and textarea as shown, with some changed.</summary>
    internal static async Task<HttpResponseMessage> PostFieldPageAsync(TestClient client, string editor, string id, Dictionary<string, string> changes)
    {
        var path = $"{editor}/isian/{id}";
        var (status, page) = await client.PageAsync(path);
        Assert.Equal(HttpStatusCode.OK, status);
        var values = new Dictionary<string, string>();
        foreach (var select in page.QuerySelectorAll("form.field-editor select")) values[select.GetAttribute("name")!] = Selected(select);
        foreach (var area in page.QuerySelectorAll<IHtmlTextAreaElement>("form.field-editor textarea")) values[area.Name!] = area.Value;
        foreach (var (name, value) in changes) values[name] = value;
        return await client.SubmitAsync(page, "form.field-editor", values, path);
    }

    private Task<HttpResponseMessage> EditFieldAsync(TestClient client, string kode, string id, Dictionary<string, string> changes) =>
        PostFieldPageAsync(client, Editor(kode), id, changes);

    private async Task PostFieldActionAsync(TestClient client, string kode, string id, string handler)
    {
        using var response = await client.SubmitAsync(Editor(kode), $"[data-isian='{id}'] form[action*='handler={handler}']", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    /// <summary>The value a browser would send for a select: the selected option, else the first.</summary>
    internal static string Selected(IElement select) =>
        (select.QuerySelector("option[selected]") ?? select.QuerySelector("option"))?.GetAttribute("value") ?? "";

    internal static List<string> FieldOrder(IDocument page, string selector) =>
        page.QuerySelectorAll(selector).Select(e => e.GetAttribute("data-isian")!).ToList();

    private static string? Error(IDocument page, string input) => page.QuerySelector($"[data-valmsg-for='Input.{input}']")?.TextContent;
}
