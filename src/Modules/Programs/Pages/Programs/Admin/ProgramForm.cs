using CampusKonseling.Programs.Data;
using CampusKonseling.Programs.Work;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Programs.Pages.Programs.Admin;

/// <summary>The program's details as staff enter them, shared by the new and the edit page (<c>_ProgramForm</c>).</summary>
public abstract class ProgramFormModel(IStringLocalizer<S> localizer) : PageModel
{
    protected IStringLocalizer<S> T { get; } = localizer;
    public const int MaxSesi = 5;
    [BindProperty] public string? Judul { get; set; }
    [BindProperty] public string? Tema { get; set; }
    [BindProperty] public string? Narasumber { get; set; }
    [BindProperty] public string? Tempat { get; set; }
    [BindProperty] public string? Tautan { get; set; }
    [BindProperty] public string? Sasaran { get; set; }
    [BindProperty] public string? Kapasitas { get; set; }
    [BindProperty] public DateTime? PendaftaranBuka { get; set; }
    [BindProperty] public DateTime? PendaftaranTutup { get; set; }
    [BindProperty] public List<SessionForm> Sesi { get; set; } = [];
    public Dictionary<string, string> Errors { get; } = [];

    public sealed class SessionForm
    {
        public DateOnly? Tanggal { get; set; }
        public TimeOnly? Mulai { get; set; }
        public TimeOnly? Selesai { get; set; }
        public string? Keterangan { get; set; }
    }

    /// <summary>What was posted, or null with the reasons in <see cref="Errors"/> when a value could not even be read.</summary>
    protected ProgramInput? Input(string? jenisKode)
    {
        // A value the browser could not read as a date or number comes back as a model error: say so beside the field.
        foreach (var (key, _) in ModelState.Where(e => e.Value?.Errors.Count > 0))
            Errors[key.StartsWith("Sesi") ? key[..(key.IndexOf(']') + 1)] : key] = key.StartsWith("Sesi")
                ? T["Tanggal atau jam sesi tidak terbaca; gunakan pemilih tanggal dan jam."] : T["Isian ini tidak terbaca; gunakan pemilih tanggal dan jam."];
        int? kapasitas = null;
        if (!string.IsNullOrWhiteSpace(Kapasitas))
        {
            if (int.TryParse(Kapasitas.Trim(), out var k)) kapasitas = k;
            else Errors[nameof(Kapasitas)] = T["Kapasitas harus berupa angka, atau kosong bila tidak dibatasi."];
        }
        return Errors.Count > 0 ? null : new ProgramInput(jenisKode, Judul, Tema, Narasumber, Tempat, Tautan, Sasaran, kapasitas, PendaftaranBuka, PendaftaranTutup,
            Sesi.Take(MaxSesi).Select(s => new SessionInput(s.Tanggal, s.Mulai, s.Selesai, s.Keterangan)).ToList());
    }

    /// <summary>Fills the form from a saved program, in the campus's time.</summary>
    protected void Fill(ProgramRow p, IReadOnlyList<SessionRow> sessions, TimeZoneInfo zone)
    {
        DateTime Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, zone).DateTime;
        (Judul, Tema, Narasumber, Tempat, Tautan, Sasaran, Kapasitas) = (p.Judul, p.Tema, p.Narasumber, p.Tempat, p.Tautan, p.Sasaran, p.Kapasitas?.ToString());
        PendaftaranBuka = p.PendaftaranBuka is { } b ? Local(b) : null;
        PendaftaranTutup = p.PendaftaranTutup is { } t ? Local(t) : null;
        Sesi = sessions.Select(s => new SessionForm
        {
            Tanggal = DateOnly.FromDateTime(Local(s.Mulai)), Mulai = TimeOnly.FromDateTime(Local(s.Mulai)), Selesai = TimeOnly.FromDateTime(Local(s.Selesai)), Keterangan = s.Keterangan,
        }).ToList();
    }
}
