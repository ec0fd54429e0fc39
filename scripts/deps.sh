#!/usr/bin/env bash
# Installs what a fresh Debian 12 machine lacks to build, run and test
# Tandem: Debian packages (apt) and the npm packages in package-lock.json.
# Quick when everything is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
    gcc g++ make pkg-config clang
    libfcgi-dev libpq-dev libctemplate-dev libxml2-dev libsodium-dev
    libcmark-gfm-dev libcmark-gfm-extensions-dev libcmocka-dev libcsv-dev libdtl-dev
    libcurl4-openssl-dev libcjose-dev libjansson-dev
    postgresql nginx-light
    nodejs npm chromium default-jre-headless
    curl wrk ca-certificates
)

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' ||
        missing+=("$p")
done
# nginx-light and nginx both provide the binary we need.
if [ -x /usr/sbin/nginx ]; then
    missing=("${missing[@]/nginx-light}")
fi
# Node.js may come from elsewhere than Debian (the machine image); any 18+ will do.
if command -v node >/dev/null && command -v npm >/dev/null; then
    missing=("${missing[@]/nodejs}")
    missing=("${missing[@]/npm}")
fi
missing=($(printf '%s\n' "${missing[@]}" | grep -v '^$' || true))

if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" != 0 ]; then
        echo "deps: missing Debian packages: ${missing[*]}; run as root or install them" >&2
        exit 1
    fi
    echo "deps: installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    # Package installation may start the distribution's own servers; Tandem
    # runs its own, so stop those to leave port 80 and 5432 alone.
    systemctl stop nginx postgresql >/dev/null 2>&1 || true
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    echo "deps: installing npm packages"
    npm ci --no-audit --no-fund --loglevel=error
fi
