using CampusKonseling.Cases.Data;
using CampusKonseling.Host.Setup.Demo.Texts;
using CampusKonseling.Sop.Definitions;
using CampusKonseling.Sop.Engine;
using CampusKonseling.Sop.Waktu;
using CampusKonseling.Workflows;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Host.Setup.Demo.CaseWork;

/// <summary>
/// One demo case from its opening to where its brief says it stands now: new cases are left as they came in; others are
/// given to their counselor and worked step by step (letters, agreements, dispositions, documents, referrals and notes
/// where the SOP asks for them) until they stand on time, overdue, referred out, or closed.
/// </summary>
public sealed class CaseWalk(CaseBrief brief, Staff staff, Campus campus, Stage stage, Random rng, DateTimeOffset now)
    : SopWalk(campus, stage, rng, now)
{
    private Guid _caseId;
    private bool _referred;
    private string? _pendamping;
    private string _status = CaseStatus.Baru;
    private bool _assignLater;
    private readonly Dictionary<Guid, bool> _decided = [];

    public CaseBrief Brief => brief;
    protected override SopDefinition Definition => brief.Sop.Definition;
    protected override double LateShare => brief.Target == Target.Arsip ? 0.18 : 0.1;
    private bool CounselorAssigned { get; set; }

    protected override async Task BeginAsync(DateTimeOffset at, CancellationToken ct)
    {
        var problem = Problems.For(Rng, brief.Bidang);
        Opened? opened;
        if (brief.Masuk == "formulir") opened = await Opening.FormAsync(Stage, brief.Sop, brief, problem, Rng, ct);
        else if (brief.Masuk == "rujukan" && staff.Referrers.Count > 0) opened = await Opening.ReferralAsync(Stage, brief.Sop, brief, Rng.Pick(staff.Referrers), problem, ct);
        else
        {
            var opener = Opener();
            if (opener is null) { Problem = "no staff to record a walk-in"; return; }
            opened = await Opening.DeskAsync(Stage, brief.Sop, brief, opener, problem, ct);
            if (brief.Target != Target.Baru || Rng.Chance(0.5))
                await CaseNotes.WriteAsync(Stage, opened!.CaseId, opener, JenisCatatan.BukuLog, Tingkat.Administratif, Rng.Pick(Notes.BukuLog), at.AddMinutes(Rng.Next(3, 15)), ct);
        }
        if (opened is null) { Problem = "the case was not opened"; return; }
        _caseId = opened.CaseId;
        InstanceId = opened.InstanceId;
    }

    /// <summary>Who records a walk-in: staff of the SOP's first step who may open cases, else any who may.</summary>
    private Member? Opener()
    {
        var roles = Definition.Pintu(brief.Masuk).Pelaksana.Select(p => Definition.Lane(p)?.Peran).OfType<string>().ToHashSet();
        return staff.Managers.FirstOrDefault(m => m.Roles.Overlaps(roles)) ?? staff.Managers.FirstOrDefault();
    }

    protected override async Task ObserveAsync(SopInstance instance) =>
        _status = await Stage.ReadAsync(sp => sp.GetRequiredService<CasesDb>().Cases.Where(c => c.Id == _caseId).Select(c => c.Status).FirstAsync()) ?? _status;

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

    protected override Member? ActorFor(Langkah step, SopInstance instance)
    {
        // Staff do the step on the case page; a client step is the client's own (on their page) when they have an account.
        foreach (var lane in step.Pelaksana.Select(p => Definition.Lane(p)!).OrderBy(l => l.Klien))
        {
            if (lane.Klien)
            {
                if (instance.Konteks.TryGetValue(Konteks.Klien, out var klien)) return Client(klien);
                continue;
            }
            if (lane.Penugasan is { } nama && instance.Konteks.TryGetValue(Konteks.Penugasan(nama), out var named) && staff.Find(named) is { } person) return person;
            if (brief.Konselor is { } k && lane.Peran is { } r && k.Roles.Contains(r)) return k;
            if (staff.Any(lane.Peran, Rng) is { } member) return member;
        }
        // A client without an account: the SOP's staff record their step for them.
        return Definition.Pelaksana.Where(l => !l.Klien).Select(l => staff.Any(l.Peran, Rng)).FirstOrDefault(m => m is not null);
    }

    private Member Client(string id) => brief.Client.Akun is { } akun && akun.Id == id ? akun
        : new Member(id, brief.Client.Nama, brief.Client.Email, new HashSet<string>());

    protected override async Task WorkAsync(Langkah step, ActiveStep active, SopInstance instance, Member actor, DateTimeOffset at, CancellationToken ct)
    {
        var t = at;
        var done = false;
        DateTimeOffset Tick() { done = true; return t = t.AddSeconds(Rng.Next(20, 90)); }
        // The case is given to its counselor when someone first works it, unless a step of the SOP does that itself.
        if (!CounselorAssigned && brief.Konselor is { } konselor && !TunjukKonselor)
        {
            var manager = actor.Roles.Overlaps(staff.Managers.SelectMany(m => m.Roles)) && staff.Managers.Contains(actor) ? actor : staff.Managers.FirstOrDefault();
            if (manager is not null)
            {
                await Assignment.AssignAsync(Stage, _caseId, manager, konselor, Tick(), ct);
                CounselorAssigned = true;
                Moves++;
            }
        }
        for (var i = 0; i < step.Aksi.Count; i++)
        {
            var aksi = step.Aksi[i];
            if (aksi.Opsional && !Rng.Chance(0.5)) continue;
            // The referral makes its own Surat Rujukan; the step's letter action finds that one.
            if (aksi.Jenis == AksiJenis.Surat && aksi.Templat == CampusKonseling.Cases.Work.Referrals.LetterTemplate && step.Aksi.Any(a => a.Jenis == AksiJenis.Rujukan)) continue;
            await ActAsync(step, aksi, actor, Tick(), ct);
        }
        // An SOP whose steps make no letter still ends with the unit's report when the campus has one (UNPAM's Laporan Hasil Layanan).
        if (step.Jenis == JenisLangkah.Selesai && !Definition.Langkah.Any(l => l.Aksi.Any(a => a.Jenis == AksiJenis.Surat)) && Rng.Chance(0.7))
            await Letters.ReportAsync(Stage, _caseId, actor, Tick(), Rng, ct);
        var pilihan = step.Jenis == JenisLangkah.Keputusan ? Choose(step, instance) : null;
        // A step with nothing to do first is recorded at its moment: a session due as it starts is then on time.
        if (!await CompleteAsync(step, actor, done ? Tick() : at, pilihan, ct)) return;
        await NotesAsync(step, actor, Tick(), ct);
    }

    private async Task ActAsync(Langkah step, Aksi aksi, Member actor, DateTimeOffset at, CancellationToken ct)
    {
        switch (aksi.Jenis)
        {
            case AksiJenis.Surat:
                var people = new Dictionary<string, string> { ["penandatangan"] = actor.Nama, ["pemeriksa"] = staff.Any("Psikiater", Rng)?.Nama ?? actor.Nama };
                if (_pendamping is not null) people["pendamping"] = _pendamping;
                await Letters.MakeAsync(Stage, _caseId, aksi.Templat!, actor, at, Rng, people, ct);
                break;
            case AksiJenis.Tunjuk when aksi.Penugasan == "konselor":
                if (brief.Konselor is { } k) { await Assignment.AssignAsync(Stage, _caseId, actor, k, at, ct); CounselorAssigned = true; }
                break;
            case AksiJenis.Tunjuk:
                var pool = Definition.Pelaksana.FirstOrDefault(l => l.Penugasan == aksi.Penugasan)?.Peran;
                if (staff.Any(pool, Rng) is { } person)
                {
                    await Assignment.NameAsync(Stage, _caseId, InstanceId!.Value, aksi.Penugasan!, actor, person, at, ct);
                    _pendamping = person.Nama;
                }
                break;
            case AksiJenis.Jadwal:
                var floor = brief.Target == Target.Berjalan ? Now.AddDays(1) : (DateTimeOffset?)null;
                await Schedule.AgreeAsync(Stage, _caseId, brief.Konselor is { } c && CounselorAssigned ? c : actor, at, floor, Rng, ct);
                break;
            case AksiJenis.KonfirmasiJadwal:
                var client = brief.Client.Akun ?? actor;
                await Schedule.ConfirmAsync(Stage, _caseId, client, at, ct);
                break;
            case AksiJenis.Unggah:
                await Documents.UploadAsync(Stage, _caseId, aksi.Dokumen!, actor, at, ct);
                break;
            case AksiJenis.Disposisi:
                await CaseWork.Dispositions.GiveAsync(Stage, _caseId, step.Id, actor, at, Rng, ct);
                break;
            case AksiJenis.LaporDisposisi:
                await CaseWork.Dispositions.ReportAsync(Stage, _caseId, actor, at, Rng, ct);
                break;
            case AksiJenis.Rujukan:
                await CaseWork.Referrals.ReferAsync(Stage, _caseId, Counselor(actor), at, Rng, ct);
                break;
            case AksiJenis.HasilRujukan:
                await CaseWork.Referrals.ResultAsync(Stage, _caseId, Counselor(actor), at, Rng, ct);
                break;
        }
    }

    /// <summary>The case's counselor when it has one (only they may write its counseling tier), else who acts.</summary>
    private Member Counselor(Member actor) => CounselorAssigned && brief.Konselor is { } k ? k : actor;

    /// <summary>An outcome: toward the external referral when the brief says so, toward an agreed session when it must fall overdue at one, else any.</summary>
    private string Choose(Langkah step, SopInstance instance)
    {
        bool Refers(Pilihan p) => Definition.Find(p.Lanjut)?.Aksi.Any(a => a.Jenis == AksiJenis.Rujukan) == true;
        bool Schedules(Pilihan p) => Definition.Find(p.Lanjut)?.Aksi.Any(a => a.Jenis == AksiJenis.Jadwal) == true;
        bool Back(Pilihan p) => instance.Riwayat.Any(e => e.StepId == p.Lanjut && e.Jenis == StepEventKind.Diselesaikan);
        var options = step.Pilihan.Where(p => !Back(p)).ToList();
        if (options.Count == 0) options = [.. step.Pilihan];
        var pick = options.Where(p => Refers(p) == brief.Eksternal).ToList() is { Count: > 0 } fit ? fit : options;
        if (brief.Target == Target.Terlambat && pick.Where(Schedules).ToList() is { Count: > 0 } sessions) pick = sessions;
        return Rng.Pick(pick).Nama;
    }

    /// <summary>Notes of each tier: the counselor's session notes, leaders' notes upward; some closed cases release a note to the client.</summary>
    private async Task NotesAsync(Langkah step, Member actor, DateTimeOffset at, CancellationToken ct)
    {
        if (CounselorAssigned && brief.Konselor is { } k && actor.Id == k.Id && Rng.Chance(0.6))
            await CaseNotes.WriteAsync(Stage, _caseId, k, JenisCatatan.Sesi, Tingkat.Konseling, Rng.Pick(Notes.Sesi), at, ct);
        else if (!actor.Roles.Overlaps(staff.Counselors.SelectMany(c => c.Roles)) && staff.Managers.Contains(actor) && Rng.Chance(0.15))
            await CaseNotes.WriteAsync(Stage, _caseId, actor, JenisCatatan.BukuLog, Tingkat.Administratif, Rng.Pick(Notes.BukuLog), at, ct);
        else if (step.Pelaksana.Any(p => Definition.Lane(p)?.Atasan is null && !Definition.Lane(p)!.Klien) && Rng.Chance(0.25))
            await CaseNotes.WriteAsync(Stage, _caseId, actor, JenisCatatan.Catatan, Tingkat.Pimpinan, Rng.Pick(Notes.Pimpinan), at, ct);
        if (step.Jenis == JenisLangkah.Selesai && CounselorAssigned && brief.Konselor is { } counselor && brief.Client.Akun is not null)
            await CaseNotes.ReleaseAsync(Stage, _caseId, counselor, at.AddMinutes(5), ct);
    }
}
