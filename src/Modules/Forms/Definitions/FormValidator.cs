using CampusKonseling.Documents;
using System.Text.RegularExpressions;

namespace CampusKonseling.Forms.Definitions;

/// <summary>What makes a form usable; errors carry a path relative to the form.</summary>
public static partial class FormValidator
{
    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex Slug();

    public static IReadOnlyList<(string Path, string Reason)> Validate(FormDefinition f)
    {
        var errors = new List<(string, string)>();
        void Error(string path, string reason) => errors.Add((path, reason));

        if (f.Kode.Length is < 3 or > 60 || !Slug().IsMatch(f.Kode)) Error("kode", $"'{f.Kode}' harus 3–60 karakter huruf kecil, angka dan tanda hubung");
        if (f.Kode == "status") Error("kode", "'status' dipakai halaman cek status permohonan (/formulir/status); pilih kode lain");
        if (string.IsNullOrWhiteSpace(f.Judul)) Error("judul", "wajib diisi");
        if (f.Isian.Count == 0) Error("isian", "formulir harus memiliki isian");

        var seen = new Dictionary<string, Isian>();
        var mapped = new HashSet<string>();
        for (var i = 0; i < f.Isian.Count; i++)
        {
            var x = f.Isian[i];
            var at = $"isian[{i}]";
            if (!Slug().IsMatch(x.Id ?? "")) Error($"{at}.id", $"'{x.Id}' harus huruf kecil, angka dan tanda hubung");
            else if (seen.ContainsKey(x.Id!)) Error($"{at}.id", $"isian '{x.Id}' disebut dua kali");
            if (!JenisIsian.All.Contains(x.Jenis)) Error($"{at}.jenis", $"jenis '{x.Jenis}' tidak dikenal ({string.Join(", ", JenisIsian.All)})");
            if (string.IsNullOrWhiteSpace(x.Label)) Error($"{at}.label", "wajib diisi");
            if (x.Jenis is JenisIsian.Pilihan or JenisIsian.PilihanGanda && x.Pilihan.Count < 2) Error($"{at}.pilihan", "pilihan harus memiliki setidaknya dua opsi");
            if (x.Tampilan is not null and not ("radio" or "select")) Error($"{at}.tampilan", "tampilan harus 'radio' atau 'select'");
            if (x.Pola is not null && !IsRegex(x.Pola)) Error($"{at}.pola", $"pola '{x.Pola}' bukan ekspresi reguler yang benar");
            if (x.Min is not null && x.Maks is not null && x.Min > x.Maks) Error($"{at}.min", "min lebih besar dari maks");
            if (x.Jenis == JenisIsian.Persetujuan)
            {
                if (string.IsNullOrWhiteSpace(x.Teks)) Error($"{at}.teks", "persetujuan harus menyatakan tujuan dan masa simpan data");
                if (string.IsNullOrWhiteSpace(x.Versi)) Error($"{at}.versi", "wajib diisi: versi teks persetujuan");
                if (x.RetensiHari is not > 0) Error($"{at}.retensiHari", "wajib diisi: masa simpan data dalam hari (lebih dari nol)");
            }
            if (x.Jenis == JenisIsian.Berkas)
            {
                if (x.Tipe.Count == 0 || x.Tipe.Any(t => !FileKinds.Known.ContainsKey(t))) Error($"{at}.tipe", $"sebutkan jenis berkas yang diterima: {string.Join(", ", FileKinds.Known.Keys)}");
                if (x.MaksKb is not (> 0 and <= 10240)) Error($"{at}.maksKb", "ukuran maksimum berkas 1–10240 KB");
            }
            if (x.TampilJika is { } when)
            {
                if (!seen.TryGetValue(when.Isian, out var source)) Error($"{at}.tampilJika.isian", $"isian '{when.Isian}' harus isian sebelumnya");
                else if (source.Jenis != JenisIsian.Pilihan || !source.Pilihan.Contains(when.Nilai)) Error($"{at}.tampilJika.nilai", $"'{when.Nilai}' bukan pilihan isian '{when.Isian}'");
            }
            if (x.Petakan is { } target)
            {
                if (!Petakan.All.Contains(target)) Error($"{at}.petakan", $"'{target}' tidak dikenal ({string.Join(", ", Petakan.All)})");
                else if (!mapped.Add(target)) Error($"{at}.petakan", $"'{target}' sudah dipetakan isian lain");
            }
            if (x.Id is not null) seen.TryAdd(x.Id, x);
        }
        if (!mapped.Contains(Petakan.Nama)) Error("isian", "satu isian harus dipetakan ke 'nama'");
        if (!mapped.Contains(Petakan.Email)) Error("isian", "satu isian harus dipetakan ke 'email' (untuk tanda terima dan pelacakan)");
        if (f.BuatAkun is { } akun)
        {
            if (string.IsNullOrWhiteSpace(akun.Peran)) Error("buatAkun.peran", "sebutkan peran untuk akun pendaftar (peran tanpa hak akses, mis. 'Mahasiswa')");
            if (f.Mapped(Petakan.Email) is { } email && (!email.Wajib || email.TampilJika is not null))
                Error("buatAkun", "isian e-mail harus wajib dan selalu tampil bila pendaftaran membuat akun");
        }
        if (f.Isian.Count(x => x.Jenis == JenisIsian.Persetujuan) > 1) Error("isian", "formulir hanya boleh memiliki satu persetujuan");
        return errors;
    }

    private static bool IsRegex(string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromMilliseconds(100));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
