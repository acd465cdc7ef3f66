using CampusKonseling.Forms.Definitions;
using Microsoft.Extensions.Localization;

namespace CampusKonseling.Forms.Builder;

/// <summary>The builder's operations on a form, by field id; a refusal comes back as a message and the form unchanged.</summary>
public static class FormEdits
{
    /// <summary>A new form starts with the two answers every request needs (name and e-mail for the receipt).</summary>
    public static FormDefinition Starter(string kode, string judul) => new()
    {
        Kode = kode, Judul = judul,
        Isian =
        [
            new() { Id = "nama", Jenis = JenisIsian.Teks, Label = "Nama lengkap", Wajib = true, Maks = 120, Petakan = Petakan.Nama },
            new() { Id = "email", Jenis = JenisIsian.Email, Label = "E-mail", Wajib = true, Petakan = Petakan.Email },
        ],
    };

    public static (FormDefinition Form, string Id) Add(FormDefinition form, string jenis)
    {
        var stem = jenis switch
        {
            JenisIsian.TeksPanjang => "uraian", JenisIsian.Telepon => "hp", JenisIsian.PilihanGanda => "pilihan-ganda",
            _ => jenis.ToLowerInvariant(),
        };
        var id = stem;
        for (var n = 2; form.Find(id) is not null; n++) id = $"{stem}-{n}";
        var field = new Isian
        {
            Id = id, Jenis = jenis,
            Label = jenis switch
            {
                JenisIsian.Judul => "Judul bagian",
                JenisIsian.Bantuan => "Teks bantuan untuk pemohon",
                JenisIsian.Persetujuan => "Saya menyetujui pemrosesan data saya",
                _ => "Pertanyaan baru",
            },
        };
        return (form with { Isian = [.. form.Isian, Defaults(field)] }, id);
    }

    /// <summary>What a field of a newly chosen type needs to be usable at once.</summary>
    public static Isian Defaults(Isian field) => field.Jenis switch
    {
        JenisIsian.Pilihan or JenisIsian.PilihanGanda when field.Pilihan.Count == 0 => field with { Pilihan = ["Pilihan 1", "Pilihan 2"] },
        JenisIsian.Berkas when field.Tipe.Count == 0 => field with { Tipe = ["pdf"], MaksKb = field.MaksKb ?? 2048 },
        JenisIsian.Persetujuan => field with { Versi = field.Versi ?? "1", RetensiHari = field.RetensiHari ?? 1825 },
        _ => field,
    };

    public static (FormDefinition Form, string? Refused) Move(FormDefinition form, string id, bool up, IStringLocalizer T)
    {
        var i = IndexOf(form, id);
        var j = up ? i - 1 : i + 1;
        if (i < 0 || j < 0 || j >= form.Isian.Count) return (form, null);
        var (first, second) = up ? (form.Isian[j], form.Isian[i]) : (form.Isian[i], form.Isian[j]);
        if (second.TampilJika?.Isian == first.Id)
            return (form, T["'{0}' tampil berdasarkan jawaban '{1}', jadi harus tetap di bawahnya.", second.Label, first.Label]);
        var list = form.Isian.ToList();
        (list[i], list[j]) = (list[j], list[i]);
        return (form with { Isian = list }, null);
    }

    public static (FormDefinition Form, string? Refused) Remove(FormDefinition form, string id, IStringLocalizer T)
    {
        if (form.Isian.FirstOrDefault(f => f.TampilJika?.Isian == id) is { } dependent)
            return (form, T["Isian ini tidak dapat dihapus: '{0}' tampil berdasarkan jawabannya. Ubah atau hapus tampil-jika isian itu dahulu.", dependent.Label]);
        return (form with { Isian = form.Isian.Where(f => f.Id != id).ToList() }, null);
    }

    /// <summary>Puts the edited field in place of the original; a new id is carried into the show-if rules that named the old one.</summary>
    public static FormDefinition Replace(FormDefinition form, string originalId, Isian field) => form with
    {
        Isian = form.Isian.Select(f => f.Id == originalId ? field
            : f.TampilJika is { } when && when.Isian == originalId ? f with { TampilJika = when with { Isian = field.Id } } : f).ToList(),
    };

    public static int IndexOf(FormDefinition form, string id) => form.Isian.ToList().FindIndex(f => f.Id == id);
}
