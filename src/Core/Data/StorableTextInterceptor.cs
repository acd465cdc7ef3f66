using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
using NpgsqlTypes;

namespace CampusKonseling.Data;

/// <summary>
/// The last line of defence behind input checks: no text parameter PostgreSQL cannot encode reaches it, so a
/// NUL or a lone surrogate that slipped past a page or an API is stored without it instead of failing the whole
/// request (and making a resend fail the same way). Input checks still come first: they tell the user.
/// </summary>
public sealed class StorableTextInterceptor : DbCommandInterceptor
{
    public static readonly StorableTextInterceptor Instance = new();

    private static void Clean(DbCommand command)
    {
        foreach (DbParameter p in command.Parameters)
        {
            if (p.Value is string text)
                p.Value = p is NpgsqlParameter { NpgsqlDbType: NpgsqlDbType.Jsonb or NpgsqlDbType.Json } ? StorableText.CleanJson(StorableText.Clean(text)) : StorableText.Clean(text);
            else if (p.Value is string[] texts && texts.Any(t => !StorableText.IsStorable(t)))
                p.Value = texts.Select(t => t is null ? t : StorableText.Clean(t)).ToArray();
        }
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Clean(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Clean(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Clean(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Clean(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Clean(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Clean(command);
        return ValueTask.FromResult(result);
    }
}
