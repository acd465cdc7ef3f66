#!/usr/bin/env bash
# Restores a backup made by scripts/backup.sh: the whole platform, or one campus.
#
# Usage: scripts/restore.sh BACKUP_DIR (--all | --campus NAME...) [--replace] [--connection STRING | --env-file FILE]
#   --all              the host database (campus list, sign-in keys, scheduler) and every campus in the backup;
#                      stop CampusKonseling on every node first, start it again afterwards
#   --campus NAME      one campus (repeatable): its database, and its entry on the campus list when that is
#                      missing (a campus deleted by mistake); the rest of the platform is left as it is
#   --replace          replace databases that exist; without it an existing database is never touched
#   --connection STR / --env-file FILE   as for backup.sh: the app's ConnectionStrings__Default (or PG* variables)
#
# Restore with the CampusKonseling version that made the backup (README.txt in the backup names its last
# migration), then upgrade: migrations run when the app starts. The key-ring certificate the backup was made
# under must be in place (docs/security.md), or notes stay unreadable and everybody signs in again.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=scripts/pg-settings.sh
source "$here/pg-settings.sh"

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; }

dir='' all=0 replace=0 connection='' env_file=''
campuses=()
while (($# > 0)); do
    case "$1" in
        --all) all=1; shift ;;
        --campus) campuses+=("${2:?--campus needs a campus name}"); shift 2 ;;
        --replace) replace=1; shift ;;
        --connection) connection="${2:?--connection needs a connection string}"; shift 2 ;;
        --env-file) env_file="${2:?--env-file needs a file}"; shift 2 ;;
        -h | --help) usage; exit 0 ;;
        -*) usage >&2; die "unknown option: $1" ;;
        *) [[ -z "$dir" ]] || die "one backup folder only (got '$dir' and '$1')"; dir="$1"; shift ;;
    esac
