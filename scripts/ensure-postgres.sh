#!/usr/bin/env bash
# Makes sure a local PostgreSQL cluster runs and holds the campuskonseling role and the
# database named in $1 (default: campuskonseling). Safe to run again and again.
#
# Works as root or as a user with sudo, on Debian 12. When ConnectionStrings__Default is
# set, the operator runs PostgreSQL elsewhere and nothing is touched here.
set -euo pipefail

db="${1:-campuskonseling}"
role=campuskonseling

if [[ -n "${ConnectionStrings__Default:-}" ]]; then
    echo "ensure-postgres: ConnectionStrings__Default is set; using that PostgreSQL server, nothing to do here."
    exit 0
fi

# The name ends up inside SQL, so keep it to a plain identifier.
if [[ ! "$db" =~ ^[a-z_][a-z0-9_]*$ ]]; then
    echo "ensure-postgres: '$db' is not a valid database name (use a-z, 0-9, _)" >&2
    exit 2
fi

log() { echo "ensure-postgres: $*"; }

as_root() {
    if [[ $EUID -eq 0 ]]; then
        "$@"
    elif command -v sudo >/dev/null; then
        sudo "$@"
    else
        echo "ensure-postgres: needs root or sudo to run: $*" >&2
        exit 1
    fi
}

as_postgres() {
    # cd / so psql does not complain that it cannot enter the caller's home directory.
    if [[ $EUID -eq 0 ]]; then
        (cd / && runuser -u postgres -- "$@")
    else
        (cd / && sudo -u postgres "$@")
    fi
}

server_installed() {
    command -v pg_ctlcluster >/dev/null && compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null
}

if ! server_installed; then
    log "installing PostgreSQL (apt-get)"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -o DPkg::Lock::Timeout=300 postgresql
fi

# Pick the cluster on the default port 5432 if there is one, else the first one listed.
find_cluster() {
    pg_lsclusters -h | awk '$3 == 5432 { print; found = 1; exit } NR == 1 { first = $0 } END { if (!found && first != "") print first }'
}

cluster="$(find_cluster)"
if [[ -z "$cluster" ]]; then
    version="$(basename "$(printf '%s\n' /usr/lib/postgresql/*/ | sort -V | tail -n 1)")"
    log "no cluster found; creating $version/main"
    as_root pg_createcluster "$version" main
    cluster="$(find_cluster)"
fi

read -r version name port status _ <<<"$cluster"
if [[ "$status" != online* ]]; then
    log "starting cluster $version/$name (port $port)"
    as_root pg_ctlcluster "$version" "$name" start
fi
if [[ "$port" != 5432 ]]; then
    log "warning: cluster $version/$name listens on port $port, the default connection string expects 5432" >&2
fi

for _ in $(seq 1 60); do
    pg_isready -q -h localhost -p "$port" && break
    sleep 1
done
if ! pg_isready -q -h localhost -p "$port"; then
    echo "ensure-postgres: PostgreSQL on localhost:$port did not become ready within 60 s" >&2
    exit 1
fi

psql_admin() {
    as_postgres psql -X -q -p "$port" -v ON_ERROR_STOP=1 -tA "$@"
}

if [[ "$(psql_admin -c "SELECT 1 FROM pg_roles WHERE rolname = '$role'")" != 1 ]]; then
    log "creating role $role"
    psql_admin -c "CREATE ROLE $role LOGIN CREATEDB PASSWORD '$role'"
else
    # Each campus gets its own database, so the role must be able to create them.
    psql_admin -c "ALTER ROLE $role LOGIN CREATEDB"
fi

if [[ "$(psql_admin -c "SELECT 1 FROM pg_database WHERE datname = '$db'")" != 1 ]]; then
    log "creating database $db"
    psql_admin -c "CREATE DATABASE $db OWNER $role"
fi

log "PostgreSQL $version/$name is ready on localhost:$port (database $db, role $role)"
