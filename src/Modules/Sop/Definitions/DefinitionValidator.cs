using CampusKonseling.Sop.Waktu;

namespace CampusKonseling.Sop.Definitions;

/// <summary>
/// What makes an SOP runnable: known actors, outcomes that lead somewhere, every step
/// reachable from the start, readable time standards. Errors carry a path relative to the SOP.
/// </summary>
public static class DefinitionValidator
{
    public static IReadOnlyList<(string Path, string Reason)> Validate(SopDefinition d)
    {
        var errors = new List<(string, string)>();
        void Error(string path, string reason) => errors.Add((path, reason));

        if (string.IsNullOrWhiteSpace(d.Kode)) Error("kode", "wajib diisi: kode/nomor SOP");
        if (string.IsNullOrWhiteSpace(d.Judul)) Error("judul", "wajib diisi: judul SOP");
        if (d.PengingatPersen is < 1 or > 99) Error("pengingatPersen", "harus antara 1 dan 99");
        if (d.RetensiHari is <= 0) Error("retensiHari", "harus lebih dari nol");

        for (var i = 0; i < d.Jadwal.Count; i++)
            if (!Quartz.CronExpression.TryParse(d.Jadwal[i].Cron, out _))
                Error($"jadwal[{i}].cron", $"'{d.Jadwal[i].Cron}' bukan ekspresi cron Quartz (contoh: \"0 0 8 ? * MON\" setiap Senin 08:00)");

        var lanes = new HashSet<string>();
        for (var i = 0; i < d.Pelaksana.Count; i++)
        {
            var p = d.Pelaksana[i];
            if (string.IsNullOrWhiteSpace(p.Id)) Error($"pelaksana[{i}].id", "wajib diisi");
            else if (!lanes.Add(p.Id)) Error($"pelaksana[{i}].id", $"pelaksana '{p.Id}' disebut dua kali");
            if (string.IsNullOrWhiteSpace(p.Peran)) Error($"pelaksana[{i}].peran", "wajib diisi: peran di kampus yang menjalankan lajur ini");
        }
        if (d.Pelaksana.Count == 0) Error("pelaksana", "SOP harus memiliki setidaknya satu pelaksana");

        var ids = new HashSet<string>();
        for (var i = 0; i < d.Langkah.Count; i++)
        {
            var l = d.Langkah[i];
            var at = $"langkah[{i}]";
            if (string.IsNullOrWhiteSpace(l.Id)) Error($"{at}.id", "wajib diisi");
            else if (!ids.Add(l.Id)) Error($"{at}.id", $"langkah '{l.Id}' disebut dua kali");
            if (string.IsNullOrWhiteSpace(l.Uraian)) Error($"{at}.uraian", "wajib diisi");
            if (l.Pelaksana.Count == 0) Error($"{at}.pelaksana", "setiap langkah harus memiliki pelaksana");
            for (var j = 0; j < l.Pelaksana.Count; j++)
                if (!lanes.Contains(l.Pelaksana[j])) Error($"{at}.pelaksana[{j}]", $"pelaksana '{l.Pelaksana[j]}' tidak ada di daftar pelaksana SOP");
            if (!WaktuParser.TryParse(l.Waktu, out _, out var waktuError)) Error($"{at}.waktu", waktuError!);
        }

        var mulai = d.Langkah.Where(l => l.Jenis == JenisLangkah.Mulai).ToList();
        if (mulai.Count != 1) Error("langkah", $"SOP harus memiliki tepat satu langkah berjenis 'mulai' (ada {mulai.Count})");
        if (!d.Langkah.Any(l => l.Jenis == JenisLangkah.Selesai)) Error("langkah", "SOP harus memiliki setidaknya satu langkah berjenis 'selesai'");

        for (var i = 0; i < d.Langkah.Count; i++)
        {
            var l = d.Langkah[i];
            var at = $"langkah[{i}]";
            if (l.DihitungDari is { } from)
            {
                var index = d.Langkah.ToList().FindIndex(x => x.Id == from);
                if (index < 0) Error($"{at}.dihitungDari", $"langkah '{from}' tidak ada");
                else if (index >= i) Error($"{at}.dihitungDari", $"waktu hanya dapat dihitung dari langkah sebelumnya, bukan '{from}'");
            }
            switch (l.Jenis)
            {
                case JenisLangkah.Keputusan:
                    if (l.Pilihan.Count < 2) Error($"{at}.pilihan", "langkah keputusan harus memiliki setidaknya dua pilihan");
                    if (l.Lanjut.Count > 0) Error($"{at}.lanjut", "langkah keputusan melanjutkan lewat 'pilihan', bukan 'lanjut'");
                    for (var j = 0; j < l.Pilihan.Count; j++)
                    {
                        if (string.IsNullOrWhiteSpace(l.Pilihan[j].Nama)) Error($"{at}.pilihan[{j}].nama", "wajib diisi");
                        if (!ids.Contains(l.Pilihan[j].Lanjut)) Error($"{at}.pilihan[{j}].lanjut", $"pilihan menuju langkah '{l.Pilihan[j].Lanjut}' yang tidak ada");
                    }
                    break;
                case JenisLangkah.Selesai:
                    if (l.Lanjut.Count > 0 || l.Pilihan.Count > 0) Error($"{at}.lanjut", "langkah 'selesai' tidak memiliki kelanjutan");
                    break;
                default:
                    if (l.Pilihan.Count > 0) Error($"{at}.pilihan", "hanya langkah keputusan yang memiliki pilihan");
                    if (l.Lanjut.Count == 0) Error($"{at}.lanjut", "wajib diisi: langkah berikutnya (atau jadikan langkah ini 'selesai')");
                    for (var j = 0; j < l.Lanjut.Count; j++)
                        if (!ids.Contains(l.Lanjut[j])) Error($"{at}.lanjut[{j}]", $"menuju langkah '{l.Lanjut[j]}' yang tidak ada");
                    break;
            }
        }

        if (mulai.Count == 1 && errors.Count == 0)
        {
            var reached = Reachable(d, mulai[0].Id);
            for (var i = 0; i < d.Langkah.Count; i++)
                if (!reached.Contains(d.Langkah[i].Id)) Error($"langkah[{i}]", $"langkah '{d.Langkah[i].Label}' tidak dapat dicapai dari langkah mulai");
        }
        return errors;
    }

    private static HashSet<string> Reachable(SopDefinition d, string start)
    {
        var seen = new HashSet<string>();
        var queue = new Queue<string>([start]);
        while (queue.TryDequeue(out var id))
        {
            if (!seen.Add(id) || d.Find(id) is not { } step) continue;
            foreach (var next in step.Lanjut.Concat(step.Pilihan.Select(p => p.Lanjut))) queue.Enqueue(next);
        }
        return seen;
    }
}
