namespace CampusKonseling.Notifications.Pesan;

/// <summary>
/// The placeholders a step's message may use, filled from the instance and its case when the message is sent. They name the
/// request and where to follow it, never what the client told the counselor.
/// </summary>
public static class PesanIsian
{
    public static readonly IReadOnlyDictionary<string, string> Semua = new Dictionary<string, string>
    {
        ["nama"] = "nama klien",
        ["kode"] = "kode pelacakan permohonan",
        ["nomorKasus"] = "nomor kasus",
        ["saluran"] = "saluran layanan yang dipilih di formulir (mis. Konseling Online, Tatap Muka)",
        ["tautanStatus"] = "tautan lengkap ke halaman Cek status permohonan",
        ["tautanPermohonan"] = "tautan lengkap ke halaman Permohonan saya",
        ["kampus"] = "nama kampus",
        ["unit"] = "nama unit layanan",
    };
}
