using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CampusKonseling.Archive.Data.Migrations;

/// <summary>
/// A counselor's counseling words, indexed as theirs: <c>arsip.token_konselor(konselor_id, konseling_token)</c> makes each
/// token the counselor's own (md5 of "counselor:token"), so a counselor searching their notes reads the posting lists of
/// their own matches only, not every counselor's records that have the word to keep the few that are theirs. The planner
/// also keeps statistics on the expression, so it estimates a counselor's matches as well as any other word's.
/// </summary>
[DbContext(typeof(ArchiveDb))]
[Migration("20261207100000_CounselorTokenIndex")]
public sealed class CounselorTokenIndex : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.Sql($"""
            CREATE FUNCTION {ArchiveDb.Schema}.token_konselor(konselor text, tokens text[]) RETURNS text[]
                LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
                RETURN ARRAY(SELECT md5(konselor || ':' || t) FROM unnest(tokens) AS t);
            CREATE INDEX "IX_records_token_konselor" ON {ArchiveDb.Schema}.records USING gin ({ArchiveDb.Schema}.token_konselor(konselor_id, konseling_token));
            ANALYZE {ArchiveDb.Schema}.records;
            """);
    }

    protected override void Down(MigrationBuilder m)
    {
        m.Sql($"""
            DROP INDEX {ArchiveDb.Schema}."IX_records_token_konselor";
            DROP FUNCTION {ArchiveDb.Schema}.token_konselor(text, text[]);
            """);
    }
}
