using CampusKonseling.Sop.Data;
using CampusKonseling.Sop.Engine;
using Microsoft.EntityFrameworkCore;

namespace CampusKonseling.Sop.Runtime;

/// <summary>
/// One page of an SOP's instances, newest first, by keyset: the next page starts after the
/// last row shown, so page 2,000 costs what page 1 costs (index on definition, status, start, id).
/// </summary>
public static class InstancePages
{
    public sealed record Filter(InstanceStatus? Status, bool OnlyOverdue);

    public sealed record Page(IReadOnlyList<InstanceRow> Items, int Total, string? Next);

    public static async Task<Page> ReadAsync(SopDb db, Guid definitionId, Filter filter, string? after, int pageSize, CancellationToken ct)
    {
        var query = db.Instances.AsNoTracking().Where(i => i.DefinitionId == definitionId);
        if (filter.Status is { } status) query = query.Where(i => i.Status == status);
        if (filter.OnlyOverdue) query = query.Where(i => i.Terlambat);
        var total = await query.CountAsync(ct);
        if (Cursor.TryParse(after, out var c))
            query = query.Where(i => i.DimulaiPada < c.At || (i.DimulaiPada == c.At && i.Id.CompareTo(c.Id) < 0));
        var rows = await query.OrderByDescending(i => i.DimulaiPada).ThenByDescending(i => i.Id).Take(pageSize + 1).ToListAsync(ct);
        var items = rows.Take(pageSize).ToList();
        return new Page(items, total, rows.Count > pageSize ? Cursor.Of(items[^1]) : null);
    }

    private static class Cursor
    {
        public static string Of(InstanceRow row) => $"{row.DimulaiPada.UtcTicks}_{row.Id:N}";

        public static bool TryParse(string? text, out (DateTimeOffset At, Guid Id) cursor)
        {
            cursor = default;
            var parts = text?.Split('_');
            if (parts is not [var ticks, var id] || !long.TryParse(ticks, out var t) || !Guid.TryParse(id, out var g)) return false;
            cursor = (new DateTimeOffset(t, TimeSpan.Zero), g);
            return true;
        }
    }
}
