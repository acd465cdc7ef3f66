#!/usr/bin/env bash
# Installs what the tests need besides .NET and PostgreSQL, if it is missing:
#   - Debian chromium + chromium-driver (Playwright drives /usr/bin/chromium; browsers are
#     never downloaded by Playwright),
#   - fonts-dejavu-core (PDFsharp needs real fonts on Linux),
#   - maildev, an SMTP server with a REST API, and smtp-server + nodemailer, which the TLS test
#     server (scripts/test-smtp-tls.mjs) is built on, into .tools/ of the repository,
#   - openssl, which makes that server's self-signed certificate,
#   - axe-core, the accessibility engine the browser tests run in the pages they check.
# Safe to run again and again. Works as root or as a user with sudo.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

log() { echo "ensure-test-tools: $*"; }

as_root() {
    if [[ $EUID -eq 0 ]]; then
        "$@"
    elif command -v sudo >/dev/null; then
        sudo "$@"
    else
        echo "ensure-test-tools: needs root or sudo to run: $*" >&2
        exit 1
    fi
}

installed() {
    dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

packages=(chromium chromium-driver fonts-dejavu-core)
# pdftoppm: the exported SOP PDFs are rendered to PNG screenshots to look at (Sop/Dokumen, Browser/SopImportWalkthrough).
command -v pdftoppm >/dev/null || packages+=(poppler-utils)
command -v npm >/dev/null || packages+=(nodejs npm)
command -v openssl >/dev/null || packages+=(openssl)
# scripts/backup.sh and restore.sh run in the suite (Operations/BackupRestoreTests); a PostgreSQL server elsewhere
# (CK_TEST_CONNECTION) leaves this machine without the client tools.
command -v pg_dump >/dev/null && command -v pg_restore >/dev/null || packages+=(postgresql-client)

missing=()
for p in "${packages[@]}"; do
    installed "$p" || missing+=("$p")
done

if ((${#missing[@]} > 0)); then
    log "installing ${missing[*]} (apt-get)"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
        -o DPkg::Lock::Timeout=300 "${missing[@]}"
fi

node_modules="$repo/.tools/node_modules"
if [[ ! -x "$node_modules/.bin/maildev" || ! -f "$node_modules/smtp-server/package.json" || ! -f "$node_modules/nodemailer/package.json" ]]; then
    log "installing maildev@2, smtp-server@3 and nodemailer@6 into $repo/.tools (npm)"
    npm install --prefix "$repo/.tools" --no-audit --no-fund maildev@2 smtp-server@3 nodemailer@6
fi
# axe-core: the accessibility engine the browser tests run inside each page they check.
if [[ ! -f "$node_modules/axe-core/axe.min.js" ]]; then
    log "installing axe-core@4 into $repo/.tools (npm)"
    npm install --prefix "$repo/.tools" --no-audit --no-fund axe-core@4
fi

log "chromium, chromium-driver, fonts-dejavu-core, poppler-utils, openssl, maildev, smtp-server, nodemailer and axe-core are present"
