#!/usr/bin/env bash
# Runs all tests: unit, integration (real PostgreSQL) and browser tests (Debian chromium),
# with loopback SMTP servers that the tests read mail back from:
#   - maildev (plain SMTP + REST API), on free ports, or the one named by CK_SMTP_PORT and
#     CK_MAILDEV_URL when both are set (reused on purpose, and said so);
#   - scripts/test-smtp-tls.mjs: STARTTLS and implicit TLS with AUTH, forwarding to maildev,
#     with a self-signed certificate made here for 127.0.0.1/localhost.
# No fixed port is needed: a mail catcher of your own on 1025/1080 does not disturb the suite.
# Extra arguments go to dotnet test, e.g. ./test.sh --filter "FullyQualifiedName~Recipes"
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
repo="$PWD"

if [[ -n "${CK_TEST_CONNECTION:-}" ]]; then
    echo "test.sh: CK_TEST_CONNECTION is set; tests use that PostgreSQL server."
else
    # Tests use the local default connection unless CK_TEST_CONNECTION is set, so make sure
    # the local server is there even when ConnectionStrings__Default is set for the app.
    env -u ConnectionStrings__Default scripts/ensure-postgres.sh campuskonseling_test
fi
scripts/ensure-test-tools.sh

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Prints N loopback ports that nothing listens on: held open together by python3 so they differ,
# else random ones probed with /dev/tcp.
free_ports() {
    if command -v python3 >/dev/null; then
        python3 -c '
import socket, sys
held = [socket.socket() for _ in range(int(sys.argv[1]))]
for s in held: s.bind(("127.0.0.1", 0))
print(" ".join(str(s.getsockname()[1]) for s in held))' "$1"
    else
        local ports=() p
        while ((${#ports[@]} < $1)); do
            p=$((20000 + RANDOM % 40000))
            listening "$p" || [[ " ${ports[*]} " == *" $p "* ]] || ports+=("$p")
        done
        echo "${ports[*]}"
    fi
}

# Waits up to 10 s for the ports to listen while process $1 lives.
wait_for() {
    local pid=$1 port
    shift
    for _ in $(seq 1 50); do
        kill -0 "$pid" 2>/dev/null || return 1
        for port in "$@"; do listening "$port" || { sleep 0.2; continue 2; }; done
        return 0
    done
    return 1
}

work="$(mktemp -d "$repo/.tools/test-smtp.XXXXXX")"
pids=()
# shellcheck disable=SC2317  # called by the EXIT trap
stop_servers() {
    local pid
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
    rm -rf "$work"
}
trap stop_servers EXIT

if [[ -n "${CK_SMTP_PORT:-}" && -n "${CK_MAILDEV_URL:-}" ]]; then
    export CK_SMTP_HOST="${CK_SMTP_HOST:-127.0.0.1}"
    echo "test.sh: CK_SMTP_PORT and CK_MAILDEV_URL are set; reusing that maildev (SMTP $CK_SMTP_HOST:$CK_SMTP_PORT, REST $CK_MAILDEV_URL)."
else
    read -r smtp_port web_port < <(free_ports 2)
    "$repo/.tools/node_modules/.bin/maildev" --smtp "$smtp_port" --ip 127.0.0.1 --web "$web_port" --web-ip 127.0.0.1 \
        >"$work/maildev.log" 2>&1 &
    pids+=($!)
    if ! wait_for "${pids[-1]}" "$smtp_port" "$web_port"; then
        echo "test.sh: maildev did not start on ports $smtp_port/$web_port:" >&2
        cat "$work/maildev.log" >&2 || true
        exit 1
    fi
    echo "test.sh: maildev on 127.0.0.1 (SMTP $smtp_port, web/REST $web_port), pid ${pids[-1]}"
    export CK_SMTP_HOST=127.0.0.1 CK_SMTP_PORT="$smtp_port" CK_MAILDEV_URL="http://127.0.0.1:$web_port"
fi

# The TLS test server's certificate: self-signed, for the names the tests connect to. The tests'
# host trusts it through CampusKonseling:Smtp:TrustedCertificatesFile, as an operator would an internal CA.
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=localhost" \
    -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" -addext "basicConstraints=critical,CA:TRUE" \
    -keyout "$work/smtp-tls.key" -out "$work/smtp-tls.crt" 2>"$work/openssl.log" \
    || { cat "$work/openssl.log" >&2; exit 1; }
read -r starttls_port tls_port < <(free_ports 2)
export CK_SMTP_STARTTLS_PORT="$starttls_port" CK_SMTP_TLS_PORT="$tls_port" \
    CK_SMTP_TLS_CA="$work/smtp-tls.crt" CK_SMTP_TLS_KEY="$work/smtp-tls.key" \
    CK_SMTP_TLS_USER="relai@kampus-uji.test" CK_SMTP_TLS_PASSWORD="sandi-relai-$RANDOM$RANDOM" \
    CK_SMTP_TLS_TOKEN="ya29.token-uji-$RANDOM$RANDOM"
CK_TOOLS_NODE_MODULES="$repo/.tools/node_modules" node "$repo/scripts/test-smtp-tls.mjs" >"$work/smtp-tls.log" 2>&1 &
pids+=($!)
if ! wait_for "${pids[-1]}" "$starttls_port" "$tls_port"; then
    echo "test.sh: the TLS test SMTP server did not start on ports $starttls_port/$tls_port:" >&2
    cat "$work/smtp-tls.log" >&2 || true
    exit 1
fi
echo "test.sh: TLS test SMTP server on 127.0.0.1 (STARTTLS $starttls_port, implicit TLS $tls_port), forwarding to $CK_SMTP_HOST:$CK_SMTP_PORT"

# A second PostgreSQL server, thrown away afterwards, for the campuses that live on another database server
# (Tenancy/DatabaseServerTests). Its own data folder and a free port; trust on loopback only.
pg_bin="$(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
pg2_dir="$(mktemp -d /tmp/ck-test-pg2.XXXXXX)"
read -r pg2_port < <(free_ports 1)
as_pg() { if [[ $EUID -eq 0 ]]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi; }
[[ $EUID -eq 0 ]] && chown postgres "$pg2_dir"
stop_pg2() {
    as_pg "$pg_bin/pg_ctl" -D "$pg2_dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$pg2_dir"
}
trap 'stop_pg2; stop_servers' EXIT
if as_pg "$pg_bin/initdb" -D "$pg2_dir/data" -U campuskonseling --auth=trust -E UTF8 --locale=C.UTF-8 >"$pg2_dir/initdb.log" 2>&1 \
    && as_pg "$pg_bin/pg_ctl" -D "$pg2_dir/data" -l "$pg2_dir/server.log" -w -t 60 \
        -o "-p $pg2_port -k $pg2_dir -c listen_addresses=127.0.0.1 -c max_connections=60 -c fsync=off -c synchronous_commit=off" start >/dev/null; then
    export CK_TEST_SECOND_SERVER="Host=127.0.0.1;Port=$pg2_port;Username=campuskonseling;Password=campuskonseling"
    echo "test.sh: second PostgreSQL server on 127.0.0.1:$pg2_port ($pg2_dir)"
else
    echo "test.sh: the second PostgreSQL server did not start; the several-servers test will say so:" >&2
    cat "$pg2_dir/initdb.log" "$pg2_dir/server.log" 2>/dev/null | tail -n 20 >&2 || true
fi

export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

status=0
set +e
dotnet test CampusKonseling.sln -c Release --logger "console;verbosity=normal" "$@" 2>&1 | tee "$work/dotnet-test.log"
status=${PIPESTATUS[0]}
set -e
if [ "$status" -ne 0 ]; then
    # CI shows the end of the output: repeat each failed test with its message there.
    echo
    echo "test.sh: dotnet test ended with $status; the failed tests:"
    # A message repeated by several tests (one fixture failing them all) is printed once.
    awk '/^  Failed /{show=1; n=0; msg=""; print; next}
         /^  (Passed|Skipped) /{show=0}
         show && n==1 {msg=$0; if (msg in seen) {print "   (the same message as an earlier failed test)"; show=0; next}; seen[msg]=1}
         show && n<60 {print; n++}' "$work/dotnet-test.log"
fi
exit "$status"
