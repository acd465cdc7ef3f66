using CampusKonseling.Host.Setup.Demo.Texts;
using CampusKonseling.Programs.Data;
using CampusKonseling.Programs.Work;
using CampusKonseling.Sop.Definitions;
using CampusKonseling.Sop.Engine;
using CampusKonseling.Users;
using CampusKonseling.Workflows;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Host.Setup.Demo.Programmes;

/// <summary>
/// One programme: put in by its organizer with a committee, walked through its SOP (Surat Tugas, the invitation through
/// the Kaprodi with its Surat Pemberitahuan, the report), with students registering while registration is open, checked
/// in at the door, and sending their evaluations afterwards.
/// </summary>
public sealed class ProgrammeWalk(ProgrammeBrief brief, Staff staff, IReadOnlyList<Person> people, Campus campus, Stage stage, Random rng, DateTimeOffset now)
    : SopWalk(campus, stage, rng, now)
{
    private Guid _id;
    private Member _organizer = null!;

    protected override SopDefinition Definition => brief.Definition;
    protected override double LateShare => 0.08;

    protected override async Task BeginAsync(DateTimeOffset at, CancellationToken ct)
    {
        if (staff.Organizers.Count == 0) { Problem = "no one may run programmes"; return; }
        _organizer = staff.Organizers[brief.Nomor % staff.Organizers.Count];
        var local = (DateTimeOffset d) => Campus.Local(d);
        var input = new ProgramInput(brief.Kind.Kode, brief.Judul, brief.Tema, brief.Narasumber, brief.Tempat, null, null, brief.Kapasitas,
            local(brief.Buka), local(brief.Tutup), [new SessionInput(DateOnly.FromDateTime(local(brief.Mulai)), TimeOnly.FromDateTime(local(brief.Mulai)), TimeOnly.FromDateTime(local(brief.Selesai)), "Sesi utama")]);
        (_id, InstanceId) = await Stage.RunAsync(at, _organizer.Principal, async sp =>
        {
            var (id, errors) = await sp.GetRequiredService<ProgramCatalog>().CreateAsync(input, _organizer.Nama, ct);
            if (id is null) throw new InvalidOperationException("Demo programme: " + string.Join("; ", errors.Values));
            var instance = await sp.GetRequiredService<ProgramsDb>().Programs.Where(p => p.Id == id).Select(p => p.SopInstanceId).FirstAsync(ct);
            return (id.Value, instance);
        }, ct);
        await CommitteeAsync(at.AddMinutes(Rng.Next(5, 40)), ct);
        var audience = people.Where(p => p.Status == (brief.Kind.SasaranStatus ?? p.Status) && (brief.Kind.SasaranSemester.Length == 0 || brief.Kind.SasaranSemester.Contains(p.Semester)))
            .OrderBy(_ => Rng.Next()).Take(brief.Pendaftar).ToList();
        var window = (brief.Tutup - brief.Buka).TotalMinutes;
        foreach (var person in audience)
            Later(brief.Buka.AddMinutes(window * Math.Pow(Rng.NextDouble(), 1.6)), (t, token) => RegisterAsync(person, t, token));
        Later(brief.Mulai.AddMinutes(Rng.Next(1, 10)), CheckInAsync);
        Later(brief.Selesai.AddHours(2), EvaluateAsync);
    }

    /// <summary>The committee is set as the programme page sets it; the SOP learns the day (its Surat Tugas counts from it).</summary>
    private Task CommitteeAsync(DateTimeOffset at, CancellationToken ct) =>
        Stage.RunAsync(at, _organizer.Principal, async sp =>
        {
            var db = sp.GetRequiredService<ProgramsDb>();
            var helpers = Definition.Pelaksana.Where(l => !l.Klien).Select(l => staff.Any(l.Peran, Rng)).OfType<Member>().Where(m => m.Id != _organizer.Id).DistinctBy(m => m.Id).Take(3).ToList();
            var roles = new[] { PeranPanitia.Sekretaris, PeranPanitia.Anggota, PeranPanitia.Anggota };
            foreach (var (member, peran) in helpers.Select((m, i) => (m, roles[i])).Prepend((_organizer, PeranPanitia.Ketua)))
                db.Committee.Add(new CommitteeRow { Id = Guid.CreateVersion7(at), ProgramId = _id, UserId = member.Id, Nama = member.Nama, Email = member.Email, Peran = peran });
            await db.SaveChangesAsync(ct);
            await sp.GetRequiredService<ISopSteps>().UpdateAsync(InstanceId!.Value, new Dictionary<string, string?>
            {
                [ProgramSopDates.Key(ProgramSopDates.Panitia)] = ProgramSopDates.Iso(at, Campus.Zone),
            }, ct);
        }, ct);

    private Task RegisterAsync(Person person, DateTimeOffset at, CancellationToken ct) =>
        Stage.RunAsync(at, null, async sp =>
        {
            var program = await sp.GetRequiredService<ProgramsDb>().Programs.AsNoTracking().FirstAsync(p => p.Id == _id, ct);
            await sp.GetRequiredService<Registrations>().RegisterAsync(program, new RegistrationInput(person.Nama, person.Nim, person.Email, person.Telepon), ct);
        }, ct);

    /// <summary>Most of those with a seat come; the committee checks them in at the door by their QR codes.</summary>
    private async Task CheckInAsync(DateTimeOffset at, CancellationToken ct)
    {
        var seated = await Stage.ReadAsync(sp => sp.GetRequiredService<ProgramsDb>().Participants.AsNoTracking()
            .Where(p => p.ProgramId == _id && p.Status == StatusPeserta.Terdaftar).OrderBy(p => p.DidaftarPada).Select(p => new { p.Id, p.Token }).ToListAsync(ct));
        var t = at;
        foreach (var p in seated.Where(_ => Rng.Chance(0.84)))
        {
            t = t.AddSeconds(Rng.Next(10, 50));
            await Stage.RunAsync(t, _organizer.Principal, sp => sp.GetRequiredService<Attendance>().CheckInAsync(_id, p.Token, null, _organizer.Nama, ct), ct);
        }
    }

    /// <summary>The evaluation links go out after the session (as the background task sends them); most attendees answer within days.</summary>
    private async Task EvaluateAsync(DateTimeOffset at, CancellationToken ct)
    {
        await Stage.RunAsync(at, null, async sp =>
        {
            var program = await sp.GetRequiredService<ProgramsDb>().Programs.AsNoTracking().FirstAsync(p => p.Id == _id, ct);
            await sp.GetRequiredService<Evaluations>().SendLinksAsync(program, ct);
        }, ct);
        var attended = await Stage.ReadAsync(sp => sp.GetRequiredService<ProgramsDb>().Participants.AsNoTracking()
            .Where(p => p.ProgramId == _id && p.HadirPada != null).OrderBy(p => p.HadirPada).Select(p => p.Id).ToListAsync(ct));
        foreach (var id in attended.Where(_ => Rng.Chance(0.62)))
        {
            var score = Rng.Next(3, 6);
            Later(at.AddMinutes(Rng.Next(10, 60 * 40)), (t, token) => Stage.RunAsync(t, null, async sp =>
            {
                var participant = await sp.GetRequiredService<ProgramsDb>().Participants.AsNoTracking().FirstAsync(p => p.Id == id, token);
                await sp.GetRequiredService<Evaluations>().SubmitAsync(participant,
                    new EvaluationInput(score, Math.Clamp(score + Rng.Next(-1, 2), 1, 5), Math.Clamp(score + Rng.Next(-1, 1), 1, 5), score, Rng.Chance(0.4) ? Rng.Pick(Texts.Programmes.Komentar) : null), token);
            }, token));
        }
    }

    protected override bool Stall(Langkah step, ActiveStep active, SopInstance instance) => false;

    protected override Member? ActorFor(Langkah step, SopInstance instance) =>
        step.Pelaksana.Select(p => Definition.Lane(p)!).Where(l => !l.Klien).Select(l => staff.Any(l.Peran, Rng)).FirstOrDefault(m => m is not null) ?? _organizer;

    protected override async Task WorkAsync(Langkah step, ActiveStep active, SopInstance instance, Member actor, DateTimeOffset at, CancellationToken ct)
    {
        var t = at;
        foreach (var aksi in step.Aksi.Where(a => a.Jenis == AksiJenis.Surat && a.Templat is not null))
        {
            t = t.AddSeconds(Rng.Next(30, 120));
            await Stage.RunAsync(t, actor.Principal, async sp =>
            {
                var program = await sp.GetRequiredService<ProgramsDb>().Programs.FirstAsync(p => p.Id == _id, ct);
                if (aksi.Templat == brief.Kind.SuratPemberitahuan && brief.Kind.PeranPenerus is not null)
                    await sp.GetRequiredService<Audience>().InviteRoleAsync(program, brief.Kind, actor.Nama, ct);
                else await sp.GetRequiredService<ProgramLetters>().GenerateAsync(program, aksi.Templat!, null, ct);
            }, ct);
        }
        await CompleteAsync(step, actor, t.AddSeconds(Rng.Next(30, 120)), step.Jenis == JenisLangkah.Keputusan ? step.Pilihan[0].Nama : null, ct);
    }
}
