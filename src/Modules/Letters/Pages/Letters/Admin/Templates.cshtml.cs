using CampusKonseling.Letters.Data;
using CampusKonseling.Security;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Letters.Pages.Letters.Admin;

/// <summary>The campus's letter templates with their number pattern and how many numbers each has given this year.</summary>
[RequirePermission(CampusKonseling.Letters.Permissions.ManageLetters)]
public sealed class TemplatesModel(LettersDb db, TimeProvider clock) : PageModel
{
    public sealed record Row(string Kode, string Judul, string Pola, int TahunIni);

    public IReadOnlyList<Row> Items { get; private set; } = [];
    public int Tahun { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Tahun = clock.GetUtcNow().Year;
        var year = Tahun;
        Items = await db.Templates.AsNoTracking().OrderBy(t => t.Judul)
            .Select(t => new Row(t.Kode, t.Judul, t.PolaNomor,
                db.Counters.Where(c => c.TemplatId == t.Id && c.Tahun == year).Select(c => c.Urut).FirstOrDefault()))
            .ToListAsync(ct);
    }
}
