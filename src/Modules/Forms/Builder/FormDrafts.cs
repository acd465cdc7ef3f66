using System.Security.Claims;
using CampusKonseling.Forms.Data;
using CampusKonseling.Forms.Definitions;
using CampusKonseling.Forms.Intake;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Forms.Builder;

/// <summary>
/// The builder's drafts: each edit is saved at once on the form's row, so nothing is lost between
/// pages or devices; publishing turns the draft into the next version through <see cref="FormCatalog"/>.
/// </summary>
public sealed class FormDrafts(FormsDb db, FormCatalog catalog, TimeProvider clock)
{
    public Task<FormRow?> FindAsync(string kode, CancellationToken ct) => db.Forms.FirstOrDefaultAsync(f => f.Kode == kode, ct);

    /// <summary>The draft, or the active version a first edit starts from.</summary>
    public async Task<FormDefinition> WorkingCopyAsync(FormRow row, CancellationToken ct)
    {
        if (row.Draf is { } draft) return FormJson.Deserialize(draft);
        var json = await db.Versions.AsNoTracking().Where(v => v.FormId == row.Id && v.Versi == row.VersiAktif).Select(v => v.Json).FirstAsync(ct);
        return FormJson.Deserialize(json);
    }

    public async Task SaveAsync(FormRow row, FormDefinition form, ClaimsPrincipal user, CancellationToken ct)
    {
        if (row.Draf is null) row.DrafDariVersi = row.VersiAktif;
        row.Draf = FormJson.Serialize(form);
        row.DrafPada = clock.GetUtcNow();
        row.DrafOleh = By(user);
        await db.SaveChangesAsync(ct);
    }

    public async Task DiscardAsync(FormRow row, CancellationToken ct)
    {
        Clear(row);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A new form exists only as a draft (version 0) until it is published.</summary>
    public async Task<FormRow> CreateAsync(string kode, string judul, ClaimsPrincipal user, CancellationToken ct)
    {
        var row = new FormRow { Id = Guid.CreateVersion7(), Kode = kode, Judul = judul };
        db.Forms.Add(row);
        await SaveAsync(row, FormEdits.Starter(kode, judul), user, ct);
        return row;
    }

    /// <summary>The draft becomes the next version (or, unchanged, leaves the active one) and is cleared in the same save.</summary>
    public async Task<(int Versi, bool Created)> PublishAsync(FormRow row, FormDefinition form, ClaimsPrincipal user, CancellationToken ct)
    {
        Clear(row);
        var (_, versi, created) = await catalog.ImportAsync(form, By(user), ct);
        if (!created) await db.SaveChangesAsync(ct);
        return (versi, created);
    }

    public static string By(ClaimsPrincipal user) =>
        $"{user.FindFirst(ClaimTypes.GivenName)?.Value ?? user.Identity?.Name ?? "-"} <{user.Identity?.Name}>";

    private static void Clear(FormRow row)
    {
        row.Draf = null;
        row.DrafDariVersi = null;
        row.DrafPada = null;
        row.DrafOleh = null;
    }
}
