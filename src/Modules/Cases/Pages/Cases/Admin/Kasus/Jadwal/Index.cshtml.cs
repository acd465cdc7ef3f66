using CampusKonseling.Cases.Data;
using CampusKonseling.Cases.Work;
using CampusKonseling.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Cases.Pages.Cases.Admin.Kasus.Jadwal;

/// <summary>The case's scheduling agreements (kesepakatan jadwal): make one, move it with a reason, cancel it; the client and counselor are told.</summary>
[RequirePermission(Permissions.ViewCases)]
public sealed class JadwalModel(KasusHeaders headers, Appointments appointments, IStringLocalizer<S> localizer) : KasusPage(headers, localizer)
{
    public override string Tab => "jadwal";
    public IReadOnlyList<Appointment> Agreements { get; private set; } = [];
    public Appointment? Current => Agreements.FirstOrDefault(a => a.Status == StatusJanji.Terjadwal);
    public JanjiInput Input { get; private set; } = new();
    public string? Password(Appointment a) => appointments.Password(a);

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadCaseAsync(id, ct)) return false;
        Agreements = await appointments.OfAsync(Case.Id, ct);
        return true;
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostJanjiAsync(Guid id, JanjiInput input, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Input = input;
        if (!Open) return Closed();
        var errors = await appointments.AgreeAsync(User, Case, input.ToAgreement(), input.Mengganti, input.Alasan, ct);
        if (errors.Count > 0)
        {
            foreach (var (k, v) in errors) Errors[k] = v;
            return Page();
        }
        return Done(input.Mengganti is null ? T["Kesepakatan jadwal disimpan; klien dan konselor diberi tahu."] : T["Jadwal diubah; klien dan konselor diberi tahu."]);
    }

    public async Task<IActionResult> OnPostBatalAsync(Guid id, Guid janji, string? alasan, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (await appointments.CancelAsync(User, Case, janji, alasan, ct) is { } refusal)
        {
            Errors["Batal"] = refusal;
            return Page();
        }
        return Done(T["Jadwal dibatalkan; klien dan konselor diberi tahu."]);
    }
}
