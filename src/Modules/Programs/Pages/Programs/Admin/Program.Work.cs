using CampusKonseling.Notifications;
using CampusKonseling.Programs.Data;
using CampusKonseling.Programs.Work;
using CampusKonseling.Users;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Programs.Pages.Programs.Admin;

/// <summary>The committee, the audience and invitations, and the participants' handlers of the program page.</summary>
public sealed partial class ProgramModel
{
    [BindProperty] public string? PenggunaId { get; set; }
    [BindProperty] public string? PeranPanitia { get; set; }
    [BindProperty] public List<string> Prodi { get; set; } = [];
    [BindProperty] public List<int> Semester { get; set; } = [];
    [BindProperty] public string? StatusMahasiswa { get; set; }
    public IReadOnlyList<string> ProdiOptions { get; private set; } = [];
    public AudiencePreview? Preview { get; private set; }
    public bool DirectoryAvailable => audience.Directory is not null;
    public string AudienceText => audience.Describe(Program);

    private async Task LoadAudienceAsync(CancellationToken ct)
    {
        if (audience.Directory is not { } directory) return;
        ProdiOptions = await directory.ProdiAsync(ct);
        Preview = await audience.PreviewAsync(Audience.FilterOf(Program), ct);
    }

    public async Task<IActionResult> OnPostPanitiaAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!CanManage) return Forbid();
        if (Staff.FirstOrDefault(u => u.Id == PenggunaId) is not { } user) Errors[nameof(PenggunaId)] = T["Pilih anggota panitia dari daftar pengguna kampus."];
        else if (Committee.Any(c => c.UserId == user.Id)) Errors[nameof(PenggunaId)] = T["{0} sudah ada di panitia.", user.Nama];
        if (!Data.PeranPanitia.All.Contains(PeranPanitia)) Errors[nameof(PeranPanitia)] = T["Pilih peran dalam panitia."];
        else if (PeranPanitia == Data.PeranPanitia.Ketua && Committee.Any(c => c.Peran == Data.PeranPanitia.Ketua)) Errors[nameof(PeranPanitia)] = T["Panitia sudah punya ketua."];
        if (Errors.Count > 0) return Page();
        var u = Staff.First(x => x.Id == PenggunaId);
        db.Committee.Add(new CommitteeRow { Id = Guid.CreateVersion7(), ProgramId = id, UserId = u.Id, Nama = u.Nama, Email = u.Email, Peran = PeranPanitia! });
        await db.SaveChangesAsync(ct);
        // The committee is set with its first member: a Surat Tugas due "1 hari setelah ditetapkan panitia" counts from now.
        if (Committee.Count == 0 && Program.SopInstanceId is { } instance && !Program.SopSelesai)
            await sopSteps.UpdateAsync(instance, new Dictionary<string, string?> { [ProgramSopDates.Key(ProgramSopDates.Panitia)] = ProgramSopDates.Iso(clock.GetUtcNow(), Zone) }, ct);
        await notifier.NotifyUsersAsync([u.Id], new CampusKonseling.Notifications.Notification("program", T.Keyed("Anda ditetapkan sebagai {0}: {1}", T.Keyed(Data.PeranPanitia.Label(PeranPanitia!)), Program.Judul),
            T.Keyed("Anda masuk panitia {0}. Langkah SOP, peserta, dan surat ada di halaman program.", Program.Judul), $"admin/program/{id}"), ct);
        return Done(T["{0} ditambahkan sebagai {1}.", u.Nama, T[Data.PeranPanitia.Label(PeranPanitia!)]]);
    }

    public async Task<IActionResult> OnPostHapusPanitiaAsync(Guid id, Guid anggota, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!CanManage) return Forbid();
        await db.Committee.Where(c => c.Id == anggota && c.ProgramId == id).ExecuteDeleteAsync(ct);
        return Done(T["Anggota panitia dihapus."]);
    }

    /// <summary>Saves the audience filter; the page then shows how many students it reaches.</summary>
    public async Task<IActionResult> OnPostSasaranAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!CanManage) return Forbid();
        if (Semester.Any(s => s is < 1 or > 14)) Errors["Semester"] = T["Semester harus 1–14."];
        if (StatusMahasiswa is { Length: > 0 } st && !StudentStatus.All.Contains(st)) Errors["StatusMahasiswa"] = T["Pilih status mahasiswa dari daftar."];
        if (Errors.Count > 0) return Page();
        await audience.SaveAsync(Program, new StudentFilter(Prodi, Semester, StatusMahasiswa), ct);
        var preview = await audience.PreviewAsync(Audience.FilterOf(Program), ct);
        return Done(preview is null ? T["Sasaran disimpan."] : T["Sasaran disimpan: {0} mahasiswa ({1} dengan e-mail).", preview.Jumlah, preview.DenganEmail]);
    }

    public async Task<IActionResult> OnPostUndangAsync(Guid id, string saluran, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!CanManage) return Forbid();
        if (saluran == "peran" && Kind is not null)
        {
            var (letter, error) = await audience.InviteRoleAsync(Program, Kind, User.Identity?.Name ?? "-", ct);
            if (error is not null) { Errors["Undang"] = error; return Page(); }
            return Done(letter is null ? T["{0} diberi tahu untuk meneruskan undangan.", Kind.PeranPenerus!] : T["{0} diberi tahu untuk meneruskan undangan; surat pemberitahuan {1} dibuat.", Kind.PeranPenerus!, letter.Nomor]);
        }
        if (saluran == "email")
        {
            if (!DirectoryAvailable) { Errors["Undang"] = T["Direktori mahasiswa tidak aktif di kampus ini."]; return Page(); }
            var sent = await audience.InviteStudentsAsync(Program, User.Identity?.Name ?? "-", ct);
            if (sent == 0) { Errors["Undang"] = T["Tidak ada mahasiswa sasaran yang punya alamat e-mail."]; return Page(); }
            return Done(T["Undangan dikirim lewat e-mail kepada {0} mahasiswa.", sent]);
        }
        return BadRequest();
    }

    public async Task<IActionResult> OnPostBatalPesertaAsync(Guid id, Guid peserta, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!CanManage) return Forbid();
        var promoted = await registrations.CancelAsync(Program, peserta, ct);
        return Done(promoted is null ? T["Pendaftaran dibatalkan."] : T["Pendaftaran dibatalkan; {0} naik dari daftar tunggu dan diberi tahu lewat e-mail.", promoted.Nama]);
    }

    public async Task<IActionResult> OnPostRujukAsync(Guid id, Guid peserta, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!CanManage) return Forbid();
        var (nomor, error) = await referrals.ReferAsync(Program, peserta, ct);
        if (error is not null) { Errors["Rujuk"] = error; return Page(); }
        return Done(T["Peserta dirujuk ke konseling karier: kasus {0} dibuka.", nomor!]);
    }

    /// <summary>The attendance list (daftar hadir) for the committee's report, as CSV for a spreadsheet.</summary>
    public async Task<IActionResult> OnGetDaftarHadirAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!CanManage) return Forbid();
        var csv = new System.Text.StringBuilder();
        csv.AppendLine(string.Join(";", new[] { T["Nama"].Value, T["NIM"], T["Prodi"], T["E-mail"], T["Telepon"], T["Status"], T["Hadir"] }.Select(Cell)));
        foreach (var p in Participants.Where(p => p.Status != StatusPeserta.Batal))
            csv.AppendLine(string.Join(";", new[] { p.Nama, p.Nim ?? "", p.Prodi ?? "", p.Email, p.Telepon ?? "", T[p.Status].Value, p.HadirPada is { } h ? Local(h) : "" }.Select(Cell)));
        var bytes = System.Text.Encoding.UTF8.GetPreamble().Concat(System.Text.Encoding.UTF8.GetBytes(csv.ToString())).ToArray();
        return File(bytes, "text/csv; charset=utf-8", $"daftar-hadir-{Program.Id.ToString()[..8]}.csv");
    }

    /// <summary>A CSV cell, quoted; a leading = + - @ is defused so a spreadsheet never runs it as a formula.</summary>
    private static string Cell(string value)
    {
        if (value.Length > 0 && "=+-@".Contains(value[0])) value = "'" + value;
        return "\"" + value.Replace("\"", "\"\"") + "\"";
    }

    public async Task<IActionResult> OnPostEvaluasiAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!CanManage) return Forbid();
        var sent = await evaluations.SendLinksAsync(Program, ct);
        if (sent == 0) { Errors["Evaluasi"] = T["Tidak ada peserta hadir yang belum menerima tautan evaluasi."]; return Page(); }
        return Done(T["Tautan evaluasi dikirim kepada {0} peserta.", sent]);
    }
}
