using System.Text.RegularExpressions;
using CampusKonseling.Sop.Definitions;

namespace CampusKonseling.Sop.Dokumen;

/// <summary>What a revision taken over from the SOP in force keeps, for the admin to read on the draft.</summary>
/// <param name="Dilepas">Work of the version in force that could not be kept: it names a lane or an assignment the document has not.</param>
public sealed record Dipertahankan(int Lajur, int Langkah, IReadOnlyList<string> Pengaturan, IReadOnlyList<string> Dilepas);

/// <summary>
/// A document read as the next revision of an SOP the campus already runs. The document says the lanes, steps and Mutu
/// Baku; what only the platform knows is taken from the version in force: its code, the roles of lanes of the same name,
/// and for each step of the same number the work it does (actions, entry channels, automatic completion, the dates its
/// time counts from) and the SOP's settings (reminder, escalation, retention, working hours, schedules).
/// </summary>
public static partial class SopRevisi
{
    /// <summary>The SOP in force this draft revises: the same Nomor SOP, else a name that differs by a typo at most.</summary>
    public static SopDefinition? Cocok(SopDefinition draft, IEnumerable<SopDefinition> inForce)
    {
        var list = inForce.ToList();
        return list.FirstOrDefault(s => string.Equals(s.Kode, draft.Kode, StringComparison.OrdinalIgnoreCase))
               ?? list.Select(s => (Sop: s, Score: Mirip(s.Judul, draft.Judul))).Where(x => x.Score >= 0.9).OrderByDescending(x => x.Score).Select(x => x.Sop).FirstOrDefault();
    }

    /// <summary>The lanes of the draft bound as the lanes of the same name in force (a role, the client, an assignment).</summary>
    public static SopDefinition IkatLajur(SopDefinition draft, SopDefinition inForce) => draft with
    {
        Pelaksana = draft.Pelaksana.Select(p => LaneOf(inForce, p) is { } old
            ? p with { Peran = old.Peran, Klien = old.Klien, Penugasan = old.Penugasan, Atasan = old.Atasan }
            : p).ToList(),
    };

    /// <summary>The draft as the next version of <paramref name="inForce"/>: its code, settings and the work of its steps.</summary>
    public static (SopDefinition Sop, Dipertahankan Kept) Lanjutkan(SopDefinition draft, SopDefinition inForce)
    {
        // Lanes of the same name take the ids they have now, so the work kept (a disposition to a lane) still points at them.
        var ids = new Dictionary<string, string>();
        foreach (var p in draft.Pelaksana)
            if (LaneOf(inForce, p) is { } old && !draft.Pelaksana.Any(o => o != p && o.Id == old.Id) && !ids.ContainsValue(old.Id)) ids[p.Id] = old.Id;
        string Id(string lane) => ids.GetValueOrDefault(lane, lane);
        var pelaksana = draft.Pelaksana.Select(p => p with { Id = Id(p.Id) }).ToList();
        draft = draft with { Pelaksana = pelaksana, Langkah = draft.Langkah.Select(l => l with { Pelaksana = l.Pelaksana.Select(Id).ToList() }).ToList() };

        var pasangan = Pasangan(draft, inForce);
        Langkah? StepOf(Langkah l) => pasangan.GetValueOrDefault(l.Id);
        var dilepas = new List<string>();
        bool Keeps(Langkah step, Aksi a)
        {
            string? missing = a.Jenis switch
            {
                "disposisi" when a.Kepada is { } to && draft.Lane(to) is null => $"disposisi kepada {inForce.Lane(to)?.Nama ?? to}",
                "tunjuk" when a.Penugasan is { } who && !pelaksana.Any(p => p.Penugasan == who) => $"penunjukan {who}",
                _ => null,
            };
            if (missing is not null) dilepas.Add($"langkah {step.Label}: {missing}");
            return missing is null;
        }

        // A decision the document draws without its outcomes written takes them from the version in force, when each leads to a step the draft has.
        IReadOnlyList<Pilihan> PilihanOf(Langkah old)
        {
            var mapped = old.Pilihan.Select(p => inForce.Find(p.Lanjut) is { } to && draft.Langkah.FirstOrDefault(d => StepOf(d) == to) is { } now ? p with { Lanjut = now.Id } : null).ToList();
            return mapped.All(p => p is not null) ? mapped.Cast<Pilihan>().ToList() : [];
        }

        var steps = 0;
        var langkah = draft.Langkah.Select(l =>
        {
            var old = StepOf(l);
            if (old is null) return l;
            var oldAksi = old.Aksi.Where(a => Keeps(l, a)).ToList();
            var kept = l with
            {
                Aksi = [.. oldAksi, .. l.Aksi.Where(a => !oldAksi.Any(o => o.Jenis == a.Jenis && o.Templat == a.Templat && o.Dokumen == a.Dokumen))],
                Masuk = l.Masuk.Count > 0 ? l.Masuk : old.Masuk,
                Otomatis = l.Otomatis ?? old.Otomatis,
                Acuan = l.Acuan ?? old.Acuan,
                TidakSebelum = l.TidakSebelum ?? old.TidakSebelum,
                Opsional = l.Opsional || old.Opsional,
                DihitungDari = l.DihitungDari ?? (old.DihitungDari is { } from && inForce.Find(from) is { } f && draft.Langkah.FirstOrDefault(d => StepOf(d) == f) is { } now ? now.Id : null),
                Pilihan = l.Pilihan.Count == 0 && l.Jenis == JenisLangkah.Keputusan ? PilihanOf(old)
                    : l.Pilihan.Select(p => p.Jika is null && old.Pilihan.FirstOrDefault(o => Same(o.Nama, p.Nama)) is { Jika: { } jika } ? p with { Jika = jika } : p).ToList(),
            };
            if (oldAksi.Any(o => !l.Aksi.Any(a => a.Jenis == o.Jenis && a.Templat == o.Templat && a.Dokumen == o.Dokumen))
                || l.Masuk.Count == 0 && old.Masuk.Count > 0 || l.Otomatis is null && old.Otomatis is not null
                || l.Acuan is null && old.Acuan is not null || l.TidakSebelum is null && old.TidakSebelum is not null || !l.Opsional && old.Opsional
                || l.Pilihan.Count == 0 && kept.Pilihan.Count > 0)
                steps++;
            return kept;
        }).ToList();
        var lanes = draft.Pelaksana.Count(p => LaneOf(inForce, p) is not null);
        var settings = new List<string>();
        if (inForce.PengingatPersen != draft.PengingatPersen) settings.Add("pengingat");
        if (inForce.EskalasiKe is not null && draft.EskalasiKe is null) settings.Add("eskalasi");
        if (inForce.RetensiHari is not null && draft.RetensiHari is null) settings.Add("retensi");
        if (inForce.JamKerja != draft.JamKerja) settings.Add("jam kerja");
        if (inForce.Jadwal.Count > 0 && draft.Jadwal.Count == 0) settings.Add("jadwal");
        var sop = draft with
        {
            Kode = inForce.Kode,
            Unit = draft.Unit ?? inForce.Unit,
            PengingatPersen = inForce.PengingatPersen,
            EskalasiKe = draft.EskalasiKe ?? inForce.EskalasiKe,
            RetensiHari = draft.RetensiHari ?? inForce.RetensiHari,
            JamKerja = inForce.JamKerja,
            Jadwal = draft.Jadwal.Count > 0 ? draft.Jadwal : inForce.Jadwal,
            Catatan = draft.Catatan ?? inForce.Catatan,
            Langkah = langkah,
        };
        return (sop, new Dipertahankan(lanes, steps, settings, dilepas));
    }

