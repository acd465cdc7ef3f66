using System.Data.Common;
using CampusKonseling.Notifications;
using CampusKonseling.Programs.Data;
using CampusKonseling.Shell;
using CampusKonseling.Site;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Programs.Work;

/// <summary>What participants are e-mailed: their ticket (QR code, code, cancel link), a freed seat, the evaluation link.</summary>
public sealed class ParticipantMail(IOutbox outbox, PublicLinks links, ISiteSettings site, CampusClock campusClock, IStringLocalizer<S> T)
{
    public string? TicketUrl(ParticipantRow p) => links.Absolute($"program/tiket/{p.Token}");
    public string? EvaluationUrl(ParticipantRow p) => links.Absolute($"program/evaluasi/{p.Token}");

    public async Task ConfirmationAsync(ProgramRow program, ParticipantRow p, DbTransaction tx, CancellationToken ct)
    {
        if (p.Status == StatusPeserta.Menunggu)
            await SendAsync(p, T["Daftar tunggu: {0}", program.Judul], T["Kuota {0} sudah penuh, jadi Anda masuk daftar tunggu. Bila ada peserta yang membatalkan, kursinya diberikan menurut urutan daftar tunggu dan Anda akan menerima e-mail berisi kode QR.", program.Judul], program, p, ticket: false, tx, ct);
        else
            await SendAsync(p, T["Bukti pendaftaran: {0}", program.Judul], T["Anda terdaftar sebagai peserta {0}. Tunjukkan kode QR berikut kepada panitia saat datang.", program.Judul], program, p, ticket: true, tx, ct);
    }

    public Task PromotedAsync(ProgramRow program, ParticipantRow p, DbTransaction tx, CancellationToken ct) =>
        SendAsync(p, T["Anda mendapat kursi: {0}", program.Judul], T["Ada peserta yang membatalkan, sehingga Anda kini terdaftar sebagai peserta {0}. Tunjukkan kode QR berikut kepada panitia saat datang.", program.Judul], program, p, ticket: true, tx, ct);

    public Task CancelledAsync(ProgramRow program, ParticipantRow p, DbTransaction tx, CancellationToken ct) =>
        SendAsync(p, T["Pendaftaran dibatalkan: {0}", program.Judul], T["Pendaftaran Anda pada {0} sudah dibatalkan. Anda dapat mendaftar lagi selama pendaftaran masih dibuka.", program.Judul], program, p, ticket: false, tx, ct);

    public async Task EvaluationAsync(ProgramRow program, ParticipantRow p, DbTransaction tx, CancellationToken ct)
    {
        if (p.PersetujuanDitarikPada is not null) return;
        var campus = await site.GetAsync(ct);
        var url = EvaluationUrl(p) ?? "";
        var text = T["Yth. {0},\n\nTerima kasih telah mengikuti {1}. Mohon isi evaluasi singkat (kurang dari 2 menit) lewat tautan berikut:\n{2}\n\n{3}", p.Nama, program.Judul, url, campus.UnitName ?? campus.CampusName];
        await outbox.EnqueueAsync(new EmailMessage(p.Email, $"[{campus.CampusName}] " + T["Evaluasi: {0}", program.Judul], text), tx, ct);
    }

    /// <summary>The schedule or the venue moved: the participant's ticket stays valid.</summary>
    public Task ChangedAsync(ProgramRow program, ParticipantRow p, DbTransaction tx, CancellationToken ct) =>
        SendAsync(p, T["Perubahan jadwal atau tempat: {0}", program.Judul], T["Jadwal atau tempat {0} berubah. Waktu dan tempat terbaru ada di bawah; kode QR Anda tetap berlaku.", program.Judul], program, p, ticket: p.Status == StatusPeserta.Terdaftar, tx, ct);

    /// <summary>A cancelled program: everyone still registered or waiting is told.</summary>
    public Task ProgramCancelledAsync(ProgramRow program, ParticipantRow p, DbTransaction tx, CancellationToken ct) =>
        SendAsync(p, T["Program dibatalkan: {0}", program.Judul], T["Dengan menyesal kami sampaikan bahwa {0} dibatalkan. Pendaftaran Anda tidak perlu dibatalkan lagi. Mohon maaf atas ketidaknyamanannya.", program.Judul], program, p, ticket: false, tx, ct);

    public void Wake() => outbox.Wake();

    private async Task SendAsync(ParticipantRow p, string subject, string intro, ProgramRow program, ParticipantRow who, bool ticket, DbTransaction tx, CancellationToken ct)
    {
        // Consent withdrawn (or data erased): the processing that relied on it, this mail, stops.
        if (p.PersetujuanDitarikPada is not null) return;
        var campus = await site.GetAsync(ct);
        var when = program.Mulai is { } m ? campusClock.For(campus).Format(m, "dddd, d MMMM yyyy HH.mm") : "-";
        var where = program.Tempat ?? program.Tautan ?? "-";
        var url = TicketUrl(who);
        var lines = new List<string> { T["Yth. {0},", p.Nama], "", intro, "", T["Waktu: {0}", when], T["Tempat: {0}", where] };
        if (ticket) lines.Add(T["Kode peserta: {0}", p.Kode]);
        // The outbox sends plain text under the campus's letterhead (links made clickable): the QR code is one tap away.
        if (url is not null && ticket) lines.AddRange(["", T["Kode QR (tunjukkan di pintu masuk): {0}", url + "/qr.png"], T["Tiket dan pembatalan: {0}", url]]);
        else if (url is not null) lines.AddRange(["", T["Status pendaftaran dan pembatalan: {0}", url]]);
        lines.AddRange(["", campus.UnitName ?? campus.CampusName]);
        var text = string.Join("\n", lines);
        await outbox.EnqueueAsync(new EmailMessage(p.Email, $"[{campus.CampusName}] {subject}", text), tx, ct);
    }
}
