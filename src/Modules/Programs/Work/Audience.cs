using CampusKonseling.Documents;
using CampusKonseling.Modules;
using CampusKonseling.Notifications;
using CampusKonseling.Programs.Data;
using CampusKonseling.Shell;
using CampusKonseling.Site;
using CampusKonseling.Users;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Programs.Work;

public sealed record AudiencePreview(int Jumlah, int DenganEmail, IReadOnlyList<StudentRecord> Contoh);

/// <summary>
/// The program's target audience from the student directory (prodi, semesters, status) with a count preview,
/// and the invitations: to the forwarding role (Kaprodi) with a numbered Surat Pemberitahuan, or by e-mail to
/// each student directly.
/// </summary>
public sealed class Audience(ProgramsDb db, ShellFeatureServices features, INotifier notifier, IOutbox outbox, ProgramLetters letters, PublicLinks links,
    ISiteSettings site, CampusClock campusClock, TimeProvider clock, IStringLocalizer<S> T)
{
    public IStudentDirectory? Directory => features.Contract<IStudentDirectory>();

    public static StudentFilter FilterOf(ProgramRow p) => new(p.SasaranProdi, p.SasaranSemester, p.SasaranStatus);

    public async Task<AudiencePreview?> PreviewAsync(StudentFilter filter, CancellationToken ct)
    {
        if (Directory is not { } directory) return null;
        var first = await directory.ListAsync(filter, 1, 500, ct);
        var withEmail = first.Items.Count(s => !string.IsNullOrWhiteSpace(s.Email));
        for (var page = 2; (page - 1) * 500 < first.Total; page++)
            withEmail += (await directory.ListAsync(filter, page, 500, ct)).Items.Count(s => !string.IsNullOrWhiteSpace(s.Email));
        return new(first.Total, withEmail, first.Items.Take(10).ToList());
    }

    public async Task SaveAsync(ProgramRow p, StudentFilter filter, CancellationToken ct)
    {
        p.SasaranProdi = (filter.Prodi ?? []).Select(x => x.Trim()).Where(x => x.Length > 0).Distinct().ToArray();
        p.SasaranSemester = (filter.Semester ?? []).Where(s => s is >= 1 and <= 14).Distinct().Order().ToArray();
        p.SasaranStatus = filter.Status is { Length: > 0 } s && StudentStatus.All.Contains(s) ? s : null;
        await db.SaveChangesAsync(ct);
    }

    public string Describe(ProgramRow p) => string.Join(" · ", Parts(p).Select(part => T[part.Kunci, part.Nilai.Select(v => (object)(v.Teks ?? "")).ToArray()].Value));

    /// <summary>The audience in words, kept as keys for a notice each reader reads in their language.</summary>
    private KeyedText DescribeKeyed(ProgramRow p) => Parts(p).Aggregate((all, part) => all.Then(part, " · "));

    private IEnumerable<KeyedText> Parts(ProgramRow p) =>
    [
        p.SasaranProdi.Length > 0 ? T.Keyed("prodi {0}", string.Join(", ", p.SasaranProdi)) : T.Keyed("semua prodi"),
        p.SasaranSemester.Length > 0 ? T.Keyed("semester {0}", string.Join(" dan ", p.SasaranSemester)) : T.Keyed("semua semester"),
        p.SasaranStatus is { } s ? T.Keyed("status {0}", s) : T.Keyed("semua status"),
    ];

    /// <summary>Asks the forwarding role (Kaprodi) to pass the invitation on: an in-app notice and e-mail, with the numbered letter.</summary>
    public async Task<(GeneratedLetter? Surat, string? Error)> InviteRoleAsync(ProgramRow p, ProgramKind kind, string oleh, CancellationToken ct)
    {
        if (kind.PeranPenerus is not { Length: > 0 } role) return (null, T["Jenis program ini tidak menyebut peran yang meneruskan undangan."]);
        GeneratedLetter? letter = null;
        if (kind.SuratPemberitahuan is { } templat && letters.Available)
        {
            var (made, refusal) = await letters.GenerateAsync(p, templat, new Dictionary<string, string> { ["kepada"] = role }, ct);
            if (made is null) return (null, refusal);
            letter = made;
        }
        // The registration page is the students' (public); the notice itself opens the programme for the Kaprodi.
        var isi = T.Keyed("Mohon teruskan informasi {0} kepada mahasiswa sasaran ({1}). Pendaftaran: {2}", p.Judul, DescribeKeyed(p), links.Absolute($"program/{p.Id}") ?? "");
        if (letter is not null) isi = isi.Then(T.Keyed("Surat pemberitahuan nomor {0}.", letter.Nomor));
        await notifier.NotifyRoleAsync(role, new Notification("program", T.Keyed("Undangan untuk diteruskan: {0}", p.Judul), isi, $"admin/program/{p.Id}", Surel: true), ct);
        await RecordAsync(p, "peran", role, 1, letter?.Nomor, oleh, ct);
        return (letter, null);
    }

    /// <summary>E-mails every student of the audience who has an address; returns how many.</summary>
    public async Task<int> InviteStudentsAsync(ProgramRow p, string oleh, CancellationToken ct)
    {
        if (Directory is not { } directory) return 0;
        var campus = await site.GetAsync(ct);
        var time = campusClock.For(campus);
        var url = links.Absolute($"program/{p.Id}") ?? "";
        var sent = 0;
        // Students of the directory have no language of their own here: they are written to in the campus's.
        var culture = CultureScope.Of(campus.DefaultCulture);
        var (subject, when) = Words();
        for (var page = 1; ; page++)
        {
            var batch = await directory.ListAsync(FilterOf(p), page, 500, ct);
            foreach (var s in batch.Items.Where(s => !string.IsNullOrWhiteSpace(s.Email)))
            {
                string text;
                using (CultureScope.Use(culture))
                    text = T["Yth. {0},\n\nAnda diundang mengikuti {1}.\nTema: {2}\nWaktu: {3}\nTempat: {4}\n\nDaftar di: {5}\n\n{6}", s.Nama, p.Judul, p.Tema ?? "-", when, p.Tempat ?? p.Tautan ?? "-", url, campus.UnitName ?? campus.CampusName];
                await outbox.EnqueueAsync(new EmailMessage(s.Email!, subject, text), null, ct);
                sent++;
            }
            if (page * 500 >= batch.Total) break;
        }
        outbox.Wake();
        await RecordAsync(p, "email", Describe(p), sent, null, oleh, ct);
        return sent;

        (string Subject, string When) Words()
        {
            using var _ = CultureScope.Use(culture);
            return ($"[{campus.CampusName}] " + T["Undangan: {0}", p.Judul], p.Mulai is { } m ? time.Format(m, "dddd, d MMMM yyyy HH.mm") : "-");
        }
    }

    private async Task RecordAsync(ProgramRow p, string saluran, string kepada, int jumlah, string? nomor, string oleh, CancellationToken ct)
    {
        db.Invitations.Add(new InvitationRow { Id = Guid.CreateVersion7(), ProgramId = p.Id, Saluran = saluran, Kepada = kepada.Length > 300 ? kepada[..300] : kepada, Jumlah = jumlah, SuratNomor = nomor, Pada = clock.GetUtcNow(), Oleh = oleh });
        await db.SaveChangesAsync(ct);
    }
}
