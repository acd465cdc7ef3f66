namespace CampusKonseling.Sop.Definitions;

/// <summary>An SOP as the campus wrote it: header block, lanes (pelaksana) and steps (langkah).</summary>
public sealed record SopDefinition
{
    public required string Kode { get; init; }
    public required string Judul { get; init; }
    public string? Unit { get; init; }
    public string? Revisi { get; init; }
    public SopDates Tanggal { get; init; } = new();
    public IReadOnlyList<Pengesahan> Pengesahan { get; init; } = [];
    public IReadOnlyList<string> DasarHukum { get; init; } = [];
    public IReadOnlyList<string> KualifikasiPelaksana { get; init; } = [];
    public IReadOnlyList<string> Keterkaitan { get; init; } = [];
    public IReadOnlyList<string> Peralatan { get; init; } = [];
    public IReadOnlyList<string> Peringatan { get; init; } = [];
    public IReadOnlyList<string> Pencatatan { get; init; } = [];
    public string? Catatan { get; init; }

    /// <summary>Reminder when this share of a step's time standard has passed (default 80%).</summary>
    public int PengingatPersen { get; init; } = 80;
    /// <summary>Role told when any step is overdue, besides the step's own lane supervisor.</summary>
    public string? EskalasiKe { get; init; }
    /// <summary>Days after which a finished instance's engine data is purged; null keeps it.</summary>
    public int? RetensiHari { get; init; }
    /// <summary>Time standards count working hours of the campus (default) or the plain clock (24/7 online services).</summary>
    public bool JamKerja { get; init; } = true;

    /// <summary>Schedules that start an instance by themselves (e.g. a yearly programme), as Quartz cron expressions in the campus's time zone.</summary>
    public IReadOnlyList<Jadwal> Jadwal { get; init; } = [];

    public required IReadOnlyList<Pelaksana> Pelaksana { get; init; }
    public required IReadOnlyList<Langkah> Langkah { get; init; }

    public Langkah Mulai => Langkah.First(l => l.Jenis == JenisLangkah.Mulai);

    /// <summary>Where an instance entering through <paramref name="masuk"/> (formulir, walk-in, api, …) starts: the step naming it, else the start step.</summary>
    public Langkah Pintu(string? masuk) =>
        masuk is null ? Mulai : Langkah.FirstOrDefault(l => l.Masuk.Contains(masuk, StringComparer.OrdinalIgnoreCase)) ?? Mulai;
    public Langkah? Find(string id) => Langkah.FirstOrDefault(l => l.Id == id);
    public Pelaksana? Lane(string id) => Pelaksana.FirstOrDefault(p => p.Id == id);
}

public sealed record SopDates
{
    public string? Pembuatan { get; init; }
    public string? Revisi { get; init; }
    public string? Efektif { get; init; }
}

/// <summary>An approval line: "Dirumuskan oleh", "Diperiksa oleh", "Disetujui oleh", "Ditetapkan oleh", "Dikendalikan oleh", "Disahkan oleh".</summary>
public sealed record Pengesahan(string Sebagai, string? Nama, string? Jabatan);

/// <summary>"Every first working day of August at 08:00": <c>{ "cron": "0 0 8 1 8 ?", "subjek": "Program tahunan" }</c>.</summary>
public sealed record Jadwal(string Cron, string? Subjek = null);

