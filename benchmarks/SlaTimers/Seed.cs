using Npgsql;
using Quartz;

namespace CampusKonseling.Benchmarks.SlaTimers;

/// <summary>One pending SLA deadline: an open activation of a campus's instance, with its reminder and its due time.</summary>
public sealed record Deadline(string Tenant, Guid Instance, Guid Activation, DateTimeOffset Remind, DateTimeOffset Due);

/// <summary>
/// Writes pending deadlines straight into a campus database, shaped as <c>DbSopStore</c> writes an instance just started
/// (sop.instances, sop.active_steps, sop.events Dimulai + Diaktifkan, sop.activations), and hands their timers to the
/// clustered Quartz store as <c>QuartzSlaTimers.ScheduleAsync</c> does, through a scheduler configured like the host's
/// (<c>JobsExtensions</c>) that is never started: it only stores, the nodes fire.
/// </summary>
public static class Seed
{
    /// <summary>The product's job (src/Modules/Sop/Timers/SlaTimerJob.cs), by the name the store keeps; this program does not load it.</summary>
    public const string JobTypeName = "CampusKonseling.Sop.Timers.SlaTimerJob, CampusKonseling.Sop";
    public const string Group = "sla";
    public static readonly string[] Kinds = ["Pengingat", "JatuhTempo"];

    /// <summary>
    /// <paramref name="count"/> started instances in one statement (generate_series): reminder k (from 0) at
    /// <paramref name="firstRemind"/> + k × <paramref name="every"/>, due <paramref name="dueAfter"/> after its reminder.
    /// </summary>
    public static async Task<List<Deadline>> RowsAsync(string tenant, BenchSop sop, int count, DateTimeOffset activated,
        DateTimeOffset firstRemind, TimeSpan every, TimeSpan dueAfter, string subjek)
    {
        if (count <= 0) return [];
        await using var db = new NpgsqlConnection(Setup.CampusConnection(tenant));
        await db.OpenAsync();
        await using var cmd = new NpgsqlCommand("""
            WITH s AS MATERIALIZED (
                SELECT g, gen_random_uuid() AS iid, gen_random_uuid() AS aid, @first + (g - 1) * @every AS r, @first + (g - 1) * @every + @due AS d
                FROM generate_series(1, @n) g),
            i AS (INSERT INTO sop.instances (id, version_id, definition_id, kode, versi, subjek, status, dimulai_pada, selesai_pada, dimulai_oleh, konteks, langkah_aktif, jatuh_tempo, terlambat)
                  SELECT iid, @version, @definition, @kode, @versi, @subjek || ' ' || g, 'Berjalan', @activated, NULL, 'system', '{}', @label, d, false FROM s),
            a AS (INSERT INTO sop.active_steps (activation_id, instance_id, step_id, diaktifkan_pada, jatuh_tempo, pengingat_pada, penerima_tugas, diingatkan, terlambat)
                  SELECT aid, iid, @step, @activated, d, r, NULL, false, false FROM s),
            e AS (INSERT INTO sop.events (instance_id, seq, jenis, step_id, activation_id, pada, oleh_id, oleh_nama, pilihan, masukan, keluaran, catatan, jatuh_tempo)
                  SELECT iid, 1, 'Dimulai', NULL, NULL, @activated, 'system', 'Sistem', NULL, '{}'::jsonb, '{}'::jsonb, NULL, NULL FROM s
                  UNION ALL
                  SELECT iid, 2, 'Diaktifkan', @step, aid, @activated, NULL, NULL, NULL, '{}'::jsonb, '{}'::jsonb, NULL, d FROM s),
            v AS (INSERT INTO sop.activations (activation_id, instance_id, kode, step_id, diaktifkan_pada, jatuh_tempo, berakhir_pada, akhir)
                  SELECT aid, iid, @kode, @step, @activated, d, NULL, NULL FROM s)
            SELECT iid, aid, r, d FROM s ORDER BY g
            """, db)
        {
            CommandTimeout = 600,
            Parameters =
            {
                new("n", count), new("first", firstRemind.ToUniversalTime()), new("every", every), new("due", dueAfter),
                new("activated", activated.ToUniversalTime()), new("version", sop.VersionId), new("definition", sop.DefinitionId),
                new("kode", sop.Kode), new("versi", sop.Versi), new("subjek", subjek), new("label", sop.Label), new("step", sop.StepId),
            },
        };
        var list = new List<Deadline>(count);
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            list.Add(new Deadline(tenant, reader.GetGuid(0), reader.GetGuid(1), reader.GetFieldValue<DateTimeOffset>(2), reader.GetFieldValue<DateTimeOffset>(3)));
        return list;
    }

    /// <summary>A scheduler on the host database as the host configures it (src/Host/Jobs/JobsExtensions.cs): same name, store, serializer, cluster.</summary>
    public static StandaloneSchedulerFactory SchedulerFactory() => QuartzSchedulerBuilder.Create(q =>
    {
        q.ConfigureScheduler(o =>
        {
            o.InstanceName = "CampusKonseling";
            o.GenerateInstanceId = true;
            o.IdleWaitTime = TimeSpan.FromSeconds(5);
        });
        q.UsePersistentStore(store =>
        {
            store.UsePostgres(Setup.OwnHostConnection);
            store.UseSystemTextJsonSerializer();
            store.UseClustering(c =>
            {
                c.CheckinInterval = TimeSpan.FromSeconds(5);
                c.CheckinMisfireThreshold = TimeSpan.FromSeconds(15);
            });
            store.ProvisionSchema();
        });
    }).Build();

    /// <summary>The timers of <paramref name="deadlines"/>, stored <paramref name="batch"/> activations (twice as many jobs) per call, in order.</summary>
    public static async Task ScheduleAsync(IScheduler scheduler, IReadOnlyList<Deadline> deadlines, int batch, Action<int>? progress = null)
    {
        var jobType = (JobType)JobTypeName;
        for (var from = 0; from < deadlines.Count; from += batch)
        {
            var jobs = new Dictionary<IJobDetail, IReadOnlyCollection<ITrigger>>();
            foreach (var d in deadlines.Skip(from).Take(batch))
                foreach (var (kind, at) in new[] { (Kinds[0], d.Remind), (Kinds[1], d.Due) })
                {
                    var key = new JobKey($"{d.Activation:N}-{kind}", Group);
                    var job = JobBuilder.Create().OfType(jobType).WithIdentity(key)
                        .UsingJobData("tenant", d.Tenant)
                        .UsingJobData("instance", d.Instance.ToString())
                        .UsingJobData("activation", d.Activation.ToString())
                        .UsingJobData("kind", kind)
                        .RequestRecovery()
                        .Build();
                    var trigger = TriggerBuilder.Create().WithIdentity(key.Name, Group).ForJob(key).StartAt(at)
                        .WithSchedule(SimpleScheduleBuilder.Create().WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
                        .Build();
                    jobs[job] = [trigger];
                }
            await scheduler.ScheduleJobs(jobs, new ScheduleJobOptions { Replace = true });
            progress?.Invoke(Math.Min(deadlines.Count, from + batch));
        }
    }
}
