#!/usr/bin/env bash
# Runs all tests: unit, integration (real PostgreSQL) and browser tests (Debian chromium),
# with a loopback SMTP server (maildev) that the tests read mail back from.
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

maildev_pid=
# shellcheck disable=SC2317  # called by the EXIT trap
stop_maildev() {
    if [[ -n "$maildev_pid" ]]; then
        kill "$maildev_pid" 2>/dev/null || true
        wait "$maildev_pid" 2>/dev/null || true
    fi
}
trap stop_maildev EXIT

if listening 1025; then
    echo "test.sh: something already listens on 127.0.0.1:1025; using it as the SMTP server."
else
    mkdir -p "$repo/.tools"
    "$repo/.tools/node_modules/.bin/maildev" --smtp 1025 --ip 127.0.0.1 --web 1080 --web-ip 127.0.0.1 \
        >"$repo/.tools/maildev.log" 2>&1 &
    maildev_pid=$!
    for _ in $(seq 1 50); do
        listening 1025 && listening 1080 && break
        sleep 0.2
    done
    if ! listening 1025 || ! listening 1080; then
        echo "test.sh: maildev did not start; see .tools/maildev.log" >&2
        cat "$repo/.tools/maildev.log" >&2 || true
        exit 1
    fi
    echo "test.sh: maildev on 127.0.0.1 (SMTP 1025, web/REST 1080), pid $maildev_pid"
fi

export CK_SMTP_HOST=127.0.0.1 CK_SMTP_PORT=1025 CK_MAILDEV_URL=http://127.0.0.1:1080
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

status=0
dotnet test CampusKonseling.sln -c Release --logger "console;verbosity=normal" "$@" || status=$?
exit "$status"
