#!/usr/bin/env bash
# Measures how soon ./run.sh's demo answers with and without the demo semester (issue 14): the time from starting the
# host until GET /health answers 200, until the first demo campus's page answers 200 and until every demo campus's
# does; with the semester, also until it is written (the log says so) and how long a campus page takes to answer while
# it is being written. Then the host is started again on the same databases (a restart: nothing is set up or written).
#
# Usage: scripts/bench-demo-startup.sh [--connection STRING] [--runs N] [--port P]
#   --connection STR   the PostgreSQL server (an Npgsql connection string, as ConnectionStrings__Default; default: that
#                      variable, else localhost:5432 as ./run.sh). Its Database is not used: the benchmark makes its own
#                      host database ckbench_host and campus databases ckbench_*, and drops them before each run.
#   --runs N           runs of each kind (default 1)
#   --port P           the port the host listens on (default 5099)
# It starts the built host (src/Host/bin/Release/net10.0): build first with `dotnet build -c Release src/Host`.
# It prints one Markdown table row per run (seconds), as docs/benchmarks.md records them.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/pg-settings.sh
source "$root/scripts/pg-settings.sh"

connection="${ConnectionStrings__Default:-Host=localhost;Port=5432;Database=campuskonseling;Username=campuskonseling;Password=campuskonseling}"
runs=1 port=5099
while (($# > 0)); do
    case "$1" in
        --connection) connection="${2:?--connection needs a connection string}"; shift 2 ;;
        --runs) runs="${2:?--runs needs a number}"; shift 2 ;;
        --port) port="${2:?--port needs a number}"; shift 2 ;;
        *) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 2 ;;
    esac
done
pg_need_tools psql curl
bin="$root/src/Host/bin/Release/net10.0"
[[ -f "$bin/CampusKonseling.Host.dll" ]] || die "no built host in $bin; run: dotnet build -c Release src/Host"
pg_use_connection "$connection"
host_connection="$(sed -E 's/(^|;)[[:space:]]*Database[[:space:]]*=[^;]*/\1Database=ckbench_host/I' <<<"$connection")"
[[ "$host_connection" == *ckbench_host* ]] || host_connection="$connection;Database=ckbench_host"
base="http://127.0.0.1:$port"
mapfile -t campuses < <(cd "$root/recipes" && ls -1 ./*.recipe.json | sed 's#^\./##; s#\.recipe\.json$##' | sort)
log="$(mktemp -d)"
pid=
stop() { if [[ -n "$pid" ]]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; pid=; fi; }
trap 'stop; rm -rf -- "$log"; pg_cleanup' EXIT

drop_databases() {
    local db
    for db in $(PGDATABASE=postgres psql -Atqc "SELECT datname FROM pg_database WHERE datname LIKE 'ckbench\_%'"); do
        PGDATABASE=postgres psql -qc "DROP DATABASE \"$db\" WITH (FORCE)" >/dev/null
    done
}

# Starts the host as ./run.sh does (Demo environment, demo campuses and sign-ins), on the benchmark's databases.
start() {
    local semester="$1" out="$2"
    (
        cd "$bin"
        export ASPNETCORE_ENVIRONMENT=Demo CampusKonseling__DemoTenants=true CampusKonseling__AllowDemoUsers=true
        export CampusKonseling__KeyRing__CreateIfMissing=true CampusKonseling__KeyRing__CertificatePath="$log/keyring.pfx"
        export CampusKonseling__PublicUrl="$base" CampusKonseling__RecipesPath="$root/recipes" CampusKonseling__HostAdmin__Password=Admin12345
        export ConnectionStrings__Default="$host_connection" CampusKonseling__TenantDatabasePrefix=ckbench_
        export CampusKonseling__DemoSemester__Enabled="$semester"
        exec dotnet CampusKonseling.Host.dll --urls "$base"
    ) >"$out" 2>&1 &
    pid=$!
}

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }
status() { curl -s -o /dev/null -m 10 -w '%{http_code}' "$base/$1" || true; }

# Seconds from $1 until GET $2 answers 200 (polled every 0.2 s, at most 15 minutes).
until_ok() {
    local t0="$1" path="$2" limit=$((SECONDS + 900))
    while [[ "$(status "$path")" != 200 ]]; do
        ((SECONDS < limit)) || die "$path did not answer 200 within 15 minutes; see $3"
        kill -0 "$pid" 2>/dev/null || die "the host stopped; see $3"
        sleep 0.2
    done
    elapsed "$t0" "$(now)"
}

# Answer times (ms) of a campus page sampled every 2 s while $2 is not in the log (or for $3 seconds): median and max.
sample() {
    local out="$1" marker="$2" seconds="$3" path="$4" t times=() limit=$((SECONDS + $3))
    while ((SECONDS < limit)); do
        [[ -n "$marker" ]] && grep -q "$marker" "$out" && break
        t="$(curl -s -o /dev/null -m 30 -w '%{time_total}' "$base/$path" || echo 30)"
        times+=("$(awk -v t="$t" 'BEGIN { printf "%d", t * 1000 }')")
        sleep 2
    done
    printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END { if (NR == 0) print "-"; else printf "%d / %d (%d)", a[int((NR + 1) / 2)], a[NR], NR }'
}

first="${campuses[0]}"
echo "| run | demo semester | /health | first campus (/$first/) | every campus | semester written | /$first/ answer ms while writing: median / max (samples) | restart: /health | restart: /$first/ |"
echo "|---|---|---|---|---|---|---|---|---|"
for semester in false true; do
    for ((run = 1; run <= runs; run++)); do
        drop_databases
        out="$log/host-$semester-$run.log"
        t0="$(now)"
        start "$semester" "$out"
        health="$(until_ok "$t0" health "$out")"
        page="$(until_ok "$t0" "$first/" "$out")"
        for c in "${campuses[@]}"; do every="$(until_ok "$t0" "$c/" "$out")"; done
        written=- during=-
        if [[ "$semester" == true ]]; then
            during="$(sample "$out" "every demo campus has its semester" 1800 "$first/")"
            grep -q "every demo campus has its semester" "$out" && written="$(elapsed "$t0" "$(now)")"
        else
            during="$(sample "$out" "" 60 "$first/")"
        fi
        stop
        t1="$(now)"
        start "$semester" "$out.restart"
        health2="$(until_ok "$t1" health "$out.restart")"
        page2="$(until_ok "$t1" "$first/" "$out.restart")"
        stop
        label=off
        [[ "$semester" == true ]] && label=on
        echo "| $run | $label | $health | $page | $every | $written | $during | $health2 | $page2 |"
    done
done
drop_databases
