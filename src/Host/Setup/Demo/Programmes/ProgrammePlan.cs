using CampusKonseling.Host.Setup.Demo.Texts;
using CampusKonseling.Programs.Data;
using CampusKonseling.Sop.Definitions;

namespace CampusKonseling.Host.Setup.Demo.Programmes;

/// <param name="Mulai">The session's start; <paramref name="Dibuat"/> when the committee put the programme in, a month before.</param>
public sealed record ProgrammeBrief(int Nomor, ProgramKind Kind, SopDefinition Definition, string Judul, string Tema, string Narasumber, string Tempat,
    int Kapasitas, DateTimeOffset Dibuat, DateTimeOffset Buka, DateTimeOffset Tutup, DateTimeOffset Mulai, DateTimeOffset Selesai, int Pendaftar);

/// <summary>
/// The semester's programmes of each kind: most held already (registrations, attendance, evaluation, report), one open for
/// registration now, one planned for next month.
/// </summary>
public static class ProgrammePlan
{
    public static IReadOnlyList<ProgrammeBrief> Make(Campus campus, int perKind, Random rng, DateTimeOffset now)
    {
        var briefs = new List<ProgrammeBrief>();
        foreach (var (kind, definition) in campus.Kinds)
        {
            var titles = kind.Jenis == "workshop" ? Texts.Programmes.Workshop : Texts.Programmes.Sosialisasi;
            var past = Math.Max(1, perKind - 2);
            for (var i = 0; i < perKind; i++)
            {
                // Held ones every few weeks back from two weeks ago (time to report and evaluate); then one in ten days and one in five weeks.
                var daysFromNow = i < past ? -14 - (past - 1 - i) * (16 * 7 / Math.Max(1, past)) : i == past ? 10 : 35;
                var day = DateOnly.FromDateTime(campus.Local(now)).AddDays(daysFromNow);
                while (!campus.Calendar.IsWorkingDay(day) || day.DayOfWeek is DayOfWeek.Monday or DayOfWeek.Friday) day = day.AddDays(1);
                var mulai = campus.At(day, new TimeOnly(8, 30));
                var kapasitas = kind.Jenis == "workshop" ? rng.Pick([60, 80, 100]) : rng.Pick([120, 150, 200]);
                var (judul, tema) = titles[i % titles.Length];
                briefs.Add(new ProgrammeBrief(briefs.Count, kind, definition, judul, tema, rng.Pick(Texts.Programmes.Narasumber), rng.Pick(Texts.Programmes.Tempat),
                    kapasitas, Earlier(campus.At(day.AddDays(-30), new TimeOnly(9, rng.Next(0, 50))), now.AddDays(-3)), campus.At(day.AddDays(-21), new TimeOnly(8, 0)),
                    campus.At(day.AddDays(-2), new TimeOnly(16, 0)), mulai, mulai.AddHours(3.5), (int)(kapasitas * rng.Between(0.45, 0.8))));
            }
        }
        return briefs;
    }

    private static DateTimeOffset Earlier(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
