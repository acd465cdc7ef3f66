using CampusKonseling.Forms.Data;
using CampusKonseling.Forms.Intake;
using CampusKonseling.Programs.Data;
using CampusKonseling.Shell;
using CampusKonseling.Site;
using CampusKonseling.Sop.Data;
using CampusKonseling.Sop.Definitions;
using CampusKonseling.Sop.Waktu;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Host.Setup.Demo;

/// <summary>A case SOP of the campus and the form that opens it, if one does.</summary>
public sealed record CaseSop(SopDefinition Definition, FormVersion? Form);

/// <summary>What the demo semester is written from: the campus's settings, its SOPs (case and programme), forms and programme kinds.</summary>
public sealed record Campus(string Name, CampusSettings Settings, TimeZoneInfo Zone, WorkingCalendar Calendar,
    IReadOnlyList<CaseSop> CaseSops, IReadOnlyList<(ProgramKind Kind, SopDefinition Definition)> Kinds, bool HasDirectory)
{
    public static async Task<Campus> LoadAsync(IServiceProvider services, CancellationToken ct)
    {
        var shell = services.GetRequiredService<CurrentShell>().Shell;
        var settings = await services.GetRequiredService<ISiteSettings>().GetAsync(ct);
        var sop = services.GetRequiredService<SopDb>();
        var definitions = (await sop.Definitions.AsNoTracking()
                .Join(sop.Versions.AsNoTracking(), d => new { d.Id, V = d.VersiAktif }, v => new { Id = v.DefinitionId, V = v.Versi }, (d, v) => v.Json)
                .ToListAsync(ct))
            .Select(DefinitionJson.Deserialize).OrderBy(d => d.Kode, StringComparer.Ordinal).ToList();
        var forms = new List<FormVersion>();
        if (shell.IsEnabled("Forms"))
        {
            var catalog = services.GetRequiredService<FormCatalog>();
            foreach (var kode in await services.GetRequiredService<FormsDb>().Forms.AsNoTracking().Where(f => f.VersiAktif > 0).OrderBy(f => f.Kode).Select(f => f.Kode).ToListAsync(ct))
                if (await catalog.CurrentAsync(kode, ct) is { } form) forms.Add(form);
        }
        var kinds = shell.IsEnabled("Programs")
            ? await services.GetRequiredService<ProgramsDb>().Kinds.AsNoTracking().OrderBy(k => k.Kode).ToListAsync(ct)
            : [];
        var programmeSops = kinds.Select(k => k.SopKode).ToHashSet();
        var caseSops = shell.IsEnabled("Cases")
            ? definitions.Where(d => !programmeSops.Contains(d.Kode) && d.Jadwal.Count == 0
                    && !d.Langkah.Any(l => CampusKonseling.Privasi.SopPrivasi.Is(l.Masuk)))
                .Select(d => new CaseSop(d, forms.FirstOrDefault(f => f.Form.Sop == d.Kode))).ToList()
            : [];
        var programmeKinds = kinds.Where(k => definitions.Any(d => d.Kode == k.SopKode))
            .Select(k => (k, definitions.First(d => d.Kode == k.SopKode))).ToList();
        return new Campus(shell.Name, settings, CampusKonseling.Site.CampusClock.Zone(settings.TimeZone), new WorkingCalendar(settings),
            caseSops, programmeKinds, shell.IsEnabled("Directory"));
    }

    /// <summary>A local wall-clock time of the campus as an instant.</summary>
    public DateTimeOffset At(DateOnly date, TimeOnly time) =>
        new(TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(date.ToDateTime(time), DateTimeKind.Unspecified), Zone), TimeSpan.Zero);

    public DateTime Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone).DateTime;

    /// <summary>A moment of working hours at most <paramref name="maxMinutes"/> of working time before <paramref name="now"/> (today's, else the last working day's).</summary>
    public DateTimeOffset RecentWorkingMoment(DateTimeOffset now, Random rng, int maxMinutes)
    {
        var local = Local(now);
        var day = DateOnly.FromDateTime(local);
        var start = Settings.WorkStart;
        if (!Calendar.IsWorkingDay(day) || TimeOnly.FromDateTime(local) < start.AddMinutes(30))
        {
            do day = day.AddDays(-1); while (!Calendar.IsWorkingDay(day));
            local = day.ToDateTime(Settings.WorkEnd);
        }
        var until = TimeOnly.FromDateTime(local) < Settings.WorkEnd ? TimeOnly.FromDateTime(local) : Settings.WorkEnd;
        var span = Math.Max(5, Math.Min(maxMinutes, (int)(until - start).TotalMinutes - 10));
        return At(day, until.AddMinutes(-rng.Next(5, span)));
    }

    /// <summary>The working moment <paramref name="work"/> of working time after <paramref name="from"/>.</summary>
    public DateTimeOffset AddWorking(DateTimeOffset from, TimeSpan work) => Calendar.Add(from, work);
}
