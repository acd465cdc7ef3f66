# shellcheck shell=bash
# Sourced by backup.sh and restore.sh: how to reach the host database, from the same settings the app
# uses. In this order, the first one given wins:
#   --connection "Host=...;Port=...;Database=...;Username=...;Password=..."   (an Npgsql connection string)
#   --env-file FILE       a systemd EnvironmentFile (KEY=VALUE lines) holding ConnectionStrings__Default
#   ConnectionStrings__Default in the environment
#   libpq's own PGHOST, PGPORT, PGUSER, PGPASSWORD/PGPASSFILE, PGDATABASE (host database; default campuskonseling)
# The password never goes on a command line: it is written to a private passfile that is removed on exit.

pg_script="$(basename "$0")"
# shellcheck disable=SC2034 # pg_host_db and pg_source are read by the scripts that source this file
pg_tmp=
pg_host_db=
pg_source=

say() { echo "$pg_script: $*"; }
die() {
    echo "$pg_script: $*" >&2
    exit 1
}

pg_cleanup() { [[ -n "$pg_tmp" ]] && rm -rf -- "$pg_tmp"; }
trap pg_cleanup EXIT

pg_need_tools() {
    local tool
    for tool in "$@"; do
        command -v "$tool" >/dev/null ||
            die "$tool is not installed; install the PostgreSQL client (Debian: apt-get install postgresql-client), the same major version as the server or newer."
    done
}

# The value of KEY in a systemd EnvironmentFile: KEY=VALUE, optionally in double or single quotes.
pg_env_file_value() {
    local file="$1" key="$2" line value=
    [[ -r "$file" ]] || die "cannot read $file"
    while IFS= read -r line || [[ -n "$line" ]]; do
        line="${line#"${line%%[![:space:]]*}"}"
        [[ "$line" == "$key="* ]] || continue
        value="${line#"$key="}"
        if [[ "$value" == \"*\" || "$value" == \'*\' ]]; then value="${value:1:${#value}-2}"; fi
    done <"$file"
    printf '%s' "$value"
}

# Parses an Npgsql (ADO.NET) connection string into the associative array pg_conn, keyed by the lower-case
# keyword without spaces. Values may be quoted with ' or " (a doubled quote inside stands for one).
declare -A pg_conn=()
pg_parse_connection() {
    local s="$1" i=0 n=${#1} key value quote c
    pg_conn=()
    while ((i < n)); do
        while ((i < n)) && [[ "${s:i:1}" == [[:space:]\;] ]]; do ((i += 1)); done
        ((i < n)) || break
        key=
        while ((i < n)) && [[ "${s:i:1}" != "=" ]]; do key+="${s:i:1}"; ((i += 1)); done
        ((i < n)) || die "the connection string has '$key' without '=' (expected Key=Value;Key=Value)"
        ((i += 1))
        while ((i < n)) && [[ "${s:i:1}" == [[:space:]] ]]; do ((i += 1)); done
        value=
        c="${s:i:1}"
        if [[ "$c" == "'" || "$c" == '"' ]]; then
            quote="$c"
            ((i += 1))
            while ((i < n)); do
                c="${s:i:1}"
                if [[ "$c" == "$quote" ]]; then
                    if [[ "${s:i+1:1}" == "$quote" ]]; then value+="$c"; ((i += 2)); continue; fi
                    ((i += 1))
                    break
                fi
                value+="$c"
                ((i += 1))
            done
            while ((i < n)) && [[ "${s:i:1}" != ";" ]]; do ((i += 1)); done
        else
            while ((i < n)) && [[ "${s:i:1}" != ";" ]]; do value+="${s:i:1}"; ((i += 1)); done
            value="${value%"${value##*[![:space:]]}"}"
        fi
        key="${key//[[:space:]]/}"
        pg_conn["${key,,}"]="$value"
    done
}

pg_first() {
    local k
    for k in "$@"; do
        if [[ -n "${pg_conn[$k]:-}" ]]; then
            printf '%s' "${pg_conn[$k]}"
            return
        fi
    done
}

# Exports PGHOST, PGPORT, PGUSER, PGDATABASE, PGSSLMODE, PGCONNECT_TIMEOUT and a PGPASSFILE from an Npgsql
# connection string, for every libpq tool (psql, pg_dump, pg_restore) this script runs.
pg_use_connection() {
    local password sslmode passfile
    pg_parse_connection "$1"
    export PGHOST PGPORT PGUSER PGDATABASE
    PGHOST="$(pg_first host server)"
    PGPORT="$(pg_first port)"
    PGUSER="$(pg_first username userid user)"
    PGDATABASE="$(pg_first database db)"
    [[ -n "$PGHOST" ]] || PGHOST=localhost
    [[ -n "$PGPORT" ]] || PGPORT=5432
    [[ -n "$PGDATABASE" ]] || die "the connection string names no Database (the host database, e.g. Database=campuskonseling)"
    [[ -n "$PGUSER" ]] || unset PGUSER
    sslmode="$(pg_first sslmode)"
    case "${sslmode,,}" in
        "") ;;
        disable | allow | prefer | require) export PGSSLMODE="${sslmode,,}" ;;
        verifyca | verify-ca) export PGSSLMODE=verify-ca ;;
        verifyfull | verify-full) export PGSSLMODE=verify-full ;;
        *) die "SSL Mode=$sslmode in the connection string is not one libpq knows" ;;
    esac
    PGCONNECT_TIMEOUT="$(pg_first timeout)"
    if [[ -n "$PGCONNECT_TIMEOUT" ]]; then export PGCONNECT_TIMEOUT; else unset PGCONNECT_TIMEOUT; fi
    password="$(pg_first password pwd psw)"
    if [[ -n "$password" ]]; then
        # A passfile escapes ':' and '\'; the file is private to this run.
        password="${password//\\/\\\\}"
        password="${password//:/\\:}"
        # One file per (sub)shell: a campus on its own server sets its own in a subshell.
        passfile="$pg_tmp/pgpass.$BASHPID"
        (umask 077 && printf '*:*:*:*:%s\n' "$password" >"$passfile")
        export PGPASSFILE="$passfile"
        unset PGPASSWORD
    fi
}

# Sets the connection from the options the script was given (see the top of this file).
pg_connect() {
    local connection="$1" env_file="$2"
    pg_env_file="$env_file"
    pg_tmp="$(mktemp -d)"
    if [[ -z "$connection" && -n "$env_file" ]]; then
        connection="$(pg_env_file_value "$env_file" ConnectionStrings__Default)"
        [[ -n "$connection" ]] || die "$env_file has no ConnectionStrings__Default line"
    fi
    [[ -n "$connection" ]] || connection="${ConnectionStrings__Default:-}"
    if [[ -n "$connection" ]]; then
        pg_use_connection "$connection"
        pg_source="the connection string (server $PGHOST:$PGPORT, host database $PGDATABASE)"
    else
        export PGDATABASE="${PGDATABASE:-campuskonseling}"
        pg_source="libpq's PG* settings (host database $PGDATABASE)"
    fi
    # shellcheck disable=SC2034 # read by the scripts that source this file
    pg_host_db="$PGDATABASE" # the scripts' name for it, whatever PGDATABASE says later
    # The server's maintenance database: on an empty server (restore --all) the host database is not there yet.
    PGDATABASE=postgres psql -X -q -v ON_ERROR_STOP=1 -At -c 'SELECT 1' >/dev/null 2>"$pg_tmp/err" ||
        die "cannot reach PostgreSQL with $pg_source: $(tr '\n' ' ' <"$pg_tmp/err")"
}

# psql on the host database (or another, with PGDATABASE=... before the call), quiet, stopping at the first error.
pg_psql() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }

