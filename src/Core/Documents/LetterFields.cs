namespace CampusKonseling.Documents;

/// <summary>
/// The names of letter placeholders every module fills the same way, and how a field is named to people: a refusal says
/// "isian wajib masih kosong: NIP/NIDN penandatangan", not "nip_penandatangan".
/// </summary>
public static class LetterFields
{
    /// <summary>The signer's name, NIP (else NIDN), NIDN, the number with its kind ("NIP. 1975…") and position, from their profile.</summary>
    public const string Penandatangan = "penandatangan", NipPenandatangan = "nip_penandatangan", NidnPenandatangan = "nidn_penandatangan",
        NomorIndukPenandatangan = "nomor_induk_penandatangan", JabatanPenandatangan = "jabatan_penandatangan";

    public static readonly IReadOnlyList<string> Signer = [Penandatangan, NipPenandatangan, NidnPenandatangan, NomorIndukPenandatangan, JabatanPenandatangan];

    private static readonly Dictionary<string, string> Labels = new(StringComparer.OrdinalIgnoreCase)
    {
        [Penandatangan] = "nama penandatangan", [NipPenandatangan] = "NIP/NIDN penandatangan", [NidnPenandatangan] = "NIDN penandatangan",
        [NomorIndukPenandatangan] = "NIP/NIDN penandatangan", [JabatanPenandatangan] = "jabatan penandatangan",
        ["nim"] = "NIM", ["npp"] = "NPP", ["prodi"] = "program studi", ["nomor_permohonan"] = "nomor permohonan", ["kode_pelacakan"] = "kode pelacakan",
        ["nomor_kasus"] = "nomor kasus", ["email"] = "e-mail",
        ["kontak_ppdp"] = "kontak pejabat pelindungan data pribadi (menu Pelindungan data)", ["nomor_insiden"] = "nomor insiden",
        ["data_terungkap"] = "data pribadi yang terungkap", ["cara_terungkap"] = "cara terungkap", ["jumlah_subjek"] = "jumlah subjek data",
    };

    /// <summary>The field as people read it (Indonesian): a known name's label, else the name with spaces.</summary>
    public static string Label(string name) => Labels.GetValueOrDefault(name) ?? name.Replace('_', ' ');
}
