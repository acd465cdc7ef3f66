using System.Globalization;
using CampusKonseling.Forms.Definitions;

namespace CampusKonseling.Forms.Builder;

/// <summary>
/// A field as the builder's edit page posts it. Numbers stay text, so a mistyped value comes back
/// exactly as typed beside its message; <see cref="FieldRules"/> turns it into an <see cref="Isian"/>.
/// </summary>
public sealed class FieldInput
{
    /// <summary>Separates the source field from the answer in the show-if choice ("saluran::Online"); ids never contain it.</summary>
    public const string Separator = "::";

    public string Jenis { get; set; } = "";
    public string? Id { get; set; }
    public string? Label { get; set; }
    public string? Bantuan { get; set; }
    public bool Wajib { get; set; }
    public string? Min { get; set; }
    public string? Maks { get; set; }
    public string? Pola { get; set; }
    /// <summary>One choice per line.</summary>
    public string? Pilihan { get; set; }
    public string? Tampilan { get; set; }
    public string? TampilJika { get; set; }
    public string? Petakan { get; set; }
    public string? Teks { get; set; }
    public string? Versi { get; set; }
    public string? RetensiHari { get; set; }
    public List<string> Tipe { get; set; } = [];
    public string? MaksKb { get; set; }

    public static FieldInput From(Isian f) => new()
    {
        Jenis = f.Jenis, Id = f.Id, Label = f.Label, Bantuan = f.Bantuan, Wajib = f.Wajib,
        Min = Number(f.Min), Maks = Number(f.Maks), Pola = f.Pola, Pilihan = string.Join("\n", f.Pilihan), Tampilan = f.Tampilan ?? "radio",
        TampilJika = f.TampilJika is { } when ? when.Isian + Separator + when.Nilai : "", Petakan = f.Petakan ?? "",
        Teks = f.Teks, Versi = f.Versi, RetensiHari = f.RetensiHari?.ToString(CultureInfo.InvariantCulture), Tipe = [.. f.Tipe],
        MaksKb = f.MaksKb?.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>After a change of type: what the new type needs and the page did not show yet.</summary>
    public void FillDefaults()
    {
        var d = From(FormEdits.Defaults(new Isian { Id = "", Jenis = Jenis, Label = "" }));
        if (string.IsNullOrWhiteSpace(Pilihan)) Pilihan = d.Pilihan;
        if (Tipe.Count == 0) Tipe = d.Tipe;
        MaksKb ??= d.MaksKb;
        Versi ??= d.Versi;
        RetensiHari ??= d.RetensiHari;
    }

    private static string? Number(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);
}
