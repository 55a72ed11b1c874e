"""Server time of the public pages against a bare Wagtail page, at several network sizes.

    .venv/bin/python bench/pages.py [--sizes 1000,10000] [--requests 40] [--cold] [--data-dir DIR]

For each size a child process gets a throwaway data folder (SQLite database, media) under a temp
folder, migrates it, builds the demo network with that many experiments (the same builder as
load_demo_network, without the search index, which these pages do not use) and times requests
in-process through Django's test Client. The floor is a plain wagtailcore.Page with only a title,
served by the same stack (templates/wagtailcore/page.html extends base.html like every page).
Target: every page within 3x the floor at 10,000 experiments, and no growth with N.

Pages cache their listings (knowledge.cache); --cold clears the cache before every request, so
the figures show what a page costs without it. --data-dir DIR keeps each size's network in
DIR/<size>/ and reuses it in later runs (building 10,000 experiments takes minutes).
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
WARM_UP = 5
TARGET_RATIO = 3.0


BUILT_MARKER = "bench-network-built"


def measure(size, requests, cold=False):
    """Runs in the child process: build (or reuse) a network of size experiments, time the pages."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "praksisnet.settings.dev")
    sys.path.insert(0, str(BASE_DIR))
    import django

    django.setup()
    from django.conf import settings
    from django.core.cache import cache
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse
    from taggit.models import Tag
    from wagtail.models import Page

    from knowledge.demo.builder import NetworkBuilder
    from knowledge.listings.queries import tags_visible_to
    from knowledge.models import ExperimentPage, HomePage
    from schools.models import SchoolPage

    settings.DEBUG = False  # dev settings otherwise, but no per-query debug bookkeeping
    call_command("migrate", verbosity=0)
    marker = Path(settings.DATA_DIR) / BUILT_MARKER
    started = time.monotonic()
    if marker.exists():
        floor = Page.objects.get(slug="grundlinje")
        # A network kept from an earlier run may predate the listing facts: count them now.
        call_command("rebuild_listing_facts", stdout=open(os.devnull, "w"))
    else:
        NetworkBuilder(
            seed=1, experiments=size, progress=False, index=False, log=lambda *a: None
        ).build()
        floor = Page(title="Grundlinje", slug="grundlinje")
        HomePage.objects.get().add_child(instance=floor)
        floor.save_revision().publish()
        marker.write_text(str(size))
    build_seconds = time.monotonic() - started

    anonymous = type("Anonymous", (), {"is_authenticated": False})()
    biggest_school = max(
        SchoolPage.objects.all(), key=lambda s: ExperimentPage.objects.child_of(s).count()
    )
    top_tag = tags_visible_to(anonymous).first()
    experiment = (
        ExperimentPage.objects.live()
        .filter(members_only=False, picture__isnull=False)
        .order_by("-first_published_at")
        .first()
    )
    pages = {
        "floor (bare page)": floor.url,
        "home": "/",
        "school": biggest_school.url,
        "tag": reverse("knowledge:tag_detail", args=[top_tag.slug]),
        "experiment": experiment.url,
        "school overview": reverse("knowledge:school_overview", args=[biggest_school.pk]),
        "municip. overview": reverse(
            "knowledge:municipality_overview", args=[biggest_school.get_parent().pk]
        ),
        "findings": reverse("knowledge:findings"),
        "findings, 2 filters": (
            reverse("knowledge:findings") + f"?emne={top_tag.slug}&status=completed"
        ),
        "experiments list": reverse("knowledge:experiments"),
    }
    client = Client(HTTP_HOST="localhost")
    query_counts = {}
    for name, url in pages.items():
        for _ in range(WARM_UP):
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)
        connection.queries_log.clear()  # a full log (it keeps 9,000) would make the count 0
        if cold:
            cache.clear()
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        query_counts[name] = len(queries)
    # Interleaved rounds, so a busy moment on the machine hits every page alike.
    timings = {name: [] for name in pages}
    for _ in range(requests):
        for name, url in pages.items():
            if cold:
                cache.clear()
            began = time.perf_counter()
            client.get(url)
            timings[name].append((time.perf_counter() - began) * 1000)
    results = {}
    for name, values in timings.items():
        values.sort()
        results[name] = {
            "median": statistics.median(values),
            "p95": values[min(len(values) - 1, round(0.95 * len(values)) - 1)],
            "queries": query_counts[name],
            "url": pages[name],
        }
    return {
        "size": size,
        "build_seconds": build_seconds,
        "pages": results,
        "cold": cold,
        "school_experiments": ExperimentPage.objects.child_of(biggest_school).count(),
        "tag_experiments": Tag.objects.get(pk=top_tag.pk).knowledge_experimenttag_items.count(),
    }


