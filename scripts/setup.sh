#!/usr/bin/env bash
# Set up Praksisnet on this machine: system packages, Python environment, axe-core, translations
# and database. Safe to run again: every step only does what is missing.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT="$(pwd)"
PYTHON="${PYTHON:-python3}"

say() { printf '\n==> %s\n' "$*"; }

# Debian packages: the browser for the browser tests, gettext for translations, fonts for
# screenshots, python3-venv for the virtual environment, npm for axe-core and PostgreSQL, which
# scripts/test.sh starts a throwaway cluster of. A package is only installed when what it provides
# is missing (node and npm may come from another source).
missing=()
need_command() { command -v "$1" > /dev/null 2>&1 || missing+=("$2"); }
need_package() {
    dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed" || missing+=("$1")
}
need_command "$PYTHON" python3
need_command chromium chromium
need_command msgfmt gettext
need_command node nodejs
need_command npm npm
need_package fonts-dejavu-core
need_package fonts-liberation
need_package postgresql
"$PYTHON" -c 'import ensurepip, venv' 2>/dev/null || missing+=(python3-venv)
if ((${#missing[@]})); then
    say "Installing Debian packages: ${missing[*]}"
    if [[ $(id -u) -ne 0 ]]; then
        SUDO=sudo
    else
        SUDO=
    fi
    # Another apt or dpkg (an unattended upgrade, a colleague's install) may hold the dpkg
    # lock: wait for it, up to ten minutes, instead of failing at once.
    apt_wait=(-o DPkg::Lock::Timeout=600)
    if fuser /var/lib/dpkg/lock-frontend /var/lib/apt/lists/lock > /dev/null 2>&1; then
        say "Another program is using apt/dpkg; waiting for it to finish (up to 10 minutes)"
    else
        echo "(apt-get waits up to 10 minutes if another program holds the dpkg lock)"
    fi
    $SUDO apt-get "${apt_wait[@]}" update
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get "${apt_wait[@]}" install -y --no-install-recommends "${missing[@]}"
fi

if [[ ! -x .venv/bin/python ]]; then
    say "Creating the virtual environment in .venv"
    "$PYTHON" -m venv .venv
fi

# pip runs only when requirements.txt or pyproject.toml changed since the last install.
stamp=.venv/.praksisnet-requirements
wanted="$(cat requirements.txt pyproject.toml | sha256sum | cut -d' ' -f1)"
if [[ ! -f $stamp || "$(cat "$stamp")" != "$wanted" ]]; then
    say "Installing Python packages from requirements.txt"
    .venv/bin/python -m pip install --quiet -r requirements.txt
    echo "$wanted" > "$stamp"
fi

# npm ci runs only when the installed axe-core is not the version package.json pins.
pinned="$(node -p 'require("./package.json").devDependencies["axe-core"]')"
installed="$(node -p 'try { require("./node_modules/axe-core/package.json").version } catch (e) { "" }')"
if [[ ! -f node_modules/axe-core/axe.min.js || "$installed" != "$pinned" ]]; then
    say "Installing axe-core (npm ci)"
    npm ci --no-audit --no-fund
fi

if compgen -G "locale/*/LC_MESSAGES/*.po" > /dev/null; then
    say "Compiling translations"
    .venv/bin/python manage.py compilemessages --ignore=.venv --ignore=node_modules -v 0
fi

say "Migrating the database"
.venv/bin/python manage.py migrate --no-input -v 0

echo "Set-up done in $ROOT"
