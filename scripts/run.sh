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

printf '\n==> Demo accounts (log in at http://127.0.0.1:8000/admin/)\n'
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

printf '\n==> Praksisnet runs at http://127.0.0.1:8000 (Ctrl+C stops it)\n'
exec .venv/bin/python manage.py runserver 127.0.0.1:8000
