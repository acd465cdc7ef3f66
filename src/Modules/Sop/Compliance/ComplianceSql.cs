namespace CampusKonseling.Sop.Compliance;

/// <summary>
/// The figures come from sop.activations: one row per step activation with its due time and when and how it
/// ended (completed, skipped, or closed with its instance). Skipped and closed activations count nowhere.
/// An open activation is late when its due time is before @batas: the period's end, or now while the period runs
/// (a step due tomorrow is not late today).
/// </summary>
internal static class ComplianceSql
{
    /// <summary>Activations completed in [dari, sampai), and those still open at sampai.</summary>
    private const string InPeriod = """
        SELECT x.instance_id, x.kode, x.step_id, x.diaktifkan_pada AS aktif, x.jatuh_tempo, x.berakhir_pada AS selesai
        FROM sop.activations x
        WHERE x.akhir = 'Diselesaikan' AND x.berakhir_pada >= @dari AND x.berakhir_pada < @sampai
          AND (CAST(@kode AS text) IS NULL OR x.kode = @kode)
        UNION ALL
        SELECT x.instance_id, x.kode, x.step_id, x.diaktifkan_pada, x.jatuh_tempo, NULL
        FROM sop.activations x
        WHERE x.diaktifkan_pada < @sampai AND (x.berakhir_pada IS NULL OR x.berakhir_pada >= @sampai)
          AND (CAST(@kode AS text) IS NULL OR x.kode = @kode)
        """;

    public const string Figures = $"""
        SELECT kode, step_id,
               count(*) FILTER (WHERE selesai IS NOT NULL)::int AS selesai,
               count(jatuh_tempo) FILTER (WHERE selesai IS NOT NULL)::int AS berbaku,
               count(*) FILTER (WHERE selesai <= jatuh_tempo)::int AS dalam_baku,
               count(*) FILTER (WHERE selesai > jatuh_tempo OR (selesai IS NULL AND jatuh_tempo < @batas))::int AS terlambat,
               count(*) FILTER (WHERE selesai IS NULL)::int AS terbuka,
               percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM selesai - aktif)::float8) AS median_detik,
               percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM selesai - aktif)::float8) AS p90_detik
        FROM ({InPeriod}) x
        GROUP BY kode, step_id
        """;

    public const string Activations = $"""
        SELECT x.instance_id, i.subjek, x.aktif, x.selesai, x.jatuh_tempo,
               (x.selesai > x.jatuh_tempo OR (x.selesai IS NULL AND x.jatuh_tempo < @batas)) IS TRUE AS terlambat
        FROM ({InPeriod}) x
        JOIN sop.instances i ON i.id = x.instance_id
        WHERE x.step_id = @step AND (
              @pilihan = 'Semua'
           OR (@pilihan = 'DalamBaku' AND x.selesai <= x.jatuh_tempo)
           OR (@pilihan = 'Terlambat' AND (x.selesai > x.jatuh_tempo OR (x.selesai IS NULL AND x.jatuh_tempo < @batas)))
           OR (@pilihan = 'Terbuka' AND x.selesai IS NULL))
        ORDER BY x.aktif DESC, x.instance_id
        LIMIT @limit
        """;
}
