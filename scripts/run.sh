#!/usr/bin/env bash
# Set everything up, build the demo network when the database has no experiments, and run the
# site at http://127.0.0.1:8000.
set -euo pipefail

cd "$(dirname "$0")/.."
bash scripts/setup.sh

experiments="$(.venv/bin/python manage.py shell -v 0 -c \
    'from knowledge.models import ExperimentPage; print(ExperimentPage.objects.count())')"
if [[ "$experiments" == "0" ]]; then
    printf '\n==> Building the demo network (first run only)\n'
    .venv/bin/python manage.py load_demo_network
fi

cat <<'LOGINS'

==> Demo accounts (log in at http://127.0.0.1:8000/admin/)
    load_demo_network printed the passwords when it built the network; see README.md
    ("Demo accounts") for the user names and how to reset them.
LOGINS

printf '\n==> Praksisnet runs at http://127.0.0.1:8000 (Ctrl+C stops it)\n'
exec .venv/bin/python manage.py runserver 127.0.0.1:8000
