using CampusKonseling.Direktori.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace CampusKonseling.Direktori.Students;

public sealed record UpsertCount(int Baru, int Diperbarui);

/// <summary>
/// Writes many students in one statement (arrays unnested, INSERT … ON CONFLICT), so 10,000 rows
/// are ten round trips. Callers pass each NIM once per call: PostgreSQL refuses to update one row twice in a statement.
/// </summary>
public sealed class StudentStore(DirectoryDb db)
{
    private const string Sql = $"""
        INSERT INTO {DirectoryDb.Schema}.students AS s (nim, nama, prodi, semester, status, email, telepon, diperbarui_pada, sumber)
        SELECT * FROM unnest(@nim, @nama, @prodi, @semester, @status, @email, @telepon, @diperbarui, @sumber)
        ON CONFLICT (nim) DO UPDATE SET nama = EXCLUDED.nama, prodi = EXCLUDED.prodi, semester = EXCLUDED.semester, status = EXCLUDED.status,
            email = EXCLUDED.email, telepon = EXCLUDED.telepon, diperbarui_pada = EXCLUDED.diperbarui_pada, sumber = EXCLUDED.sumber
        RETURNING (xmax = 0)
        """;

    public async Task<UpsertCount> UpsertAsync(IReadOnlyList<Student> students, CancellationToken ct = default)
    {
        if (students.Count == 0) return new(0, 0);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(ct);
        await using var cmd = new NpgsqlCommand(Sql, connection);
        if (db.Database.CurrentTransaction?.GetDbTransaction() is NpgsqlTransaction tx) cmd.Transaction = tx;
        cmd.Parameters.Add(Array("nim", students.Select(s => s.Nim)));
        cmd.Parameters.Add(Array("nama", students.Select(s => s.Nama)));
        cmd.Parameters.Add(Array("prodi", students.Select(s => s.Prodi)));
        cmd.Parameters.Add(new NpgsqlParameter("semester", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = students.Select(s => s.Semester).ToArray() });
        cmd.Parameters.Add(Array("status", students.Select(s => s.Status)));
        cmd.Parameters.Add(Array("email", students.Select(s => s.Email)));
        cmd.Parameters.Add(Array("telepon", students.Select(s => s.Telepon)));
        cmd.Parameters.Add(new NpgsqlParameter("diperbarui", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { Value = students.Select(s => s.DiperbaruiPada.ToUniversalTime()).ToArray() });
        cmd.Parameters.Add(Array("sumber", students.Select(s => s.Sumber)));
        int baru = 0, total = 0;
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            total++;
            if (reader.GetBoolean(0)) baru++;
        }
        return new(baru, total - baru);
    }

    private static NpgsqlParameter Array(string name, IEnumerable<string?> values) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Varchar) { Value = values.ToArray() };
}
