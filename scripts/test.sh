#!/usr/bin/env bash
# Set everything up and run every check and the whole test suite, browser tests included.
# Exits non-zero when any step fails.
set -euo pipefail

cd "$(dirname "$0")/.."
started=$SECONDS
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
# -ra lists every test that did not pass (failed, errored, skipped) under the summary line;
# --durations shows where the run's time goes. pytest exits non-zero on a failure and also when
# it collected no tests (exit code 5), so an empty run fails the step too.
step "Test suite (pytest)" $PY -m pytest -q -ra --durations=25
step "Search backend conformance suite" \
    $PY -m pytest tests/conformance -q -ra --ds=praksisnet.settings.conformance

elapsed="$(( (SECONDS - started) / 60 )) min $(( (SECONDS - started) % 60 )) s"
if ((${#failed[@]})); then
    printf '\nFAILED: %s\n' "${failed[@]}"
    printf 'Total time: %s\n' "$elapsed"
    exit 1
fi
printf '\nAll checks and tests passed in %s.\n' "$elapsed"
