#!/usr/bin/env bash
# Set everything up and run every check and the whole test suite, browser tests included.
# Exits non-zero when any step fails.
set -euo pipefail

cd "$(dirname "$0")/.."
bash scripts/setup.sh

PY=.venv/bin/python
failed=()
step() {
    local name="$1"
    shift
    printf '\n==> %s\n' "$name"
    if ! "$@"; then
        failed+=("$name")
    fi
}

step "manage.py check" $PY manage.py check --fail-level WARNING
step "No missing migrations" $PY manage.py makemigrations --check --dry-run
# Deployment checks with production settings; the values are dummies for this check only.
step "check --deploy (production settings)" env \
    DJANGO_SECRET_KEY="$($PY -c 'import secrets; print(secrets.token_urlsafe(64))')" \
    DJANGO_ALLOWED_HOSTS="praksisnet.example.dk" \
    $PY manage.py check --deploy --fail-level WARNING --settings=praksisnet.settings.production
step "Test suite (pytest)" $PY -m pytest -q
step "Search backend conformance suite" \
    $PY -m pytest tests/conformance -q --ds=praksisnet.settings.conformance

if ((${#failed[@]})); then
    printf '\nFAILED: %s\n' "${failed[@]}"
    exit 1
fi
printf '\nAll checks and tests passed.\n'
