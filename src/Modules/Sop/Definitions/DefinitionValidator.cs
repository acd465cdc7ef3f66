using CampusKonseling.Sop.Waktu;
using CampusKonseling.Workflows;

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
            if (p.Klien && p.Penugasan is not null) Error($"pelaksana[{i}].penugasan", "lajur klien dikerjakan oleh klien sendiri; hapus 'penugasan' atau 'klien'");
            else if (p.Klien && p.Atasan is not null) Error($"pelaksana[{i}].atasan", "lajur klien tidak memiliki atasan; keterlambatan dilaporkan ke eskalasiKe SOP");
            else if (!p.Klien && string.IsNullOrWhiteSpace(p.Peran))
                Error($"pelaksana[{i}].peran", p.Penugasan is null
                    ? "lajur tidak terikat: isi 'peran' (peran di kampus yang menjalankan lajur ini), atau \"klien\": true untuk lajur klien"
                    : "wajib diisi: peran tempat orang untuk penugasan ini dipilih");
            if (p.Penugasan is { } nama && !IsName(nama)) Error($"pelaksana[{i}].penugasan", $"nama penugasan '{nama}' hanya boleh huruf, angka, '-' atau '_'");
        }
        if (d.Pelaksana.Count == 0) Error("pelaksana", "SOP harus memiliki setidaknya satu pelaksana");

        var ids = new HashSet<string>();
        var masuk = new HashSet<string>();
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
            if (!WaktuParser.TryParse(l.Waktu, out var waktu, out var waktuError)) Error($"{at}.waktu", waktuError!);
            else if (waktu is { Arah: not ArahWaktu.Setelah } && l.Acuan is null)
                Error($"{at}.acuan", $"waktu '{waktu.Teks}' dihitung terhadap tanggal {waktu.Acuan}; isi 'acuan' dengan nama tanggal itu (mis. \"pelaksanaan\", \"janji\")");
            if (l.Acuan is { } acuan && !IsName(acuan)) Error($"{at}.acuan", $"acuan '{acuan}' hanya boleh huruf, angka, '-' atau '_' (mis. \"pelaksanaan\", \"janji\")");
            if (l.TidakSebelum is { } tidak && !IsName(tidak)) Error($"{at}.tidakSebelum", $"acuan '{tidak}' hanya boleh huruf, angka, '-' atau '_' (mis. \"pelaksanaan\")");
            if (l.Acuan is not null && l.DihitungDari is not null) Error($"{at}.acuan", "waktu dihitung dari satu titik saja: 'acuan' atau 'dihitungDari'");
            for (var j = 0; j < l.Masuk.Count; j++)
                if (!IsName(l.Masuk[j])) Error($"{at}.masuk[{j}]", $"saluran masuk '{l.Masuk[j]}' hanya boleh huruf, angka, '-' atau '_'");
                else if (!masuk.Add(l.Masuk[j].ToLowerInvariant())) Error($"{at}.masuk[{j}]", $"saluran masuk '{l.Masuk[j]}' sudah dimulai di langkah lain");
            ValidateActions(d, l, at, Error);
            if (l.Otomatis == Pemicu.Pesan && !l.Aksi.Any(a => a.Jenis == AksiJenis.Pesan))
                Error($"{at}.otomatis", "langkah otomatis 'pesan' selesai ketika pesannya terkirim; tambahkan aksi {\"jenis\": \"pesan\", \"templat\": …}");
            if (l.Otomatis == Pemicu.Waktu && l.Waktu is null) Error($"{at}.otomatis", "langkah otomatis 'waktu' selesai pada jatuh temponya; isi 'waktu'");
            if (l.Otomatis is not null && l.Jenis == JenisLangkah.Keputusan) Error($"{at}.otomatis", "keputusan diambil otomatis lewat 'jika' pada pilihannya, bukan 'otomatis'");
            if (l.Otomatis is not null && l.Aksi.Any(a => a.Jenis != AksiJenis.Pesan && !a.Opsional))
                Error($"{at}.otomatis", "langkah otomatis tidak dapat mewajibkan pekerjaan orang (surat, disposisi, jadwal…)");
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
                        if (l.Pilihan[j].Jika is { } jika && !Syarat.TryParse(jika, out _, out var syaratError)) Error($"{at}.pilihan[{j}].jika", syaratError!);
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
            var reached = new HashSet<string>();
            foreach (var entry in d.Langkah.Where(l => l.Jenis == JenisLangkah.Mulai || l.Masuk.Count > 0)) reached.UnionWith(Reachable(d, entry.Id));
            for (var i = 0; i < d.Langkah.Count; i++)
                if (!reached.Contains(d.Langkah[i].Id)) Error($"langkah[{i}]", $"langkah '{d.Langkah[i].Label}' tidak dapat dicapai dari langkah mulai");
        }
        return errors;
    }

    private static void ValidateActions(SopDefinition d, Langkah l, string at, Action<string, string> error)
    {
        for (var j = 0; j < l.Aksi.Count; j++)
        {
            var a = l.Aksi[j];
            var path = $"{at}.aksi[{j}]";
            if (!AksiJenis.Semua.Contains(a.Jenis))
            {
                error($"{path}.jenis", $"jenis aksi '{a.Jenis}' tidak dikenal; yang dikenal: {string.Join(", ", AksiJenis.Semua)}");
                continue;
            }
            switch (a.Jenis)
            {
                case AksiJenis.Surat when string.IsNullOrWhiteSpace(a.Templat):
                    error($"{path}.templat", "wajib diisi: kode templat surat yang dibuat langkah ini"); break;
                case AksiJenis.Pesan when string.IsNullOrWhiteSpace(a.Templat):
                    error($"{path}.templat", "wajib diisi: kunci templat pesan kepada klien"); break;
                case AksiJenis.Unggah when string.IsNullOrWhiteSpace(a.Dokumen):
                    error($"{path}.dokumen", "wajib diisi: jenis dokumen yang diunggah (mis. \"Surat Hasil Pemeriksaan\")"); break;
                case AksiJenis.Disposisi when a.Kepada is null:
                    error($"{path}.kepada", "wajib diisi: lajur penerima disposisi"); break;
                case AksiJenis.Disposisi when d.Lane(a.Kepada) is not { } to:
                    error($"{path}.kepada", $"pelaksana '{a.Kepada}' tidak ada di daftar pelaksana SOP"); break;
                case AksiJenis.Disposisi when d.Lane(a.Kepada)!.Klien:
                    error($"{path}.kepada", "disposisi diberikan kepada pejabat atau staf, bukan kepada klien"); break;
                case AksiJenis.Tunjuk when a.Penugasan is null:
                    error($"{path}.penugasan", "wajib diisi: nama penugasan yang ditunjuk (mis. \"konselor\")"); break;
                case AksiJenis.Tunjuk when !d.Pelaksana.Any(p => p.Penugasan == a.Penugasan):
                    error($"{path}.penugasan", $"tidak ada pelaksana dengan \"penugasan\": \"{a.Penugasan}\" yang dikerjakan oleh orang yang ditunjuk"); break;
            }
            if (a.Jenis == AksiJenis.KonfirmasiJadwal && !l.Pelaksana.Any(p => d.Lane(p)?.Klien == true))
                error($"{path}.jenis", "konfirmasi jadwal dikerjakan klien: langkah ini harus memiliki lajur klien");
        }
    }

    private static bool IsName(string s) => s.Length is > 0 and <= 40 && s.All(c => char.IsLetterOrDigit(c) || c is '-' or '_');

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
