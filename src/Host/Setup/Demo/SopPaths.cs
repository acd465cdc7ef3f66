using CampusKonseling.Sop.Definitions;
using CampusKonseling.Sop.Waktu;
using CampusKonseling.Workflows;

namespace CampusKonseling.Host.Setup.Demo;

/// <summary>
/// What a case entering an SOP one way can come to, read from the SOP's steps: whether it can stand open and on time
/// (a step with no time standard, a long one, or one due at a future appointment), stand overdue (a step with a time
/// standard after the first), or go through an external referral.
/// </summary>
public sealed record SopPaths(bool StaysNew, bool CanStandOnTime, bool CanFallOverdue, bool HasReferral)
{
    public static SopPaths Of(SopDefinition d, string masuk)
    {
        var reached = new List<Langkah>();
        var queue = new Queue<Langkah>([d.Pintu(masuk)]);
        while (queue.TryDequeue(out var step))
        {
            if (reached.Contains(step)) continue;
            reached.Add(step);
            foreach (var next in step.Lanjut.Concat(step.Pilihan.Select(p => p.Lanjut)))
                if (d.Find(next) is { } n) queue.Enqueue(n);
        }
        // Steps people do after the first one (a case that moved); the form's own steps are done on submission.
        var worked = reached.Where(s => s.Otomatis is null || (s.Otomatis == Pemicu.Formulir && masuk != "formulir")).Skip(1).ToList();
        return new SopPaths(WaitsForPeople(d, masuk), worked.Any(OnTime), worked.Any(Overdue), reached.Any(s => s.Aksi.Any(a => a.Jenis == AksiJenis.Rujukan)));
    }

    /// <summary>
    /// Whether a case that came in stays new until someone works it: not when the steps the form does lead straight into one
    /// the system does (UNPAM's answer by e-mail), after which the case has moved by itself.
    /// </summary>
    private static bool WaitsForPeople(SopDefinition d, string masuk)
    {
        var step = d.Pintu(masuk);
        for (var i = 0; i < d.Langkah.Count && step is not null; i++)
        {
            if (step.Otomatis is { } pemicu && pemicu != Pemicu.Formulir) return false;
            var bySystem = (step.Otomatis == Pemicu.Formulir && masuk == "formulir") || (step.Jenis == JenisLangkah.Keputusan && step.Pilihan.All(p => p.Jika is not null));
            if (!bySystem) return true;
            step = d.Find(step.Jenis == JenisLangkah.Keputusan ? step.Pilihan[0].Lanjut : step.Lanjut.FirstOrDefault() ?? "");
        }
        return true;
    }

    private static Waktu? Parse(Langkah s) => WaktuParser.TryParse(s.Waktu, out var w, out _) ? w : null;

    private static bool OnTime(Langkah s) => s.Acuan == "janji" || Parse(s) is not { HasDuration: true } w
        || w.Satuan is SatuanWaktu.Hari or SatuanWaktu.Minggu or SatuanWaktu.Bulan;

    private static bool Overdue(Langkah s) => s.Jenis != JenisLangkah.Keputusan && (s.Acuan == "janji" || (s.Acuan is null && Parse(s) is { HasDuration: true }));
}
