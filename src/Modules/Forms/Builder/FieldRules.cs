using CampusKonseling.Documents;
using System.Globalization;
using System.Text.RegularExpressions;
using CampusKonseling.Forms.Definitions;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Forms.Builder;

/// <summary>
/// Checks an edited field against its form as the builder saves it: the mistakes (a bad pattern,
/// min above maks, a show-if on a later or non-choice field, a taken id) are refused with a message
/// per input; what is merely unfinished is left for the check at publishing.
/// </summary>
public static partial class FieldRules
{
    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex Slug();

    public static (Isian? Field, Dictionary<string, string> Errors) Build(FieldInput input, FormDefinition form, string originalId, IStringLocalizer T)
    {
        var errors = new Dictionary<string, string>();
        void Error(string input, string message) => errors.TryAdd(input, message);
        var j = input.Jenis;
        var index = FormEdits.IndexOf(form, originalId);
        var others = form.Isian.Where(f => f.Id != originalId).ToList();
        var dependents = form.Isian.Where(f => f.TampilJika?.Isian == originalId).ToList();

        if (!JenisIsian.All.Contains(j)) Error(nameof(input.Jenis), T["Jenis isian tidak dikenal."]);
        else if (j == JenisIsian.Persetujuan && others.Any(f => f.Jenis == JenisIsian.Persetujuan)) Error(nameof(input.Jenis), T["Formulir hanya boleh memiliki satu persetujuan."]);
        else if (j != JenisIsian.Pilihan && dependents.Count > 0)
            Error(nameof(input.Jenis), T["'{0}' tampil berdasarkan jawaban isian ini, jadi jenisnya harus tetap pilihan tunggal.", dependents[0].Label]);

        var id = (input.Id ?? "").Trim();
        if (id.Length == 0) Error(nameof(input.Id), T["Id wajib diisi."]);
        else if (id.Length > 60 || !Slug().IsMatch(id)) Error(nameof(input.Id), T["Id hanya boleh huruf kecil, angka dan tanda hubung (misalnya nama-lengkap), paling panjang 60 karakter."]);
        else if (others.Any(f => f.Id == id)) Error(nameof(input.Id), T["Id '{0}' sudah dipakai isian lain.", id]);

        var label = (input.Label ?? "").Trim();
        if (label.Length == 0) Error(nameof(input.Label), T["Label wajib diisi."]);
        else if (label.Length > 1000) Error(nameof(input.Label), T["Label paling panjang 1000 karakter."]);

        decimal? min = null, maks = null;
        if (FieldShape.Panjang(j) || FieldShape.Rentang(j))
        {
            min = Number(input.Min, nameof(input.Min));
            maks = Number(input.Maks, nameof(input.Maks));
            if (min > maks) Error(nameof(input.Min), T["Min tidak boleh lebih besar dari maks."]);
        }
        decimal? Number(string? text, string name)
        {
            if (string.IsNullOrWhiteSpace(text)) return null;
            if (!decimal.TryParse(text.Trim().Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
                Error(name, T["Tulis angka, misalnya 10."]);
            else if (FieldShape.Panjang(j) && (value < 0 || value != decimal.Truncate(value)))
                Error(name, T["Panjang harus bilangan bulat 0 atau lebih."]);
            else return value;
            return null;
        }

        var pola = FieldShape.Pola(j) && !string.IsNullOrWhiteSpace(input.Pola) ? input.Pola.Trim() : null;
        if (pola is not null && !IsRegex(pola)) Error(nameof(input.Pola), T["Pola ini bukan ekspresi reguler yang benar (periksa tanda kurung dan garis miring terbalik)."]);

        var pilihan = FieldShape.Pilihan(j) ? Lines(input.Pilihan) : [];
        if (FieldShape.Pilihan(j))
        {
            if (pilihan.Count < 2) Error(nameof(input.Pilihan), T["Tulis setidaknya dua pilihan, satu per baris."]);
            else if (pilihan.GroupBy(p => p).FirstOrDefault(g => g.Count() > 1) is { } twice) Error(nameof(input.Pilihan), T["Pilihan '{0}' ditulis dua kali.", twice.Key]);
            else if (dependents.FirstOrDefault(d => !pilihan.Contains(d.TampilJika!.Nilai)) is { } broken)
                Error(nameof(input.Pilihan), T["Pilihan '{0}' dipakai tampil-jika isian '{1}', jadi tidak dapat dihapus atau diubah.", broken.TampilJika!.Nilai, broken.Label]);
        }
        var tampilan = FieldShape.Tampilan(j) ? input.Tampilan : null;
        if (tampilan is not (null or "radio" or "select")) Error(nameof(input.Tampilan), T["Pilih tombol pilihan atau daftar tarik-turun."]);

        TampilJika? tampilJika = null;
        if (FieldShape.TampilJika(j) && !string.IsNullOrEmpty(input.TampilJika))
        {
            var parts = input.TampilJika.Split(FieldInput.Separator, 2);
            var sourceId = parts[0];
            var nilai = parts.Length > 1 ? parts[1] : "";
            var source = form.Isian.Take(Math.Max(index, 0)).FirstOrDefault(f => f.Id == sourceId);
            if (source is null) Error(nameof(input.TampilJika), T["Tampil-jika hanya dapat merujuk isian di atas isian ini; '{0}' tidak ada di atasnya.", sourceId]);
            else if (source.Jenis != JenisIsian.Pilihan) Error(nameof(input.TampilJika), T["Tampil-jika hanya dapat merujuk isian pilihan tunggal; '{0}' bukan pilihan tunggal.", source.Label]);
            else if (!source.Pilihan.Contains(nilai)) Error(nameof(input.TampilJika), T["'{0}' bukan salah satu pilihan isian '{1}'.", nilai, source.Label]);
            else tampilJika = new TampilJika(source.Id, nilai);
        }

        var petakan = FieldShape.Petakan(j) && !string.IsNullOrEmpty(input.Petakan) ? input.Petakan : null;
        if (petakan is not null)
        {
            if (!Definitions.Petakan.All.Contains(petakan)) Error(nameof(input.Petakan), T["Tujuan pemetaan tidak dikenal."]);
            else if (others.FirstOrDefault(f => f.Petakan == petakan) is { } taken) Error(nameof(input.Petakan), T["'{0}' sudah dipetakan oleh isian '{1}'.", BuilderText.Petakan(petakan, T), taken.Label]);
        }

        int? retensi = null, maksKb = null;
        if (FieldShape.Persetujuan(j) && !string.IsNullOrWhiteSpace(input.RetensiHari))
        {
            if (int.TryParse(input.RetensiHari.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days > 0) retensi = days;
            else Error(nameof(input.RetensiHari), T["Masa simpan harus bilangan bulat hari, lebih dari nol."]);
        }
        var tipe = FieldShape.Berkas(j) ? input.Tipe.Where(FileKinds.Known.ContainsKey).Distinct().ToList() : [];
        if (FieldShape.Berkas(j))
        {
            if (tipe.Count == 0) Error(nameof(input.Tipe), T["Pilih setidaknya satu jenis berkas."]);
            if (string.IsNullOrWhiteSpace(input.MaksKb)) Error(nameof(input.MaksKb), T["Ukuran maksimum harus 1–10240 KB."]);
            else if (int.TryParse(input.MaksKb.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var kb) && kb is > 0 and <= 10240) maksKb = kb;
            else Error(nameof(input.MaksKb), T["Ukuran maksimum harus 1–10240 KB."]);
        }
        if (errors.Count > 0) return (null, errors);

        return (new Isian
        {
            Id = id, Jenis = j, Label = label,
            Bantuan = FieldShape.Bantuan(j) ? Trimmed(input.Bantuan) : null,
            Wajib = FieldShape.Wajib(j) && input.Wajib,
            Min = min, Maks = maks, Pola = pola, Pilihan = pilihan, Tampilan = tampilan == "select" ? "select" : null,
            TampilJika = tampilJika, Petakan = petakan,
            Teks = FieldShape.Persetujuan(j) ? Trimmed(input.Teks) : null,
            Versi = FieldShape.Persetujuan(j) ? Trimmed(input.Versi) : null,
            RetensiHari = retensi, Tipe = tipe, MaksKb = maksKb,
        }, errors);
    }

    private static List<string> Lines(string? text) =>
        (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

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
