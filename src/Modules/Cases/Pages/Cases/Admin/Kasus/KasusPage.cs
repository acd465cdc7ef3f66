using CampusKonseling.Cases.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Cases.Pages.Cases.Admin.Kasus;

/// <summary>
/// A tab of the case page (ringkasan, klien, catatan, jadwal, disposisi, rujukan, dokumen, surat): the shared header, the
/// message after a change, and where each tab's form returns. Each tab's model adds only the services of its own activity.
/// </summary>
public abstract class KasusPage(KasusHeaders headers, IStringLocalizer<S> localizer) : PageModel
{
    protected IStringLocalizer<S> T { get; } = localizer;

    /// <summary>The tab's path segment after <c>admin/kasus/{id}</c> ("" for the summary).</summary>
    public abstract string Tab { get; }

    public KasusHeader Header { get; private set; } = null!;
    public CaseRow Case => Header.Case;
    public TimeZoneInfo Zone => Header.Zone;
    /// <summary>The campus's clock: every time on the page is shown as the campus reads it, with its zone's name (WIB, WITA, WIT).</summary>
    public CampusKonseling.Site.CampusTime Time => Header.Time;
    public bool Open => Header.Open;
    public bool CanReadCounseling => Header.CanReadCounseling;
    /// <summary>A time with the zone's name; a date alone (a format without hours) without it.</summary>
    public string Local(DateTimeOffset at, string format = CampusKonseling.Site.CampusTime.DefaultFormat) => format.Contains('H') ? Time.Format(at, format) : Time.Date(at, format);

    /// <summary>Refusals by field (or form) name, shown beside what they concern.</summary>
    public Dictionary<string, string> Errors { get; } = [];
    [TempData] public string? Message { get; set; }

    public string TabUrl(string tab) => Url.Content($"~/admin/kasus/{Case.Id}" + (tab.Length == 0 ? "" : "/" + tab));

    protected async Task<bool> LoadCaseAsync(Guid id, CancellationToken ct)
    {
        if (await headers.LoadAsync(User, id, ct) is not { } header) return false;
        Header = header;
        return true;
    }

    /// <summary>Done: back to this tab (a fresh GET), where the message says what happened.</summary>
    protected IActionResult Done(string message)
    {
        Message = message;
        return Redirect(TabUrl(Tab));
    }

    protected IActionResult Closed()
    {
        Errors["Tutup"] = T["Kasus ini sudah ditutup dan diarsipkan; yang dapat ditambahkan hanya koreksi (catatan koreksi atau versi baru surat)."];
        return Page();
    }
}
