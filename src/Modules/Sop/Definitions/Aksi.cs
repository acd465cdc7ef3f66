namespace CampusKonseling.Sop.Definitions;

/// <summary>
/// The work a step carries: completing the step requires it (unless <see cref="Opsional"/>), and what it
/// produced (a letter number, a disposition, a meeting) is recorded as the step's output. The kinds are
/// contributed by the modules that do the work (<see cref="CampusKonseling.Workflows.AksiJenis"/>); the engine
/// knows only whether each required action has its evidence.
/// </summary>
public sealed record Aksi
{
    /// <summary>surat, unggah, disposisi, laporDisposisi, jadwal, konfirmasiJadwal, pesan, rujukan, hasilRujukan, tunjuk, telaah, jawab, nilai, beritahu, tutup.</summary>
    public required string Jenis { get; init; }
    /// <summary>surat: the letter template's code; pesan: the message template's key.</summary>
    public string? Templat { get; init; }
    /// <summary>unggah: the kind of document to upload (as the SOP names it: "Surat Hasil Pemeriksaan").</summary>
    public string? Dokumen { get; init; }
    /// <summary>disposisi: the lane id the disposition goes to.</summary>
    public string? Kepada { get; init; }
    /// <summary>tunjuk: the name of the assignment this step makes (a lane's <see cref="Pelaksana.Penugasan"/>).</summary>
    public string? Penugasan { get; init; }
    /// <summary>The step may be completed without it.</summary>
    public bool Opsional { get; init; }

    /// <summary>How the action is named in messages and outputs: "surat REK", "disposisi kepada Rektor".</summary>
    public string Label(SopDefinition definition) => Jenis switch
    {
        "surat" => $"surat {Templat}",
        "pesan" => $"pesan {Templat} kepada klien",
        "unggah" => $"unggah {Dokumen}",
        "disposisi" => $"disposisi kepada {definition.Lane(Kepada ?? "")?.Nama ?? Kepada}",
        "laporDisposisi" => "laporan pelaksanaan disposisi",
        "jadwal" => "kesepakatan jadwal",
        "konfirmasiJadwal" => "konfirmasi jadwal oleh klien",
        "rujukan" => "rujukan eksternal",
        "hasilRujukan" => "hasil layanan eksternal",
        "tunjuk" => $"penunjukan {Penugasan}",
        "telaah" => "telaah catatan konseling dan data pihak lain",
        "jawab" => "jawaban kepada subjek data",
        "nilai" => "penilaian insiden data pribadi",
        "beritahu" => "pemberitahuan kepada subjek data dan lembaga",
        "tutup" => "penutupan insiden data pribadi",
        _ => Jenis,
    };

    /// <summary>The short mark charts and reports show beside the step: "✉ pesan tanggapan", "✎ surat REK", "➜ disposisi Rektor".</summary>
    public string Singkat(SopDefinition definition) => (Jenis switch
    {
        "surat" => $"✎ surat {Templat}",
        "pesan" => $"✉ pesan {Templat}",
        "unggah" => $"⇪ unggah {Dokumen}",
        "disposisi" => $"➜ disposisi {definition.Lane(Kepada ?? "")?.Nama ?? Kepada}",
        "laporDisposisi" => "↩ laporan disposisi",
        "jadwal" => "◷ jadwal",
        "konfirmasiJadwal" => "✓ konfirmasi jadwal",
        "rujukan" => "⇗ rujukan",
        "hasilRujukan" => "⇙ hasil rujukan",
        "tunjuk" => $"☞ tunjuk {Penugasan}",
        "telaah" => "⚖ telaah",
        "jawab" => "✉ jawaban",
        "nilai" => "⚖ penilaian",
        "beritahu" => "✉ pemberitahuan",
        "tutup" => "■ penutupan",
        _ => Jenis,
    }) + (Opsional ? " (opsional)" : "");
}
