using CampusKonseling.Audit;
using CampusKonseling.Audit.Chain;
using CampusKonseling.Data;
using CampusKonseling.Shell;
using CampusKonseling.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CampusKonseling.Tests.Audit;

/// <summary>The chain: every entry links to the one before, the database refuses edits, and an edit made anyway is found.</summary>
[Collection(PlatformCollection.Name)]
public sealed class AuditChainTests(PlatformFixture platform) : IAsyncLifetime
{
    private AuditCampus _audit = null!;

    public async Task InitializeAsync() => _audit = new AuditCampus(platform, await platform.CreateTenantAsync("unipma", "audit"));
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Entries_chain_to_each_other_and_verify()
    {
        var before = await _audit.LastAsync();
        await _audit.RecordAsync(new AuditEvent(AuditKinds.BacaKonseling, "kasus", "K-1", "membuka catatan konseling"));
        await _audit.RecordAsync(new AuditEvent(AuditKinds.Ubah, "kasus", "K-1", "status diubah"));
        await _audit.RecordAsync(new AuditEvent(AuditKinds.Dokumen, "kasus", "K-1", "surat rujukan dibuat"));

        Assert.Equal(before + 3, await _audit.LastAsync());
        var unlinked = await _audit.CountAsync(
            "urutan > 1 AND hash_sebelumnya <> (SELECT p.hash FROM audit.entries p WHERE p.urutan = entries.urutan - 1)");
        Assert.Equal(0, unlinked);
        // Background work (no request) is attributed to the system.
        Assert.Equal(3, await _audit.CountAsync($"urutan > {before} AND pengguna_nama = 'sistem' AND pengguna_id IS NULL AND alamat_ip IS NULL"));

        var report = await _audit.VerifyAsync();
        Assert.True(report.Intact);
        Assert.Equal(before + 3, report.Checked);
        Assert.Equal(await TestDatabase.ScalarAsync(_audit.Campus.Database, "SELECT hash FROM audit.entries ORDER BY urutan DESC LIMIT 1"), report.LastHash);
    }

    [Fact]
    public async Task Fifty_simultaneous_appends_form_one_gapless_chain()
    {
        var before = await _audit.LastAsync();
        await Task.WhenAll(Enumerable.Range(1, 50).Select(i =>
            Task.Run(() => _audit.RecordAsync(new AuditEvent(AuditKinds.Baca, "kasus", $"P-{i}", "dibaca")))));

        Assert.Equal(before + 50, await _audit.LastAsync());
        Assert.Equal(before + 50, await _audit.CountAsync());
        Assert.Equal(50, await _audit.CountAsync("subjek_id LIKE 'P-%'"));
        var report = await _audit.VerifyAsync();
        Assert.True(report.Intact, $"broken at {report.BrokenAt}: {report.Break}");
        Assert.Equal(before + 50, report.Checked);
    }

    [Fact]
    public async Task An_entry_in_the_callers_transaction_is_kept_only_if_that_transaction_commits()
    {
        await InTransactionAsync("ditolak", commit: false);
        await InTransactionAsync("disimpan", commit: true);

        Assert.Equal(0, await _audit.CountAsync("subjek_id = 'ditolak'"));
        Assert.Equal(1, await _audit.CountAsync("subjek_id = 'disimpan'"));
        Assert.True((await _audit.VerifyAsync()).Intact);
    }

    private Task InTransactionAsync(string subject, bool commit) => _audit.InCampusAsync(async sp =>
    {
        var connection = sp.GetRequiredService<TenantDbConnection>().Connection;
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await sp.GetRequiredService<IAuditLog>().RecordAsync(new AuditEvent(AuditKinds.Ubah, "kasus", subject, "diubah"), transaction);
        if (commit) await transaction.CommitAsync();
        else await transaction.RollbackAsync();
        return 0;
    });

    [Theory]
    [InlineData("UPDATE audit.entries SET ringkasan = 'diganti' WHERE urutan = 1")]
    [InlineData("DELETE FROM audit.entries WHERE urutan = 1")]
    [InlineData("TRUNCATE audit.entries")]
    public async Task The_database_refuses_to_change_or_remove_entries(string sql)
    {
        await _audit.RecordAsync(new AuditEvent(AuditKinds.Baca, "kasus", "K-2", "dibaca"));
        var count = await _audit.CountAsync();

        var refused = await Assert.ThrowsAsync<PostgresException>(() => TestDatabase.ExecuteAsync(_audit.Campus.Database, sql));
        Assert.Contains("append-only", refused.MessageText);
        Assert.Equal(count, await _audit.CountAsync());
        Assert.Equal(0, await _audit.CountAsync("ringkasan = 'diganti'"));
    }

    [Fact]
    public async Task Editing_one_row_with_the_guard_disabled_breaks_verification_at_exactly_that_row()
    {
        for (var i = 1; i <= 5; i++) await _audit.RecordAsync(new AuditEvent(AuditKinds.Baca, "kasus", $"E-{i}", "dibaca"));
        var target = (long)(await TestDatabase.ScalarAsync(_audit.Campus.Database, "SELECT urutan FROM audit.entries WHERE subjek_id = 'E-3'"))!;

        await _audit.TamperAsync($"UPDATE audit.entries SET ringkasan = 'tidak pernah dibuka' WHERE urutan = {target}");

        var report = await _audit.VerifyAsync();
        Assert.False(report.Intact);
        Assert.Equal(target, report.BrokenAt);
        Assert.Equal(ChainBreak.ContentChanged, report.Break);
        Assert.Equal(target - 1, report.Checked);
    }

    [Fact]
    public async Task A_row_edited_with_a_recomputed_hash_breaks_the_link_of_the_next_row()
    {
        for (var i = 1; i <= 3; i++) await _audit.RecordAsync(new AuditEvent(AuditKinds.Baca, "kasus", $"L-{i}", "dibaca"));
        var target = (long)(await TestDatabase.ScalarAsync(_audit.Campus.Database, "SELECT urutan FROM audit.entries WHERE subjek_id = 'L-2'"))!;

        // A careful forger also fixes the row's own hash; the next row still points to the old one.
        await _audit.TamperAsync($"UPDATE audit.entries SET ringkasan = 'x', hash = repeat('a', 64) WHERE urutan = {target}");
        var forged = await _audit.InCampusAsync(async sp =>
        {
            var db = sp.GetRequiredService<CampusKonseling.Audit.Data.AuditDb>();
            var row = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Entries, e => e.Urutan == target);
            return AuditHash.Of(row);
        });
        await _audit.TamperAsync($"UPDATE audit.entries SET hash = '{forged}' WHERE urutan = {target}");

        var report = await _audit.VerifyAsync();
        Assert.Equal(target + 1, report.BrokenAt);
        Assert.Equal(ChainBreak.LinkBroken, report.Break);
    }

    [Fact]
    public async Task A_deleted_row_is_reported_as_a_missing_number()
    {
        for (var i = 1; i <= 3; i++) await _audit.RecordAsync(new AuditEvent(AuditKinds.Baca, "kasus", $"D-{i}", "dibaca"));
        var target = (long)(await TestDatabase.ScalarAsync(_audit.Campus.Database, "SELECT urutan FROM audit.entries WHERE subjek_id = 'D-2'"))!;

        await _audit.TamperAsync($"DELETE FROM audit.entries WHERE urutan = {target}");

        var report = await _audit.VerifyAsync();
        Assert.Equal(target, report.BrokenAt);
        Assert.Equal(ChainBreak.MissingEntry, report.Break);
    }
}