done
[[ -n "$dir" ]] || { usage >&2; die "name the backup folder (made by backup.sh)"; }
[[ -f "$dir/host.dump" ]] || die "$dir is not a backup made by backup.sh (no host.dump in it)"
if ((all == ${#campuses[@]})) || ((all == 1 && ${#campuses[@]} > 0)); then
    usage >&2
    die "say what to restore: --all, or --campus NAME (not both)"
fi
for name in "${campuses[@]}"; do
    [[ "$name" =~ ^[A-Za-z0-9_-]+$ ]] || die "'$name' is not a campus name"
    [[ -f "$dir/campuses/$name.dump" ]] || die "the backup has no database of campus '$name' ($dir/campuses/$name.dump)"
done

pg_need_tools psql pg_restore
pg_connect "$connection" "$env_file"
say "server: $pg_source"

# Replaces (or makes) a database on the host's server and fills it from a dump.
restore_database() {
    local db="$1" file="$2" what="$3" sessions attempt
    if db_exists "$db"; then
        ((replace)) || die "$what: database $db exists; nothing was changed. Add --replace to replace it with the backup."
        sessions="$(PGDATABASE=postgres pg_psql -At -c "SELECT count(*) FROM pg_stat_activity WHERE datname = $(sql_literal "$db") AND pid <> pg_backend_pid()")"
        if ((sessions > 0)); then
            say "$what: closing $sessions connection(s) to $db (if CampusKonseling runs, stop it on every node first: systemctl stop campuskonseling)"
        fi
        for attempt in 1 2 3 4 5 6 7 8 9 10; do
            # A server process of another role (autovacuum) cannot be ended by us; it ends by itself shortly.
            PGDATABASE=postgres pg_psql -v db="$db" 2>"$pg_tmp/err" <<<'DROP DATABASE IF EXISTS :"db" WITH (FORCE);' && break
            ((attempt < 10)) || die "$what: cannot drop database $db: $(tr '\n' ' ' <"$pg_tmp/err")"
            sleep 1
        done
    fi
    PGDATABASE=postgres pg_psql -v db="$db" <<<"CREATE DATABASE :\"db\" ENCODING 'UTF8' TEMPLATE template0;" ||
        die "$what: cannot create database $db (the role needs CREATEDB)"
    pg_restore --no-owner --no-privileges --exit-on-error --single-transaction \
        --dbname="dbname=$(pg_conninfo_quote "$db")" "$file" 2>"$pg_tmp/err" ||
        die "$what: pg_restore into $db failed: $(tr '\n' ' ' <"$pg_tmp/err")"
    say "$what: database $db restored from ${file#"$dir"/}"
}

# A campus on its own server: its database is made by its owner, so it is emptied and filled, not re-made.
restore_external() {
    local own_connection="$1" file="$2" what="$3" tables
    pg_use_connection "$own_connection"
    tables="$(pg_psql -At -c "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind = 'r' AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_%'")"
    if ((tables > 0)) && ((!replace)); then
        die "$what: its database $PGDATABASE on $PGHOST has $tables table(s); nothing was changed. Add --replace to replace them with the backup."
    fi
    pg_restore --no-owner --no-privileges --exit-on-error --single-transaction --clean --if-exists \
        --dbname="dbname=$(pg_conninfo_quote "$PGDATABASE")" "$file" 2>"$pg_tmp/err" ||
        die "$what: pg_restore into $PGDATABASE on $PGHOST failed: $(tr '\n' ' ' <"$pg_tmp/err")"
    say "$what: database $PGDATABASE on $PGHOST restored from ${file#"$dir"/}"
}

registry_row() { # NAME -> "database<0x1f>connection<0x1f>server" from the live campus list, or nothing
    pg_psql -At -F $'\x1f' -c "SELECT database_name, coalesce(connection_string, ''), coalesce(server, '') FROM host.tenants WHERE name = $(sql_literal "$1")"
}

# The campus-list entry in the backup (campuses/NAME.csv), read without adding it: "database<0x1f>connection".
backup_row() {
    local name="$1" csv="$2" columns
    columns="$(head -n 1 -- "$csv")"
    [[ "$columns" =~ ^[a-z_]+(,[a-z_]+)*$ ]] || die "campus $name: $csv does not start with a column list"
    pg_psql -At -F $'\x1f' <<SQL
CREATE TEMP TABLE restore_row (LIKE host.tenants);
\copy restore_row ($columns) FROM $(sql_literal "$csv") WITH (FORMAT csv, HEADER)
SELECT database_name, coalesce(connection_string, ''), coalesce(server, '') FROM restore_row WHERE name = $(sql_literal "$name");
SQL
}

restore_campus() {
    local name="$1" row database own_connection server csv listed=1
    row="$(registry_row "$name")"
    if [[ -z "$row" ]]; then
        listed=0
        csv="$dir/campuses/$name.csv"
        [[ -f "$csv" ]] || die "campus $name: not on the campus list, and the backup has no list entry for it ($csv)"
        row="$(backup_row "$name" "$csv")" || die "campus $name: cannot read its list entry from $csv"
        [[ -n "$row" ]] || die "campus $name: $csv has no entry for it"
    fi
    IFS=$'\x1f' read -r database own_connection server <<<"$row"
    # The database first, the list entry after: a running platform that sees the campus on its list
    # must find the restored database, not make an empty one of its own in the meantime.
    if [[ -n "$own_connection" ]]; then
        (restore_external "$own_connection" "$dir/campuses/$name.dump" "campus $name") || exit 1
    elif [[ -n "$server" && "${server,,}" != utama ]]; then
        # On another of the platform's database servers: made there as on the host's server.
        local server_connection
        server_connection="$(pg_campus_connection "" "$server" "$database")" || die "campus $name: its database server '$server' cannot be reached"
        (pg_use_connection "$server_connection" &&
            restore_database "$database" "$dir/campuses/$name.dump" "campus $name (server $server)") || exit 1
    else
        restore_database "$database" "$dir/campuses/$name.dump" "campus $name"
    fi
    if ((!listed)); then
        pg_psql -c "\\copy host.tenants ($(head -n 1 -- "$csv")) FROM STDIN WITH (FORMAT csv, HEADER)" <"$csv" ||
            die "campus $name: its database is restored, but it cannot be put back on the campus list"
        say "campus $name: back on the campus list (from the backup)"
    fi
}

if ((all)); then
    # On an empty server the host database is made here; the app would make an empty one at start.
    restore_database "$pg_host_db" "$dir/host.dump" "host database"
    restored=0
    while IFS=$'\x1f' read -r name _; do
        [[ -n "$name" ]] || continue
        if [[ -f "$dir/campuses/$name.dump" ]]; then
            restore_campus "$name"
            restored=$((restored + 1))
        else
            say "campus $name: no database in the backup (it had none when the backup was made); left as it is"
        fi
    done < <(pg_registry)
    say "done: the host database and $restored campus database(s). Start CampusKonseling again (systemctl start campuskonseling)."
else
    db_exists "$pg_host_db" || die "the host database $pg_host_db does not exist on this server: restore everything with --all"
    for name in "${campuses[@]}"; do restore_campus "$name"; done
    say "done: ${campuses[*]}. CampusKonseling picks the campus up within seconds; no restart is needed."
fi
