using CampusKonseling.Cases.Data;
using CampusKonseling.Host.Setup.Demo.Texts;
using CampusKonseling.Sop.Definitions;
using CampusKonseling.Sop.Engine;
using CampusKonseling.Sop.Waktu;
using CampusKonseling.Workflows;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Host.Setup.Demo.CaseWork;

/// <summary>Where a demo case stops: the step at which it stands now as its brief says, and when its steps are done.</summary>
public sealed partial class CaseWalk
{
    protected override bool Stall(Langkah step, ActiveStep active, SopInstance instance)
    {
        var stall = Stands(step, active);
        if (stall && brief.Target != Target.Baru) AssignLater(active);
        return stall;
    }

    /// <summary>Whether the case stands here now, as its brief says it does.</summary>
    private bool Stands(Langkah step, ActiveStep active)
    {
        var moved = Moves > 0 || _status != CaseStatus.Baru;
        // On time now and for hours yet (the SOP's reminder may already have gone out).
        var onTime = active.JatuhTempo is null || active.JatuhTempo > Now.AddHours(3);
        switch (brief.Target)
        {
            case Target.Baru:
                return true;
            case Target.Berjalan:
                // Not always at the first place it could stand: some go on to a later step that can stand on time too.
                return moved && onTime && (!Calm(Following(step)) || Decide(active, 0.55));
            case Target.Terlambat:
                return moved && active.JatuhTempo is { } due && due < Now.AddHours(-6) && step.Pelaksana.Any(p => !Definition.Lane(p)!.Klien)
                    && (!Dueful(Following(step)) || Decide(active, 0.6));
            case Target.Dirujuk:
                if (_referred) return true;
                if (brief.Eksternal) return step.Aksi.Any(a => a.Jenis == AksiJenis.HasilRujukan) && (_referred = true);
                if (!moved || !onTime || brief.Konselor is null) return false;
                _referred = true;
                var at = Clamp(Campus.AddWorking(active.DiaktifkanPada, TimeSpan.FromMinutes(Rng.Next(60, 900))), active.DiaktifkanPada);
                Later(at, (t, ct) => CaseWork.Referrals.ReferAsync(Stage, _caseId, brief.Konselor, t, Rng, ct));
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// A case standing open on time now was worked up to shortly before now: its last step was done recently enough that the
    /// next one (a day or more of standard) is not yet due.
    /// </summary>
    protected override DateTimeOffset When(Langkah step, ActiveStep active, SopInstance instance, DateTimeOffset t)
    {
        var at = base.When(step, active, instance, t);
        if (brief.Target is not (Target.Berjalan or Target.Dirujuk) || brief.Eksternal) return at;
        // A step that may not be done before a date still to come (the agreed session) waits for it: the case stands there.
        if (step.TidakSebelum is { } acuan && SopEngine.DateOf(instance, acuan) is { } date && date > Now) return at;
        var from = active.DiaktifkanPada > t ? active.DiaktifkanPada : t;
        if (step.Jenis != JenisLangkah.Keputusan && Definition.Find(step.Lanjut.FirstOrDefault() ?? "") is { Acuan: null } next
            && WaktuParser.TryParse(next.Waktu, out var waktu, out _) && waktu is { HasDuration: true, Satuan: >= SatuanWaktu.Hari }
            && Campus.Calendar.Add(at, waktu, Definition.JamKerja) < Now.AddHours(3))
            at = Campus.RecentWorkingMoment(Now, Rng, 180);
        return Clamp(at, from);
    }

    /// <summary>Never after now, never before the step could be done.</summary>
    private DateTimeOffset Clamp(DateTimeOffset at, DateTimeOffset from)
    {
        if (at > Now.AddMinutes(-10)) at = Campus.RecentWorkingMoment(Now, Rng, 60);
        return at < from ? from.AddMinutes(Rng.Next(2, 8)) : at;
    }

    /// <summary>A case standing open has its counselor: given by the unit's manager while it waits, when no step of the SOP gives it.</summary>
    private void AssignLater(ActiveStep active)
    {
        if (CounselorAssigned || _assignLater || brief.Konselor is not { } konselor || TunjukKonselor || staff.Managers.FirstOrDefault() is not { } manager) return;
        _assignLater = true;
        Later(Clamp(active.DiaktifkanPada.AddMinutes(Rng.Next(15, 120)), active.DiaktifkanPada), async (t, ct) =>
        {
            await Assignment.AssignAsync(Stage, _caseId, manager, konselor, t, ct);
            CounselorAssigned = true;
        });
    }

    /// <summary>A choice made once per activation (the walk asks again after every event).</summary>
    private bool Decide(ActiveStep active, double p)
    {
        if (!_decided.TryGetValue(active.ActivationId, out var yes)) _decided[active.ActivationId] = yes = Rng.Chance(p);
        return yes;
    }

    /// <summary>The step that follows, when it is one step (not a decision's choice) and not the end.</summary>
    private Langkah? Following(Langkah step) =>
        step.Jenis == JenisLangkah.Keputusan ? null : Definition.Find(step.Lanjut.FirstOrDefault() ?? "") is { Jenis: not JenisLangkah.Selesai } next ? next : null;

    /// <summary>A step a case can stand at on time for days: no time standard, one of a day or more, or due at an agreed session.</summary>
    private static bool Calm(Langkah? s) => s is not null && (s.Acuan == "janji" || (s.Acuan is null
        && (!WaktuParser.TryParse(s.Waktu, out var w, out _) || w is not { HasDuration: true } || w.Satuan >= SatuanWaktu.Hari)));

    /// <summary>A step that falls overdue when left: it has a time standard (or is due at the agreed session).</summary>
    private static bool Dueful(Langkah? s) => s is not null && s.Jenis != JenisLangkah.Keputusan
        && (s.Acuan == "janji" || (s.Acuan is null && WaktuParser.TryParse(s.Waktu, out var w, out _) && w is { HasDuration: true }));

    private bool TunjukKonselor => Definition.Langkah.Any(l => l.Aksi.Any(a => a.Jenis == AksiJenis.Tunjuk && a.Penugasan == "konselor"));
}
