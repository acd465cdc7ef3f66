using CampusKonseling.Sop.Definitions;

namespace CampusKonseling.Sop.Engine;

/// <summary>Who performs a step on an instance: lane bindings (role, client, named assignment) and the system.</summary>
public sealed partial class SopEngine
{
    /// <summary>
    /// Who may complete a step: the activation's named assignee, or a performer of one of its lanes (a role's holder,
    /// the instance's client, the person named for an assignment). The system completes only automatic steps and decisions
    /// it can take from the context.
    /// </summary>
    public static bool MayPerform(SopDefinition definition, Langkah step, ActiveStep active, Actor by, IReadOnlyDictionary<string, string> konteks)
    {
        if (by.Id == Actor.System.Id) return step.Otomatis is not null || step.Pilihan.Any(p => p.Jika is not null);
        if (active.PenerimaTugas is not null && active.PenerimaTugas == by.Id) return true;
        return step.Pelaksana.Any(p => definition.Lane(p) is { } lane && Performs(definition, lane, by, konteks));
    }

    /// <summary>
    /// Whether the system does the step on this instance: an automatic step, except one done by the form when the instance came
    /// in another way (walk-in, phone, referral), which no submission will complete, so its people do it.
    /// </summary>
    public static bool BySystem(Langkah step, IReadOnlyDictionary<string, string> konteks) =>
        step.Otomatis is { } pemicu && (pemicu != Pemicu.Formulir || konteks.GetValueOrDefault(Konteks.Masuk) == "formulir");

    /// <summary>Whether <paramref name="by"/> performs the lane on this instance.</summary>
    public static bool Performs(SopDefinition definition, Pelaksana lane, Actor by, IReadOnlyDictionary<string, string> konteks)
    {
        if (lane.Klien)
        {
            if (konteks.TryGetValue(Konteks.Klien, out var client)) return client == by.Id;
            // A walk-in client without an account: the unit's staff record the client's step on their behalf.
            return definition.Pelaksana.Any(p => !p.Klien && p.Peran is { } role && by.Peran.Contains(role));
        }
        if (lane.Penugasan is { } nama && konteks.TryGetValue(Konteks.Penugasan(nama), out var named)) return named == by.Id;
        return lane.Peran is { } peran && by.Peran.Contains(peran);
    }
}
