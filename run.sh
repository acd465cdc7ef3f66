#!/usr/bin/env bash
# Starts CampusKonseling as a demo on http://localhost:5000 with one demo campus per recipe.
# It listens on 127.0.0.1 only: the demo's passwords are printed below and in the README, so
# only this machine can reach it. To open it to the network on purpose, give the address to
# listen on and the address people will type (links in mail are built from it, and other host
# names are refused):
#   CK_LISTEN=0.0.0.0 CampusKonseling__PublicUrl=http://192.168.1.10:5000 ./run.sh
# CK_PORT changes the port (default 5000). Extra arguments go to the web host; --urls replaces
# CK_LISTEN and CK_PORT. Installs and starts a local PostgreSQL first unless
# ConnectionStrings__Default points elsewhere. For a real server see docs/operations.md.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

listen="${CK_LISTEN:-127.0.0.1}"
port="${CK_PORT:-5000}"
if [[ ! "$port" =~ ^[0-9]+$ ]] || ((port < 1 || port > 65535)); then
    echo "run.sh: CK_PORT='$port' is not a port number (1-65535)" >&2
    exit 2
fi
if [[ ! "$listen" =~ ^[][0-9A-Za-z.:-]+$ ]]; then
    echo "run.sh: CK_LISTEN='$listen' is not an address to listen on (e.g. 127.0.0.1, 0.0.0.0, [::])" >&2
    exit 2
fi
urls="http://$listen:$port"
for arg in "$@"; do
    case "$arg" in --urls | --urls=*) urls= ;; esac
done

# Kestrel would only say "address already in use"; say who may hold it.
if [[ -n "$urls" ]] && (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "run.sh: something already listens on port $port: another ./run.sh, or ./test.sh (it holds 127.0.0.1:5000" >&2
    echo "        while the suite runs, to show the tests do not need it). Stop it, or choose another port: CK_PORT=5001 ./run.sh" >&2
    exit 1
fi

scripts/ensure-postgres.sh campuskonseling

# The host refuses demo campuses and demo sign-ins in Production (what a Release build is without
# ASPNETCORE_ENVIRONMENT); this is a demo, so it says so.
export ASPNETCORE_ENVIRONMENT=Demo
export CampusKonseling__DemoTenants=true
export CampusKonseling__AllowDemoUsers=true
# A demo makes its own key-ring certificate (in ~/.local/share/CampusKonseling/keyring); see docs/security.md.
export CampusKonseling__KeyRing__CreateIfMissing="${CampusKonseling__KeyRing__CreateIfMissing:-true}"
# Links in mail (password reset) are built from this address, never from the request, and it is a host name the
# platform answers; set it to the server's address to reach the demo from another machine.
export CampusKonseling__PublicUrl="${CampusKonseling__PublicUrl:-http://localhost:$port}"
export CampusKonseling__RecipesPath="$PWD/recipes"
export CampusKonseling__HostAdmin__Password="${CK_HOST_ADMIN_PASSWORD:-Admin12345}"

admin_email="${CampusKonseling__HostAdmin__Email:-admin@localhost}"
demo_password="${CampusKonseling__DemoAdminPassword:-Demo12345}"
site="${CampusKonseling__PublicUrl%/}"

echo
if [[ -z "$urls" ]]; then
    echo "CampusKonseling (demo) will listen where your --urls says; links below use $site"
elif [[ "$listen" == 127.* || "$listen" == localhost || "$listen" == "[::1]" ]]; then
    echo "CampusKonseling (demo) will listen on $urls: this machine only."
    echo "  To open it to the network on purpose: CK_LISTEN=0.0.0.0 CampusKonseling__PublicUrl=http://<this server's address>:$port ./run.sh"
else
    echo "CampusKonseling (demo) will listen on $urls: OPEN TO THE NETWORK, with the demo passwords below."
    if [[ "$site" == http://localhost:* || "$site" == http://127.* ]]; then
        echo "  CampusKonseling__PublicUrl is $site: set it to the address others type (e.g. http://192.168.1.10:$port),"
        echo "  or the platform refuses their requests (unknown host name) and mail links point at localhost."
    fi
    if [[ -z "${CK_HOST_ADMIN_PASSWORD:-}" || -z "${CampusKonseling__DemoAdminPassword:-}" ]]; then
        echo "  Choose other passwords: CK_HOST_ADMIN_PASSWORD=... CampusKonseling__DemoAdminPassword=... ./run.sh"
    fi
fi
echo "  Host admin:  $site/akun/masuk  ($admin_email / $CampusKonseling__HostAdmin__Password)"
echo "  Campuses:    $site/admin/kampus"
echo "  Health:      $site/health"
shopt -s nullglob
recipes=(recipes/*.recipe.json)
if ((${#recipes[@]} > 0)); then
    echo "  Demo campuses:"
    for recipe in "${recipes[@]}"; do
        name="$(basename "$recipe" .recipe.json)"
        printf '    %-44s admin@%s.demo / %s\n' "$site/$name" "$name" "$demo_password"
    done
else
    echo "  No recipes in recipes/, so no demo campuses."
fi
echo "  A real server: docs/operations.md (publish, systemd, nginx with TLS, backups)."
echo

exec dotnet run --project src/Host -c Release -- ${urls:+--urls "$urls"} "$@"
