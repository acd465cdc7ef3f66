using System.Text;
using CampusKonseling.Sop.Data;
using CampusKonseling.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CampusKonseling.Tests.Sop;

/// <summary>One activation: step, activated, due (or none), and how it ended (completed, skipped, or still open).</summary>
public sealed record Activation(string Step, DateTimeOffset Aktif, DateTimeOffset? Tempo, DateTimeOffset? Selesai = null, bool Lewati = false);

/// <summary>Writes a fixed SOP history straight into a campus's database, for figures worked out by hand.</summary>
public static class StepHistory
{
    private const string Empty = "{}";

    /// <summary>An instance of the SOP's current version with these activations (finished at <paramref name="instansSelesai"/> when given); returns its id.</summary>
    public static async Task<Guid> InsertAsync(SopHarness sop, TestTenant campus, string kode, string subjek, DateTimeOffset? instansSelesai, params Activation[] activations)
    {
        var ids = await sop.InCampusAsync(async sp =>
        {
            var db = sp.GetRequiredService<SopDb>();
            return db.Definitions.Where(d => d.Kode == kode)
                .Join(db.Versions, d => new { d.Id, V = d.VersiAktif }, v => new { Id = v.DefinitionId, V = v.Versi }, (d, v) => new { d.Id, Version = v.Id })
                .Single();
        });
        var id = Guid.NewGuid();
        static string Q(DateTimeOffset? t) => t is null ? "NULL" : $"'{t.Value:O}'";
        var sql = new StringBuilder($"""
            INSERT INTO sop.instances (id, version_id, definition_id, kode, versi, subjek, status, dimulai_pada, selesai_pada, konteks, langkah_aktif, terlambat)
            VALUES ('{id}', '{ids.Version}', '{ids.Id}', '{kode}', 1, '{subjek}', '{(instansSelesai is null ? "Berjalan" : "Selesai")}', {Q(activations[0].Aktif)}, {Q(instansSelesai)}, '{Empty}', '', false);
            """);
        var seq = 0;
        foreach (var a in activations)
        {
            var activation = Guid.NewGuid();
            sql.Append($"INSERT INTO sop.events (instance_id, seq, jenis, step_id, activation_id, pada, jatuh_tempo, masukan, keluaran) VALUES ('{id}', {++seq}, 'Diaktifkan', '{a.Step}', '{activation}', {Q(a.Aktif)}, {Q(a.Tempo)}, '{Empty}', '{Empty}');\n");
            if (a.Selesai is { } done)
                sql.Append($"INSERT INTO sop.events (instance_id, seq, jenis, step_id, activation_id, pada, masukan, keluaran) VALUES ('{id}', {++seq}, '{(a.Lewati ? "Dilewati" : "Diselesaikan")}', '{a.Step}', '{activation}', {Q(done)}, '{Empty}', '{Empty}');\n");
        }
        if (instansSelesai is not null)
            sql.Append($"INSERT INTO sop.events (instance_id, seq, jenis, pada, masukan, keluaran) VALUES ('{id}', {++seq}, 'InstansSelesai', {Q(instansSelesai)}, '{Empty}', '{Empty}');\n");
        // The activations table is filled from the history exactly as the migration fills it for existing campuses.
        sql.Append(CampusKonseling.Sop.Data.Migrations.StepActivations.Backfill).Append(';');
        await TestDatabase.ExecuteAsync(campus.Database, sql.ToString());
        return id;
    }
}
