"""Listing-cache hit rate while teachers publish: how much of the cache a publish keeps.

    .venv/bin/python bench/cache_hits.py --data-dir DIR [--requests 600] [--per-publish 20]

DIR is a network bench/pages.py kept (--data-dir DIR, so DIR holds migrated SQLite data with a
demo network); use a copy, as this run publishes into it. Requests go in-process through
Django's test Client to a mix of public pages (every school and its overview, municipality
overviews, tags, home, /fund/, /forsoeg/), chosen at random; after every --per-publish requests
(one publish per second at that many requests per second) a random experiment at a random
school is published again, as an editor does. The figure is the share of listing-cache lookups
(keys under "praksisnet:listing:") that found their entry, next to the share with no publishes
at all (the baseline: the same requests, the same seed).
"""

import argparse
import os
import random
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent


def run(requests, per_publish, seed):
    from django.core.cache import cache
    from django.test import Client
    from django.urls import reverse
    from taggit.models import Tag

    from knowledge.models import ExperimentPage
    from schools.models import MunicipalityPage, SchoolPage

    rng = random.Random(seed)
    schools = list(SchoolPage.objects.live().order_by("pk"))
    urls = ["/", reverse("knowledge:findings"), reverse("knowledge:experiments")]
    urls += [school.url for school in schools]
    urls += [reverse("knowledge:school_overview", args=[school.pk]) for school in schools]
    urls += [
        reverse("knowledge:municipality_overview", args=[m.pk])
        for m in MunicipalityPage.objects.live()
    ]
    tags = Tag.objects.filter(knowledge_experimenttag_items__isnull=False).distinct()
    urls += [
        reverse("knowledge:tag_detail", args=[slug])
        for slug in tags.values_list("slug", flat=True)[:30]
    ]
    by_school = {
        school.pk: list(ExperimentPage.objects.child_of(school).live().values_list("pk", flat=True))
        for school in schools
    }
    lookups = {"hit": 0, "miss": 0}
    real_get = cache.get
    missing = object()

    def counting_get(key, default=None, version=None):
        value = real_get(key, missing, version=version)
        if str(key).startswith("praksisnet:listing:"):
            lookups["miss" if value is missing else "hit"] += 1
        return default if value is missing else value

    cache.clear()
    cache.get = counting_get
    client = Client(HTTP_HOST="localhost")
    try:
        for number in range(1, requests + 1):
            response = client.get(rng.choice(urls))
            assert response.status_code == 200, response.status_code
            if per_publish and number % per_publish == 0:
                school = rng.choice([pk for pk, ids in by_school.items() if ids])
                page = ExperimentPage.objects.get(pk=rng.choice(by_school[school]))
                page.save_revision().publish()
    finally:
        del cache.get
    return lookups["hit"] / max(1, lookups["hit"] + lookups["miss"])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", required=True, help="A network kept by bench/pages.py.")
    parser.add_argument("--requests", type=int, default=600)
    parser.add_argument("--per-publish", type=int, default=20, help="Requests per publish.")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if args.requests < 1 or args.per_publish < 1:
        parser.error("--requests and --per-publish must be at least 1")
    if not (Path(args.data_dir) / "praksisnet.sqlite3").exists():
        parser.error(f"No network in {args.data_dir}: run bench/pages.py --data-dir first.")
    os.environ["PRAKSISNET_DATA_DIR"] = args.data_dir
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "praksisnet.settings.dev")
    sys.path.insert(0, str(BASE_DIR))
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    settings.DEBUG = False
    call_command("migrate", verbosity=0)
    quiet = run(args.requests, 0, args.seed)
    busy = run(args.requests, args.per_publish, args.seed)
    print(f"{args.requests} requests, a publish after every {args.per_publish}:")
    print(f"  hit rate without publishes (baseline) {quiet:6.1%}")
    print(
        f"  hit rate with publishes               {busy:6.1%}  ({busy / quiet:.2f}x the baseline)"
    )


if __name__ == "__main__":
    main()
