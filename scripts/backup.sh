#!/usr/bin/env bash
# Backs up CampusKonseling: the host database (the campus list, the keys that protect sign-in cookies and
# stored secrets, the scheduler's timers) and the database of every campus on its list, each with
# pg_dump -Fc, into one new folder. Restore with scripts/restore.sh.
#
# Usage: scripts/backup.sh [--out DIR] [--campus NAME]... [--connection STRING | --env-file FILE]
#   --out DIR          where the backup folder is made (default $CK_BACKUP_DIR or ./backups);
#                      the folder is DIR/campuskonseling-<UTC time>, readable by its owner only
#   --campus NAME      back up only this campus (repeatable); the host database is always included
#   --connection STR   the app's connection string (ConnectionStrings__Default)
#   --env-file FILE    read ConnectionStrings__Default from the service's EnvironmentFile
# Without --connection or --env-file: ConnectionStrings__Default from the environment, else libpq's PG*
# variables (PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE = the host database, default campuskonseling).
#
# The dumps hold counseling notes encrypted and their keys wrapped by the key-ring certificate; keep the
# certificate's backup elsewhere (docs/security.md). Exit status: 0 all done, 1 something failed (said why).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=scripts/pg-settings.sh
source "$here/pg-settings.sh"

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; }

out="${CK_BACKUP_DIR:-./backups}" connection='' env_file=
campuses=()
while (($# > 0)); do
    case "$1" in
        --out) out="${2:?--out needs a folder}"; shift 2 ;;
        --campus) campuses+=("${2:?--campus needs a campus name}"); shift 2 ;;
        --connection) connection="${2:?--connection needs a connection string}"; shift 2 ;;
        --env-file) env_file="${2:?--env-file needs a file}"; shift 2 ;;
        -h | --help) usage; exit 0 ;;
        *) usage >&2; die "unknown argument: $1" ;;
    esac
done

pg_need_tools psql pg_dump
pg_connect "$connection" "$env_file"
say "host database: $pg_source"

db_exists "$pg_host_db" || die "the host database $pg_host_db does not exist on ${PGHOST:-localhost}:${PGPORT:-5432}"
pg_psql -At -c "SELECT to_regclass('host.tenants') IS NOT NULL" | grep -qx t ||
    die "database $pg_host_db has no campus list (host.tenants): is it CampusKonseling's host database?"

declare -A wanted=()
for name in "${campuses[@]}"; do wanted["$name"]=1; done

stamp="$(date -u +%Y%m%dT%H%M%SZ)"
umask 077
mkdir -p -- "$out"
dir="$out/campuskonseling-$stamp"
mkdir -- "$dir" || die "$dir already exists"
mkdir -- "$dir/campuses"

failures=()
dump() { # dump FILE DATABASE: pg_dump -Fc with the connection in force; says why when it fails
    local file="$1" db="$2" started=$SECONDS
    if PGDATABASE="$db" pg_dump --format=custom --file="$file" 2>"$pg_tmp/err.$BASHPID"; then
        say "  $db -> ${file#"$dir"/} ($(du -h -- "$file" | cut -f1), $((SECONDS - started)) s)"
    else
        echo "$pg_script: pg_dump of database $db failed: $(tr '\n' ' ' <"$pg_tmp/err.$BASHPID")" >&2
        rm -f -- "$file"
        return 1
    fi
}

say "backing up into $dir"
dump "$dir/host.dump" "$pg_host_db" || failures+=("host database $pg_host_db")

found=0
while IFS=$'\x1f' read -r name database own_connection server; do
    [[ -n "$name" ]] || continue
    if ((${#campuses[@]} > 0)) && [[ -z "${wanted[$name]:-}" ]]; then continue; fi
    unset "wanted[$name]"
    found=$((found + 1))
    if [[ ! "$name" =~ ^[A-Za-z0-9_-]+$ ]]; then
        echo "$pg_script: campus name '$name' is not a plain name; skipped" >&2
        failures+=("$name")
        continue
    fi
    # On another of the platform's database servers: that server's connection string, with its database.
    if ! own_connection="$(pg_campus_connection "$own_connection" "$server" "$database")"; then
        failures+=("$name")
        continue
    fi
    # Its row of the campus list, so restore.sh can put back a campus that was deleted.
    pg_psql -c "\\copy (SELECT * FROM host.tenants WHERE name = '$name') TO STDOUT WITH (FORMAT csv, HEADER)" >"$dir/campuses/$name.csv"
    if [[ -n "$own_connection" ]]; then
        # A campus on its own server: its own connection string, in a subshell so the host's stays.
        (pg_use_connection "$own_connection" && dump "$dir/campuses/$name.dump" "$PGDATABASE") || failures+=("$name")
    elif db_exists "$database"; then
        dump "$dir/campuses/$name.dump" "$database" || failures+=("$name")
    else
        say "  campus $name: its database $database does not exist (a campus not set up yet?); only its list entry is kept"
    fi
done < <(pg_registry)

for name in "${!wanted[@]}"; do
    echo "$pg_script: no campus named '$name' on the campus list" >&2
    failures+=("$name")
done

{
    echo "CampusKonseling backup made $(date -u +%Y-%m-%dT%H:%M:%SZ) by $(id -un)@$(hostname)"
    echo "server: $(pg_psql -At -c 'SHOW server_version'); pg_dump: $(pg_dump --version)"
    echo "host database: $pg_host_db; last migration: $(pg_psql -At -c 'SELECT max("MigrationId") FROM host."__EFMigrationsHistory"' 2>/dev/null || echo unknown)"
    echo "campuses: $found"
    echo "Restore with: scripts/restore.sh $dir --all   (or --campus NAME); see docs/operations.md"
} >"$dir/README.txt"

if ((${#failures[@]} > 0)); then
    die "backup in $dir is INCOMPLETE; failed: ${failures[*]}"
fi
say "done: host database and $found campus(es) in $dir"
