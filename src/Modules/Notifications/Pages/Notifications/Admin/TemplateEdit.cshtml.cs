using System.Security.Claims;
using CampusKonseling.Notifications.Data;
using CampusKonseling.Notifications.Templates;
using CampusKonseling.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Notifications.Pages.Notifications.Admin;

/// <summary>One message in one language: the campus's wording, checked for unknown placeholders, with a preview; or back to the default.</summary>
[RequirePermission(CampusKonseling.Notifications.Permissions.ManageNotifications)]
public sealed class TemplateEditModel(MessageComposer composer, NotificationsDb db, TimeProvider clock, IStringLocalizer<S> T) : PageModel
{
    public MessageTemplate Template { get; private set; } = null!;
    [BindProperty(SupportsGet = true)] public string Kode { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string Bahasa { get; set; } = "id";
    [BindProperty] public string Judul { get; set; } = "";
    [BindProperty] public string Isi { get; set; } = "";
    public bool IsOwn { get; private set; }
    public ComposedMessage? Preview { get; private set; }
    [TempData] public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Find()) return NotFound();
        var own = await db.Templates.AsNoTracking().FirstOrDefaultAsync(t => t.Kode == Kode && t.Bahasa == Bahasa, ct);
        IsOwn = own is not null;
        Judul = own?.Judul ?? Default(Template.Judul);
        Isi = own?.Isi ?? Default(Template.Isi);
        Preview = Sample();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!Find()) return NotFound();
        Judul = (Judul ?? "").Trim();
        Isi = (Isi ?? "").Replace("\r", "").Trim();
        if (Judul.Length == 0) ModelState.AddModelError(nameof(Judul), T["Judul wajib diisi."]);
        if (Judul.Length > 300) ModelState.AddModelError(nameof(Judul), T["Paling panjang 300 karakter."]);
        if (Isi.Length == 0) ModelState.AddModelError(nameof(Isi), T["Isi pesan wajib diisi."]);
        var known = Template.SemuaIsian.ToHashSet();
        foreach (var (field, text) in new[] { (nameof(Judul), Judul), (nameof(Isi), Isi) })
            if (TemplateText.Names(text).Where(n => !known.Contains(n)).Distinct().ToList() is { Count: > 0 } unknown)
                ModelState.AddModelError(field, T["Isian tidak dikenal: {0}. Yang tersedia: {1}.", string.Join(", ", unknown.Select(u => "{" + u + "}")), string.Join(", ", known.Select(k => "{" + k + "}"))]);
        IsOwn = await db.Templates.AnyAsync(t => t.Kode == Kode && t.Bahasa == Bahasa, ct);
        if (!ModelState.IsValid)
        {
            Preview = Sample();
            return Page();
        }
        var row = await db.Templates.FirstOrDefaultAsync(t => t.Kode == Kode && t.Bahasa == Bahasa, ct);
        var by = User.FindFirstValue(ClaimTypes.Email) ?? User.Identity?.Name ?? "";
        if (row is null) db.Templates.Add(new TemplateOverride { Kode = Kode, Bahasa = Bahasa, Judul = Judul, Isi = Isi, DiubahPada = clock.GetUtcNow(), DiubahOleh = by });
        else
        {
            row.Judul = Judul;
            row.Isi = Isi;
            row.DiubahPada = clock.GetUtcNow();
            row.DiubahOleh = by;
        }
        await db.SaveChangesAsync(ct);
        Message = T["Templat disimpan."];
        return Redirect(Url.Content($"~/admin/templat-pesan/{Kode}/{Bahasa}"));
    }

    public async Task<IActionResult> OnPostBawaanAsync(CancellationToken ct)
    {
        if (!Find()) return NotFound();
        await db.Templates.Where(t => t.Kode == Kode && t.Bahasa == Bahasa).ExecuteDeleteAsync(ct);
        Message = T["Templat dikembalikan ke bawaan."];
        return Redirect(Url.Content($"~/admin/templat-pesan/{Kode}/{Bahasa}"));
    }

    private bool Find()
    {
        if (Bahasa is not ("id" or "en") || composer.Find(Kode) is not { } template) return false;
        Template = template;
        return true;
    }

    private string Default(CampusKonseling.Modules.LocalizedText text) => Bahasa == "en" ? text.En : text.Id;

    /// <summary>The message with every placeholder shown as its own name in brackets, for the admin to read the layout.</summary>
    private ComposedMessage Sample()
    {
        var values = Template.SemuaIsian.ToDictionary(n => n, n => $"[{n}]");
        return new ComposedMessage(TemplateText.Render(Judul, values), TemplateText.Render(Isi, values));
    }
}
