using CampusKonseling.Cases.Data;
using CampusKonseling.Host.Setup.Demo.Texts;
using CampusKonseling.Sop.Definitions;
using CampusKonseling.Sop.Engine;
using CampusKonseling.Sop.Waktu;
using CampusKonseling.Workflows;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Host.Setup.Demo.CaseWork;

/// <summary>The work of a demo case's step: its actions through the Cases module, its outcome, and the notes written on the way.</summary>
public sealed partial class CaseWalk
{
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
