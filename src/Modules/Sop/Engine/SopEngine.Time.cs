using CampusKonseling.Sop.Definitions;
using CampusKonseling.Sop.Waktu;

namespace CampusKonseling.Sop.Engine;

/// <summary>When a step is due: its waktu counted in working or clock time from its activation, an earlier step or a date of the instance.</summary>
public sealed partial class SopEngine
{
    /// <summary>
    /// Due and reminder times from the step's waktu: counted from its activation, from a named earlier step's completion,
    /// or from or to a date of the instance (<see cref="Langkah.Acuan"/>; no due time until the date is known). Working
    /// time unless the SOP runs around the clock, the case is urgent, or the standard is written in calendar hours ("1 x 24 jam").
    /// </summary>
    public (DateTimeOffset? Due, DateTimeOffset? Remind) DueTimes(SopDefinition definition, Langkah step, SopInstance instance, DateTimeOffset activatedAt)
    {
        if (!WaktuParser.TryParse(step.Waktu, out var waktu, out _)) return (null, null);
        var share = definition.PengingatPersen / 100.0;
        var jamKerja = definition.JamKerja && instance.Konteks.GetValueOrDefault(Konteks.Darurat) != "ya";
        if (step.Acuan is { } acuan)
        {
            if (DateOf(instance, acuan) is not { } date) return (null, null);
            var due = waktu is null ? date : calendar.Due(waktu, date, jamKerja) ?? date;
            return (due, due > activatedAt ? activatedAt + (due - activatedAt) * share : null);
        }
        if (waktu is null || !waktu.HasDuration) return (null, null);
        var from = activatedAt;
        if (step.DihitungDari is { } earlier
            && instance.Riwayat.LastOrDefault(e => e.StepId == earlier && e.Jenis is StepEventKind.Diselesaikan or StepEventKind.Dilewati) is { } done)
            from = done.Pada;
        return (calendar.Add(from, waktu, jamKerja), calendar.Add(from, waktu, jamKerja, share));
    }

    /// <summary>A date of the instance (tanggal.{acuan}), as the module that knows it wrote it, as an instant in UTC (due times are stored so).</summary>
    public static DateTimeOffset? DateOf(SopInstance instance, string acuan) =>
        instance.Konteks.TryGetValue(Konteks.Tanggal(acuan), out var text)
        && DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind, out var at) ? at.ToUniversalTime() : null;
}
