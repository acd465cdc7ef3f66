namespace CampusKonseling.Sop.Engine;

/// <summary>Why the engine refused; the message template is Indonesian and localized by the caller.</summary>
public sealed record EngineError(string Code, string Template, params object[] Args)
{
    public override string ToString() => string.Format(Template, Args);

    public static EngineError NotFound() => new("not-found", "Instans SOP tidak ditemukan.");
    public static EngineError Finished() => new("finished", "Instans SOP ini sudah selesai.");
    public static EngineError AlreadyDone(string step, string by, DateTimeOffset at) =>
        new("already-done", "Langkah {0} sudah diselesaikan oleh {1} pada {2:dd/MM/yyyy HH:mm}. Muat ulang untuk melihat langkah berikutnya.", step, by, at);
    public static EngineError NotActive(string step) => new("not-active", "Langkah {0} tidak sedang aktif.", step);
    public static EngineError NotYourStep(string step, string roles) =>
        new("not-your-step", "Langkah {0} dikerjakan oleh {1}; Anda tidak memegang peran tersebut.", step, roles);
    public static EngineError OutcomeRequired(string step, string choices) => new("outcome-required", "Pilih hasil keputusan langkah {0}: {1}.", step, choices);
    public static EngineError UnknownOutcome(string outcome) => new("unknown-outcome", "Pilihan '{0}' tidak ada pada langkah ini.", outcome);
    public static EngineError MissingInputs(string items) => new("missing-inputs", "Kelengkapan belum dipenuhi: {0}.", items);
    public static EngineError NotOptional(string step) => new("not-optional", "Langkah {0} tidak boleh dilewati.", step);
    public static EngineError ActionRequired(string step, string actions) => new("action-required", "Langkah {0} belum dikerjakan: {1}.", step, actions);
    public static EngineError DateUnknown(string step, string acuan) => new("date-unknown", "Langkah {0} menunggu tanggal {1} ditetapkan.", step, Words(acuan));
    public static EngineError TooEarly(string step, string acuan, DateTime localFrom) => new("too-early", "Langkah {0} baru dapat diselesaikan setelah {1} ({2:dd/MM/yyyy HH:mm}).", step, Words(acuan), localFrom);

    /// <summary>A date's key as words for the reader: "penutupanPendaftaran" → "penutupan pendaftaran".</summary>
    public static string Words(string key) =>
        string.Concat(key.Select((c, i) => i > 0 && char.IsUpper(c) && char.IsLower(key[i - 1]) ? " " + char.ToLowerInvariant(c) : c.ToString()));
}

/// <summary>What a command did: the new state, and the activations opened and closed (for timers and notifications).</summary>
public sealed record EngineResult(
    SopInstance? Instance, EngineError? Error,
    IReadOnlyList<ActiveStep> Activated, IReadOnlyList<ActiveStep> Closed, IReadOnlyList<StepEvent> Events)
{
    public bool Succeeded => Error is null;
    /// <summary>Active steps whose due time moved (a date of the instance changed): their timers are set again.</summary>
    public IReadOnlyList<ActiveStep> Rescheduled { get; init; } = [];
    public static EngineResult Fail(EngineError error, SopInstance? instance = null) => new(instance, error, [], [], []);
}

/// <param name="Bukti">What each of the step's actions (by index) produced, as its module found it on the case: a letter number, a disposition.</param>
public sealed record CompleteStep(
    string StepId, string? Pilihan = null,
    IReadOnlyDictionary<string, string>? Masukan = null, IReadOnlyDictionary<string, string>? Keluaran = null,
    string? Catatan = null, bool Lewati = false, IReadOnlyDictionary<int, string>? Bukti = null);
