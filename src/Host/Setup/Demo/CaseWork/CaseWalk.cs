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
public sealed partial class CaseWalk(CaseBrief brief, Staff staff, Campus campus, Stage stage, Random rng, DateTimeOffset now)
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
}
