using CampusKonseling.Audit;
using CampusKonseling.Privasi.Data;
using CampusKonseling.Privasi.Hak;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CampusKonseling.Privasi.Pages.Privasi.Public;

/// <summary>The download of a copy, for either way a person reaches their requests; the caller has checked the request is theirs.</summary>
public static class Salinan
{
    public static async Task<IActionResult> UnduhAsync(PageModel page, PermintaanRow row, string? format, SalinanData salinan, IAuditLog audit, CancellationToken ct)
    {
        if (row.Jenis != JenisHak.Akses || row.DijawabPada is null) return page.NotFound();
        var copy = await salinan.HimpunAsync(row, ct);
        await audit.RecordAsync(new AuditEvent(AuditKinds.Unduh, "privasi-permintaan", row.Id.ToString(), $"Salinan data pribadi {row.Nomor} diunduh oleh subjek data"), ct);
        return format == "pdf"
            ? page.File(SalinanPdf.Render(copy), "application/pdf", $"data-pribadi-{row.Nomor}.pdf")
            : page.File(SalinanData.Json(copy), "application/json; charset=utf-8", $"data-pribadi-{row.Nomor}.json");
    }
}
