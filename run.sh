#!/usr/bin/env bash
# Starts CampusKonseling on http://localhost:5000 with one demo campus per recipe.
# Installs and starts a local PostgreSQL first unless ConnectionStrings__Default points
# elsewhere. Extra arguments go to the web host, e.g. ./run.sh --urls http://0.0.0.0:8080
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

scripts/ensure-postgres.sh campuskonseling

export CampusKonseling__DemoTenants=true
export CampusKonseling__AllowDemoUsers=true
# A demo makes its own key-ring certificate (in ~/.local/share/CampusKonseling/keyring); see docs/security.md.
export CampusKonseling__KeyRing__CreateIfMissing="${CampusKonseling__KeyRing__CreateIfMissing:-true}"
# Links in mail (password reset) are built from this address, never from the request, and it is a host name the
# platform answers; set it to the server's address to reach the demo from another machine.
export CampusKonseling__PublicUrl="${CampusKonseling__PublicUrl:-http://localhost:5000}"
export CampusKonseling__RecipesPath="$PWD/recipes"
export CampusKonseling__HostAdmin__Password="${CK_HOST_ADMIN_PASSWORD:-Admin12345}"

admin_email="${CampusKonseling__HostAdmin__Email:-admin@localhost}"
demo_password="${CampusKonseling__DemoAdminPassword:-Demo12345}"

echo
echo "CampusKonseling will listen on http://localhost:5000"
echo "  Host admin:  http://localhost:5000/akun/masuk  ($admin_email / $CampusKonseling__HostAdmin__Password)"
echo "  Campuses:    http://localhost:5000/admin/kampus"
echo "  Health:      http://localhost:5000/health"
shopt -s nullglob
recipes=(recipes/*.recipe.json)
if ((${#recipes[@]} > 0)); then
    echo "  Demo campuses:"
    for recipe in "${recipes[@]}"; do
        name="$(basename "$recipe" .recipe.json)"
        printf '    %-44s admin@%s.demo / %s\n' "http://localhost:5000/$name" "$name" "$demo_password"
    done
else
    echo "  No recipes in recipes/, so no demo campuses."
fi
echo

exec dotnet run --project src/Host -c Release -- --urls http://0.0.0.0:5000 "$@"