sql_literal() { printf "'%s'" "${1//\'/\'\'}"; }

# Whether a database exists on the server of the connection in force.
db_exists() { [[ "$(PGDATABASE=postgres pg_psql -At -c "SELECT count(*) FROM pg_database WHERE datname = $(sql_literal "$1")")" == 1 ]]; }

# libpq's quoting of one connection-string value, for pg_restore's --dbname.
pg_conninfo_quote() {
    local v="${1//\\/\\\\}"
    printf "'%s'" "${v//\'/\\\'}"
}

# Campus rows of the host database's registry: name, database name, own connection string, database server name
# (both empty when the campus database sits on the host's server), one per line, separated by the unit separator (0x1f).
pg_registry() {
    pg_psql -At -F $'\x1f' -c "SELECT name, database_name, coalesce(connection_string, ''), coalesce(server, '') FROM host.tenants ORDER BY name"
}

# The connection string of a campus database that is not on the host's server: its own connection string, or that of
# the database server named in its list entry (CampusKonseling__Servers__NAME__ConnectionString, from the env file or
# the environment) with its database; empty when it is on the host's server ("utama"). Fails (status 1, the reason
# on stderr) when the server's connection string is not found: the caller counts the campus as not backed up.
pg_campus_connection() {
    local own="$1" server="$2" database="$3" key value=
    if [[ -n "$own" ]]; then printf '%s' "$own"; return 0; fi
    if [[ -z "$server" || "${server,,}" == utama ]]; then return 0; fi
    if [[ ! "$server" =~ ^[A-Za-z0-9_]+$ ]]; then
        echo "$pg_script: database server name '$server' is not a plain name" >&2
        return 1
    fi
    key="CampusKonseling__Servers__${server}__ConnectionString"
    if [[ -n "${pg_env_file:-}" ]]; then value="$(pg_env_file_value "$pg_env_file" "$key")"; fi
    [[ -n "$value" ]] || value="${!key:-}"
    if [[ -z "$value" ]]; then
        echo "$pg_script: the campus database server '$server' has no connection string: set $key (in the env file or the environment)" >&2
        return 1
    fi
    printf '%s;Database=%s' "$value" "$database"
}
