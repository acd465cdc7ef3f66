namespace CampusKonseling.Workflows;

/// <summary>
/// The kinds of work a step may carry (a step's <c>aksi</c> in a recipe). Each is done by the module that owns the
/// work, which contributes an <see cref="IStepAction"/> for it: Letters the letter, Cases the disposition, the
/// meeting, the upload, the referral and the assignment, Notifications the message.
/// </summary>
public static class AksiJenis
{
    /// <summary>Produce a letter from a template (numbered, pre-filled); <c>templat</c> names it.</summary>
    public const string Surat = "surat";
    /// <summary>Upload a document of a named kind (<c>dokumen</c>).</summary>
    public const string Unggah = "unggah";
    /// <summary>Give a disposition to the lane <c>kepada</c>, with instructions.</summary>
    public const string Disposisi = "disposisi";
    /// <summary>Report back on a disposition received.</summary>
    public const string LaporDisposisi = "laporDisposisi";
    /// <summary>Agree a meeting: place, or online link with code and password.</summary>
    public const string Jadwal = "jadwal";
    /// <summary>The client confirms (or asks to move) the agreed meeting.</summary>
    public const string KonfirmasiJadwal = "konfirmasiJadwal";
    /// <summary>Send the client a message from a template (<c>templat</c>): e-mail, and SMS/WhatsApp where the campus has it.</summary>
    public const string Pesan = "pesan";
    /// <summary>Record a referral to an external party.</summary>
    public const string Rujukan = "rujukan";
    /// <summary>Record the external party's result.</summary>
    public const string HasilRujukan = "hasilRujukan";
    /// <summary>Name the person for an assignment (<c>penugasan</c>): the recommended counselor, the accompanying staff member.</summary>
    public const string Tunjuk = "tunjuk";
    /// <summary>Review a data subject's request for counseling notes and others' data: give them or withhold them, with the reason.</summary>
    public const string Telaah = "telaah";
    /// <summary>Answer a data subject's request: the copy of their data, or what was corrected, erased, restricted or withdrawn.</summary>
    public const string Jawab = "jawab";
    /// <summary>Assess a recorded personal data breach (insiden): what was exposed, how, how many people, whether it is proven.</summary>
    public const string Nilai = "nilai";
    /// <summary>Notify the people a proven breach concerns (by e-mail) and record when the authority was notified.</summary>
    public const string Beritahu = "beritahu";
    /// <summary>Close a breach: its handling, recovery and the measures against a repeat.</summary>
    public const string Tutup = "tutup";

    public static readonly IReadOnlySet<string> Semua = new HashSet<string>(StringComparer.Ordinal)
    {
        Surat, Unggah, Disposisi, LaporDisposisi, Jadwal, KonfirmasiJadwal, Pesan, Rujukan, HasilRujukan, Tunjuk, Telaah, Jawab, Nilai, Beritahu, Tutup,
    };
}
