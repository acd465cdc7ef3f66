using System.Security.Claims;
using CampusKonseling.Navigation;
using CampusKonseling.Programs.Data;
using CampusKonseling.Security;
using CampusKonseling.Site;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Programs.Work;

/// <summary>The dashboard's programme card: those coming up (with registrations against capacity) and those held but not yet reported.</summary>
public sealed class ProgrammeCard(ProgramsDb db, IPermissionService permissions, CampusClock clock, IStringLocalizer<S> T) : IDashboardCard
{
    public async Task<KartuDasbor?> BuildAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (!await permissions.HasPermissionAsync(user, Permissions.ViewPrograms)) return null;
        var time = await clock.GetAsync(ct);
        var now = time.Now.ToUniversalTime();
        var open = db.Programs.AsNoTracking().Where(p => p.Status != ProgramStatus.Selesai && p.Status != ProgramStatus.Dibatalkan);
        var coming = await open.Where(p => p.Mulai != null && p.Mulai > now).OrderBy(p => p.Mulai).Take(3)
            .Select(p => new { p.Id, p.Judul, p.Mulai, p.Kapasitas, Terdaftar = db.Participants.Count(x => x.ProgramId == p.Id && x.Status == StatusPeserta.Terdaftar) })
            .ToListAsync(ct);
        var upcoming = await open.CountAsync(p => p.Mulai != null && p.Mulai > now, ct);
        var held = await open.CountAsync(p => p.Mulai != null && p.Mulai <= now, ct);
        var lines = coming.Select(p => T["{0} — {1}, {2} pendaftar", p.Judul, time.Format(p.Mulai!.Value, "dd/MM/yyyy HH:mm"),
            p.Kapasitas is { } k ? $"{p.Terdaftar}/{k}" : p.Terdaftar.ToString()].Value).ToList();
        return new KartuDasbor(30, T["Program"],
        [
            new(T["Akan datang"], upcoming, "~/admin/program"),
            new(T["Sudah berjalan, SOP belum selesai"], held, "~/admin/program", held > 0 ? NadaAngka.Perhatian : NadaAngka.Biasa),
        ], "~/admin/program", T["Buka daftar program"]) { Baris = lines };
    }
}
