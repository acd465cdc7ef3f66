namespace CampusKonseling.Sop.Compliance;

/// <summary>
/// The history the figures come from. An activation is a "Diaktifkan" event; it ends with the
/// "Diselesaikan" or "Dilewati" event carrying its activation id, or silently when an end step closes the
/// instance (then the instance's selesai_pada is set). Skipped activations count nowhere.
/// </summary>
internal static class ComplianceSql
{
    /// <summary>Activations completed in [dari, sampai): one row each, for the aggregates and drill-down.</summary>
    public const string Completed = """
        SELECT i.id AS instance_id, i.subjek, i.kode, a.step_id, a.pada AS aktif, a.jatuh_tempo, d.pada AS selesai
        FROM sop.events d
        JOIN sop.events a ON a.activation_id = d.activation_id AND a.jenis = 'Diaktifkan'
        JOIN sop.instances i ON i.id = d.instance_id
        WHERE d.jenis = 'Diselesaikan' AND d.pada >= @dari AND d.pada < @sampai
          AND (CAST(@kode AS text) IS NULL OR i.kode = @kode)
        """;

    /// <summary>
    /// Activations still open at sampai: only instances not finished by then are read, so a recent period
    /// touches the running instances rather than the whole history.
    /// </summary>
    public const string Open = """
        SELECT i.id AS instance_id, i.subjek, i.kode, a.step_id, a.pada AS aktif, a.jatuh_tempo, NULL::timestamptz AS selesai
        FROM sop.instances i
        JOIN sop.events a ON a.instance_id = i.id AND a.jenis = 'Diaktifkan' AND a.pada < @sampai
        WHERE i.dimulai_pada < @sampai AND (i.selesai_pada IS NULL OR i.selesai_pada >= @sampai) AND i.status <> 'Dibatalkan'
          AND (CAST(@kode AS text) IS NULL OR i.kode = @kode)
          AND NOT EXISTS (SELECT 1 FROM sop.events d
                          WHERE d.activation_id = a.activation_id AND d.jenis IN ('Diselesaikan', 'Dilewati') AND d.pada < @sampai)
        """;

    public const string Figures = $"""
        WITH selesai AS ({Completed}), terbuka AS ({Open})
        SELECT kode, step_id,
               count(*) FILTER (WHERE selesai IS NOT NULL)::int AS selesai,
               count(jatuh_tempo) FILTER (WHERE selesai IS NOT NULL)::int AS berbaku,
               count(*) FILTER (WHERE selesai <= jatuh_tempo)::int AS dalam_baku,
               count(*) FILTER (WHERE selesai > jatuh_tempo OR (selesai IS NULL AND jatuh_tempo < @sampai))::int AS terlambat,
               count(*) FILTER (WHERE selesai IS NULL)::int AS terbuka,
               percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM selesai - aktif)::float8) AS median_detik,
               percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM selesai - aktif)::float8) AS p90_detik
        FROM (SELECT * FROM selesai UNION ALL SELECT * FROM terbuka) x
        GROUP BY kode, step_id
        """;

    public const string Activations = $"""
        WITH selesai AS ({Completed}), terbuka AS ({Open})
        SELECT instance_id, subjek, aktif, selesai, jatuh_tempo,
               (selesai > jatuh_tempo OR (selesai IS NULL AND jatuh_tempo < @sampai)) IS TRUE AS terlambat
        FROM (SELECT * FROM selesai UNION ALL SELECT * FROM terbuka) x
        WHERE kode = @kode AND step_id = @step AND (
              @pilihan = 'Semua'
           OR (@pilihan = 'DalamBaku' AND selesai <= jatuh_tempo)
           OR (@pilihan = 'Terlambat' AND (selesai > jatuh_tempo OR (selesai IS NULL AND jatuh_tempo < @sampai)))
           OR (@pilihan = 'Terbuka' AND selesai IS NULL))
        ORDER BY aktif DESC, instance_id
        LIMIT @limit
        """;
}
