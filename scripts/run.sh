#!/usr/bin/env bash
# Set everything up, build the demo network when the database has no experiments, and run the
# site at http://127.0.0.1:8000, or on the port in PORT (PORT=8080 bash scripts/run.sh).
set -euo pipefail

cd "$(dirname "$0")/.."
PORT="${PORT:-8000}"
if ! [[ "$PORT" =~ ^[0-9]+$ ]] || ((PORT < 1 || PORT > 65535)); then
    echo "PORT must be a port number from 1 to 65535 (got '$PORT'), e.g. PORT=8080 bash scripts/run.sh" >&2
    exit 2
fi
URL="http://127.0.0.1:$PORT"
bash scripts/setup.sh

experiments="$(.venv/bin/python manage.py shell -v 0 -c \
    'from knowledge.models import ExperimentPage; print(ExperimentPage.objects.count())')"
if [[ "$experiments" == "0" ]]; then
    printf '\n==> Building the demo network (first run only)\n'
    .venv/bin/python manage.py load_demo_network
fi

printf '\n==> Demo accounts (log in at %s/admin/)\n' "$URL"
# The demo passwords follow from the seed; load_demo_network's default seed is 1.
.venv/bin/python manage.py shell -v 0 -c '
from django.contrib.auth import get_user_model
from knowledge.demo.builder import ACCOUNT_ROLES, account_passwords
passwords = account_passwords(1)
existing = set(get_user_model().objects.values_list("username", flat=True))
for role, username in ACCOUNT_ROLES:
    if username in existing:
        print(f"    {role}: {username} / {passwords[username]}")
'

printf '\n==> Praksisnet runs at %s (port %s; PORT=... chooses another; Ctrl+C stops it)\n' "$URL" "$PORT"
exec .venv/bin/python manage.py runserver "127.0.0.1:$PORT"
