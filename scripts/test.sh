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

step "Lint (ruff check)" $PY -m ruff check .
step "Format (ruff format --check)" $PY -m ruff format --check .
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

# The production stack for real: a throwaway PostgreSQL cluster (Debian's, installed by setup.sh)
# in a temporary folder, reached only through a unix socket there (no port to collide with), and
# stopped and deleted on exit. fsync is off: the cluster holds nothing worth a crash-safe write.
# Root cannot run PostgreSQL, so as root the cluster runs as the postgres user.
start_postgres() {
    local bin
    bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
    PG_DIR="$(mktemp -d /tmp/praksisnet-pg.XXXXXX)"
    as_pg=()
    if [[ $(id -u) -eq 0 ]]; then
        chown postgres "$PG_DIR"
        as_pg=(runuser -u postgres --)
    fi
    PG_CTL=("${as_pg[@]}" "$bin/pg_ctl" -D "$PG_DIR/data")
    trap stop_postgres EXIT
    "${as_pg[@]}" "$bin/initdb" -D "$PG_DIR/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 \
        --no-sync > "$PG_DIR/initdb.log" \
        && "${PG_CTL[@]}" -l "$PG_DIR/server.log" -w start \
            -o "-k $PG_DIR -c listen_addresses='' -c fsync=off -c synchronous_commit=off" > /dev/null \
        && DATABASE_URL="postgres://postgres@$($PY -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$PG_DIR")/praksisnet" \
        && export DATABASE_URL
}
stop_postgres() {
    "${PG_CTL[@]}" -m immediate stop > /dev/null 2>&1 || true
    rm -rf "$PG_DIR"
}
# On PostgreSQL: the whole suite but the browser tests (those drive the same views through
# Chromium and are run on SQLite above). The concurrent-publishing tests thus run with production
# settings on both databases.
if step "Start a throwaway PostgreSQL" start_postgres; then
    step "Test suite on PostgreSQL (pytest -m 'not browser')" \
        $PY -m pytest -q -ra -m "not browser" --durations=10
fi

elapsed="$(( (SECONDS - started) / 60 )) min $(( (SECONDS - started) % 60 )) s"
if ((${#failed[@]})); then
    printf '\nFAILED: %s\n' "${failed[@]}"
    printf 'Total time: %s\n' "$elapsed"
    exit 1
fi
printf '\nAll checks and tests passed in %s.\n' "$elapsed"