def run_size(size, requests, cold=False, keep_dir=None):
    if keep_dir is not None:
        data_dir = Path(keep_dir) / str(size)
        data_dir.mkdir(parents=True, exist_ok=True)
        return run_child(size, requests, cold, data_dir)
    with tempfile.TemporaryDirectory(prefix=f"praksisnet-bench-{size}-") as data_dir:
        return run_child(size, requests, cold, data_dir)


def run_child(size, requests, cold, data_dir):
    env = {
        **os.environ,
        "PRAKSISNET_DATA_DIR": str(data_dir),
        "DJANGO_SETTINGS_MODULE": "praksisnet.settings.dev",
    }
    env.pop("PRAKSISNET_MEDIA_ROOT", None)
    env.pop("PRAKSISNET_SEARCH_INDEX", None)
    command = [sys.executable, __file__, "--child", str(size), "--requests", str(requests)]
    completed = subprocess.run(
        command + (["--cold"] if cold else []),
        env=env,
        cwd=BASE_DIR,
        capture_output=True,
        text=True,
    )
    if completed.returncode:
        sys.exit(f"The run with {size} experiments failed:\n{completed.stderr}")
    return json.loads(completed.stdout.strip().splitlines()[-1])


def print_table(runs):
    if runs and runs[0].get("cold"):
        print("Cold: the cache was cleared before every request.")
    print(
        f"{'experiments':>11}  {'page':<18} {'median ms':>9} {'p95 ms':>8} {'x floor':>8} {'queries':>7}"
    )
    for run in runs:
        floor = run["pages"]["floor (bare page)"]["median"]
        for name, figures in run["pages"].items():
            ratio = figures["median"] / floor
            flag = "" if ratio <= TARGET_RATIO or name.startswith("floor") else "  > 3x"
            print(
                f"{run['size']:>11}  {name:<18} {figures['median']:>9.1f} {figures['p95']:>8.1f} "
                f"{ratio:>8.2f} {figures['queries']:>7}{flag}"
            )
        print(
            f"{'':>11}  built (or reused) in {run['build_seconds']:.0f} s; school page has "
            f"{run['school_experiments']} experiments, tag page {run['tag_experiments']}"
        )
    if len(runs) > 1:
        small, large = runs[0], runs[-1]
        print(f"\nGrowth from {small['size']} to {large['size']} experiments (ratio to floor):")
        for name in small["pages"]:
            before = small["pages"][name]["median"] / small["pages"]["floor (bare page)"]["median"]
            after = large["pages"][name]["median"] / large["pages"]["floor (bare page)"]["median"]
            print(f"  {name:<18} {before:.2f} -> {after:.2f}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes",
        default="1000,10000",
        help="Comma-separated numbers of experiments (default 1000,10000).",
    )
    parser.add_argument(
        "--experiments", type=int, help="Measure a single size (same as --sizes N)."
    )
    parser.add_argument(
        "--requests", type=int, default=40, help="Timed requests per page (default 40)."
    )
    parser.add_argument(
        "--cold",
        action="store_true",
        help="Clear the cache before every request: what pages cost uncached.",
    )
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="Keep each size's network in DIR/<size>/ and reuse it in later runs.",
    )
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        print(json.dumps(measure(args.child, args.requests, args.cold)))
        return
    try:
        sizes = [args.experiments] if args.experiments else [int(s) for s in args.sizes.split(",")]
    except ValueError:
        parser.error("--sizes takes whole numbers separated by commas, e.g. 1000,10000")
    if any(size < 1 for size in sizes) or args.requests < 1:
        parser.error("sizes and --requests must be at least 1")
    runs = []
    for size in sizes:
        print(f"Building and measuring {size} experiments…", file=sys.stderr)
        runs.append(run_size(size, args.requests, args.cold, args.data_dir))
    print_table(runs)


if __name__ == "__main__":
    main()
