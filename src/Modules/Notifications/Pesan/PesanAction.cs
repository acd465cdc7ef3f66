using CampusKonseling.Cases;
using CampusKonseling.Modules;
using CampusKonseling.Notifications.Channels;
using CampusKonseling.Notifications.Data;
using CampusKonseling.Notifications.Outbox;
using CampusKonseling.Shell;
using CampusKonseling.Site;
using CampusKonseling.Users;
using CampusKonseling.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CampusKonseling.Notifications.Pesan;

/// <summary>
/// "pesan": the system writes to the client from the step's template, by e-mail and, where the campus has a phone channel,
/// by SMS/WhatsApp. The messages go through the outbox tagged with the step's activation; when all of them are delivered
/// the step completes (<see cref="StepMessageSignals"/>), so its completion time is the delivery time. A failed delivery
/// leaves the step open, and it falls overdue and is escalated like any other.
/// </summary>
public sealed class PesanAction(
    NotificationsDb db, ShellFeatureServices features, IUserDirectory directory, ChannelSettingsStore channels, PublicLinks links,
    ISiteSettings site, CampusClock campusClock, OutboxSignal signal, CurrentShell current, TimeProvider clock, ILogger<PesanAction> logger) : IAutomaticStepAction
{
    public string Jenis => AksiJenis.Pesan;

    // Context keys the SOP module reserves (Sop.Definitions.Konteks) and the intake form sets.
    private const string KonteksKlien = "klien", KonteksKode = "kodePelacakan", KonteksSaluran = "saluran";

    public async Task PerformAsync(StepActionContext context, CancellationToken ct = default)
    {
        // Once per activation, however often the runtime is asked (a retry after a crash must not write twice).
        if (await db.Outbox.AnyAsync(m => m.SopActivationId == context.ActivationId, ct)) return;
        var template = await db.PesanTemplat.AsNoTracking().FirstOrDefaultAsync(t => t.Kode == context.Aksi.Templat, ct);
        if (template is null)
        {
            logger.LogError("SOP {Kode} step {Step}: message template {Templat} does not exist; the step stays open", context.SopKode, context.StepId, context.Aksi.Templat);
            return;
        }
        var client = await ClientAsync(context, ct);
        if (client is null || (string.IsNullOrWhiteSpace(client.Email) && string.IsNullOrWhiteSpace(client.Telepon)))
        {
            logger.LogWarning("SOP {Kode} step {Step}: instance {Instance} has no client address; the step stays open", context.SopKode, context.StepId, context.InstanceId);
            return;
        }
        var campus = await site.GetAsync(ct);
        var values = new Dictionary<string, string>
        {
            ["nama"] = client.Nama, ["kode"] = client.KodePelacakan ?? "", ["nomorKasus"] = client.Nomor ?? "",
            ["saluran"] = context.Konteks.GetValueOrDefault(KonteksSaluran) ?? "",
            ["tautanStatus"] = links.Absolute(client.KodePelacakan is { Length: > 0 } kode ? $"formulir/status?kode={Uri.EscapeDataString(kode)}" : "formulir/status") ?? "",
            ["tautanPermohonan"] = links.Absolute("permohonan-saya") ?? "",
            ["kampus"] = campus.CampusName, ["unit"] = campus.UnitName ?? campus.CampusName,
        };
        var now = clock.GetUtcNow();
        var judul = TemplateText.Render(template.Judul, values);
        if (!string.IsNullOrWhiteSpace(client.Email))
            db.Outbox.Add(Message(context, OutboxChannels.Email, client.Email, judul, TemplateText.Render(template.Isi, values), now));
        var phone = await channels.GetAsync(ct);
        if (phone.GatewayReady && !string.IsNullOrWhiteSpace(client.Telepon))
        {
            var teks = template.Teks is { } t ? TemplateText.Render(t, values) : $"{judul} {values["tautanStatus"]}";
            db.Outbox.Add(Message(context, phone.GatewayJenis, client.Telepon, teks.Length > 80 ? teks[..80] + "…" : teks, teks, now));
        }
        await db.SaveChangesAsync(ct);
        signal.Wake(current.Shell.Name);
    }

    /// <summary>"pesan terkirim 12/01/2030 22:00:04 (email, whatsapp)" once every message of this activation is delivered.</summary>
    public async Task<string?> EvidenceAsync(StepActionContext context, CancellationToken ct = default)
    {
        var sent = await db.Outbox.AsNoTracking().Where(m => m.SopActivationId == context.ActivationId).OrderBy(m => m.Id)
            .Select(m => new { m.Saluran, m.Status, m.TerkirimPada }).ToListAsync(ct);
        if (sent.Count == 0 || sent.Any(m => m.Status != OutboxStatus.Terkirim)) return null;
        var time = await campusClock.GetAsync(ct);
        var at = time.Format(sent.Max(m => m.TerkirimPada)!.Value, "dd/MM/yyyy HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        return $"pesan terkirim {at} ({string.Join(", ", sent.Select(m => m.Saluran).Distinct())})";
    }

    private static OutboxMessage Message(StepActionContext context, string saluran, string to, string judul, string isi, DateTimeOffset now) => new()
    {
        Saluran = saluran, Penerima = to, Judul = judul, Isi = isi, Status = OutboxStatus.Menunggu, DibuatPada = now, KirimSetelah = now,
        SopActivationId = context.ActivationId, SopInstanceId = context.InstanceId, SopStepId = context.StepId,
    };

    /// <summary>The client as their case knows them (the address they gave in the form), else their account.</summary>
    private async Task<CaseClient?> ClientAsync(StepActionContext context, CancellationToken ct)
    {
        var kode = context.Konteks.GetValueOrDefault(KonteksKode);
        var fromCase = features.Contract<ICaseLookup>() is { } cases ? await cases.ClientAsync(context.InstanceId, ct) : null;
        var account = context.Konteks.TryGetValue(KonteksKlien, out var id) ? (await directory.UsersAsync([id], ct)).FirstOrDefault() : null;
        if (fromCase is null && account is null) return null;
        return new CaseClient(fromCase?.Nomor ?? "", fromCase?.Nama ?? account!.Nama, Blank(fromCase?.Email) ?? account?.Email, Blank(fromCase?.Telepon) ?? account?.Telepon,
            fromCase?.KodePelacakan ?? kode, fromCase?.PenggunaId ?? account?.Id);
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}