    /// <summary>
    /// Each draft step's step in force, one to one: the same id, number and kind, else the same number and kind, else the
    /// same description; a step in force is paired once (a number printed on two rows does not copy its work twice).
    /// </summary>
    public static IReadOnlyDictionary<string, Langkah> Pasangan(SopDefinition draft, SopDefinition inForce)
    {
        var used = new HashSet<string>();
        var map = new Dictionary<string, Langkah>();
        foreach (var rule in new Func<Langkah, Langkah, bool>[]
                 {
                     (l, o) => o.Id == l.Id && o.Label == l.Label && o.Jenis == l.Jenis,
                     (l, o) => o.Label == l.Label && o.Jenis == l.Jenis,
                     (l, o) => Same(o.Uraian, l.Uraian),
                 })
            foreach (var l in draft.Langkah.Where(l => !map.ContainsKey(l.Id)))
                if (inForce.Langkah.FirstOrDefault(o => !used.Contains(o.Id) && rule(l, o)) is { } old)
                {
                    map[l.Id] = old;
                    used.Add(old.Id);
                }
        return map;
    }

    private static Pelaksana? LaneOf(SopDefinition inForce, Pelaksana p) =>
        inForce.Pelaksana.FirstOrDefault(o => Same(o.Nama, p.Nama)) ?? inForce.Pelaksana.FirstOrDefault(o => o.Id == p.Id);

    private static bool Same(string a, string b) => Key(a) == Key(b);

    private static string Key(string s) => Spaces().Replace(s, "").ToLowerInvariant();

    /// <summary>How alike two names are, 0 to 1: one minus the edit distance over the longer length (letters and spaces only).</summary>
    public static double Mirip(string a, string b)
    {
        (a, b) = (Words().Replace(a.ToLowerInvariant(), " ").Trim(), Words().Replace(b.ToLowerInvariant(), " ").Trim());
        if (a.Length == 0 || b.Length == 0) return 0;
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var prev = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var here = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), prev + (a[i - 1] == b[j - 1] ? 0 : 1));
                prev = here;
            }
        }
        return 1.0 - (double)row[b.Length] / Math.Max(a.Length, b.Length);
    }

    [GeneratedRegex(@"\s+")] private static partial Regex Spaces();
    [GeneratedRegex(@"[^\p{L}\p{N}]+")] private static partial Regex Words();
}
