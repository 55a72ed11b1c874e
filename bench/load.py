"""A bounded load run of the production stack: gunicorn, production settings, loopback only.

    .venv/bin/python bench/load.py [--database-url postgres://user@host/empty_db]
        [--experiments 60] [--requests 1200] [--threads 4] [--publishes 120] [--max-seconds 300]
        [--workers 2] [--publish-interval 1] [--site DIR]

Builds a throwaway site in a temporary folder (SQLite there, or the empty database that
--database-url names), with the demo network, collected static files and a Whoosh index; starts
gunicorn with praksisnet.settings.production on a free port of 127.0.0.1; then runs searches and
listings from --threads threads, first alone (the baseline) and then while another process
publishes new titles of the public experiments (as editors would, each publish its own
transaction). Afterwards the search page must find every experiment by the word only its latest
title has, and the index must find it by none of its earlier titles' words. Prints requests per second, p50 and p95 and the errors of both
phases and their ratio; exits 1 if any request or publish failed or any title was not found.
Every phase is bounded by its request count and --max-seconds; gunicorn is stopped at the end.

The mix adds experiment, school and municipality pages found on the experiments list. With
--publish-interval the publisher publishes once per that many seconds (an editor's pace, not a
flood). --site copies a data folder built before (database and index, e.g. by
`load_demo_network --experiments 100000` with PRAKSISNET_DATA_DIR set), so a large network is
built once. Also printed: the listing cache's hit rate in each phase (gunicorn serves
bench/load_wsgi.py, the site's application counting knowledge.cache's listing keys), each
worker's peak memory (VmHWM) and the sizes of the database file and the search index.
"""

import argparse
import html
import json
import os
import random
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
GUNICORN = str(Path(sys.executable).with_name("gunicorn"))
RESULT_TITLE = re.compile(r'class="card__title"><a href="[^"]*">([^<]*)</a>')  # a result card
READ_PATHS = [
    "/",
    "/forsoeg/",
    "/fund/",
    "/soeg/?q=l%C3%A6sning",
    "/soeg/?q=matematik&sorter=nyeste",
    "/soeg/?q=elever",
    "/soeg/forslag/?q=l%C3%A6s",
    "/forsoeg/?side=2",
    "/feeds/forsoeg.rss",
]
FIXED_PATHS = len(READ_PATHS)  # the pages found on the experiments list are added after these


def word_for(number):
    """A word only one title has: letters only, so Danish stemming keeps it whole."""
    return "".join("bdfghklmnp"[int(digit)] for digit in f"{number:04d}") + "kolibri"


def production_environ(data_dir, database_url):
    environ = {
        key: value
        for key, value in os.environ.items()
        if key not in {"PRAKSISNET_SEARCH_INDEX", "REDIS_URL", "SEARCH_URL", "DATABASE_URL"}
    }
    environ.update(
        DJANGO_SETTINGS_MODULE="praksisnet.settings.production",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DJANGO_SECURE_SSL_REDIRECT="false",  # plain HTTP on loopback; no proxy in front
        PRAKSISNET_DATA_DIR=str(data_dir),
        PRAKSISNET_STATIC_ROOT=str(Path(data_dir) / "static"),
    )
    if database_url:
        environ["DATABASE_URL"] = database_url
    return environ


def manage(environ, *args):
    subprocess.run([PYTHON, "manage.py", *args], cwd=BASE_DIR, env=environ, check=True)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_gunicorn(environ, port, workers, log_path):
    """gunicorn in a process group of its own, so stop_gunicorn stops its workers too."""
    return subprocess.Popen(
        [
            GUNICORN,
            "--pythonpath",
            str(BASE_DIR / "bench"),
            "load_wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--timeout",
            "60",
            "--error-logfile",
            str(log_path),
        ],
        cwd=BASE_DIR,
        env=environ,
        start_new_session=True,
    )


def wait_until_answering(server, base, log_path, seconds=120):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"gunicorn exited with {server.returncode}; see {log_path}")
        try:
            urllib.request.urlopen(f"{base}/", timeout=30).read()
            return
        except OSError:  # not listening yet, or still starting up
            time.sleep(0.5)
    raise SystemExit(f"gunicorn did not answer within {seconds} s; see {log_path}")


def stop_gunicorn(server):
    os.killpg(server.pid, signal.SIGTERM)
    try:
        server.wait(timeout=40)  # gunicorn's graceful shutdown takes up to 30 s
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait()


def get(base, path):
    """(status, seconds, body); status 0 for a connection failure."""
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(base + path, timeout=30) as response:
            body = response.read().decode()
            return response.status, time.perf_counter() - started, body
    except urllib.error.HTTPError as error:
        return error.code, time.perf_counter() - started, ""
    except OSError as error:  # refused, reset or timed out
        return 0, time.perf_counter() - started, repr(error)


def read_load(base, requests, threads, deadline, keep_going=lambda: False):
    """Run requests GETs over READ_PATHS from threads; more while keep_going() and time is left."""
    latencies, failures, lock, counter = [], [], threading.Lock(), iter(range(10**9))
    by_kind = {}

    def reader(seed):
        rng = random.Random(seed)
        while time.monotonic() < deadline:
            with lock:
                number = next(counter)
            if number >= requests and not keep_going():
                return
            path = rng.choice(READ_PATHS)
            status, seconds, _ = get(base, path)
            with lock:
                latencies.append(seconds)
                by_kind.setdefault(kind_of(path), []).append(seconds)
                if status != 200:
                    failures.append(f"{status} {path}")

    started = time.monotonic()
    with ThreadPoolExecutor(threads) as pool:
        list(pool.map(reader, range(threads)))
    return latencies, failures, time.monotonic() - started, by_kind


def kind_of(path):
    """A read's kind for the slowest-kinds line: its path, or 'linked page' for the experiment,
    school and municipality pages found on the experiments list."""
    return path if path in READ_PATHS[:FIXED_PATHS] else "linked page"


def summary(name, latencies, failures, elapsed, by_kind):
    rate = len(latencies) / elapsed if elapsed else 0.0
    p50 = statistics.median(latencies) * 1000 if latencies else 0.0
    p95 = statistics.quantiles(latencies, n=20)[18] * 1000 if len(latencies) >= 20 else 0.0
    print(
        f"{name:<22} {len(latencies):>5} requests in {elapsed:6.1f} s: {rate:6.1f} req/s, "
        f"p50 {p50:6.0f} ms, p95 {p95:6.0f} ms, errors {len(failures)}"
    )
    for failure in failures[:10]:
        print(f"    {failure}")
    p95s = {
        kind: statistics.quantiles(seconds, n=20)[18] * 1000
        for kind, seconds in by_kind.items()
        if len(seconds) >= 20
    }
    slowest = sorted(p95s.items(), key=lambda item: -item[1])[:4]
    print("    slowest p95: " + ", ".join(f"{kind} {ms:.0f} ms" for kind, ms in slowest))
    return rate


def cache_counts(data_dir):
    """(hits, misses) of the listing cache, summed over the workers so far."""
    hits = misses = 0
    for path in Path(data_dir).glob("cache-stats-*"):
        try:
            h, m = (int(n) for n in path.read_text().split())
        except ValueError:  # being written
            continue
        hits, misses = hits + h, misses + m
    return hits, misses


def hit_rate(before, after):
    hits, misses = after[0] - before[0], after[1] - before[1]
    total = hits + misses
    return f"{hits / total:.0%} of {total}" if total else "no listing lookups"


def worker_peaks(server):
    """{pid: peak resident memory in MB} of gunicorn's workers (Linux /proc)."""
    peaks = {}
    try:
        children = Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text().split()
    except OSError:
        return peaks
    for pid in children:
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            continue
        for line in status.splitlines():
            if line.startswith("VmHWM:"):
                peaks[int(pid)] = int(line.split()[1]) / 1024
    return peaks


def folder_megabytes(path):
    path = Path(path)
    files = [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files) / 1e6


def page_links(base):
    """Experiment, school and municipality pages linked from the experiments list."""
    _, _, body = get(base, "/forsoeg/")
    links = set(re.findall(r'href="(/[^"?#:]+/)"', body))
    return sorted(link for link in links if link.count("/") >= 3)[:30]


def publish(count, targets, max_seconds, interval=0.0):
    """Runs in the publisher process: publish count new titles over targets public experiments."""
    import django

    django.setup()
    from django.contrib.auth.models import AnonymousUser

    from knowledge.models import ExperimentPage

    pks = list(
        ExperimentPage.objects.visible_to(AnonymousUser())
        .order_by("pk")
        .values_list("pk", flat=True)[:targets]
    )
    originals = dict(ExperimentPage.objects.filter(pk__in=pks).values_list("pk", "title"))
    history, errors, deadline = {pk: [] for pk in pks}, [], time.monotonic() + max_seconds
    next_at = time.monotonic()
    for number in range(count):
        if interval:
            time.sleep(max(0.0, next_at - time.monotonic()))
            next_at += interval
        if time.monotonic() > deadline:
            errors.append(f"stopped by --max-seconds after {number} publishes")
            break
        pk = pks[number % len(pks)]
        word = word_for(number)
        try:
            page = ExperimentPage.objects.get(pk=pk)
            page.title = f"{originals[pk]} {word}"
            page.save_revision().publish()
            history[pk].append((word, page.title))
        except Exception as error:  # reported to the parent, which fails the run
            errors.append(repr(error))
    # Earlier titles asked of the index itself: the search page would retry a word that finds
    # nothing with words a letter away, and these words differ by a letter.
    stale = [
        title
        for pk, published in history.items()
        for word, title in published[:-1]
        if pk in {page.pk for page in ExperimentPage.objects.live().search(word)}
    ]
    print(json.dumps({"history": history, "errors": errors, "stale": stale}))


def not_found_by_latest_title(base, history):
    """Titles the search page does not list when asked for the word only that title has."""
    missing = []
    for published in history.values():
        if published:
            word, title = published[-1]
            _, _, body = get(base, "/soeg/?" + urllib.parse.urlencode({"q": word}))
            if title not in [html.unescape(t) for t in RESULT_TITLE.findall(body)]:
                missing.append(title)
    return missing


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--database-url", help="an empty database (default: SQLite in the temp folder)"
    )
    parser.add_argument("--experiments", type=int, default=60)
    parser.add_argument("--requests", type=int, default=1200, help="per phase (default 1200)")
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--workers", type=int, default=3, help="gunicorn workers (default 3)")
    parser.add_argument(
        "--publish-interval", type=float, default=0.0, help="seconds between publishes (default 0)"
    )
    parser.add_argument("--site", help="a data folder built before, copied instead of building")
    parser.add_argument("--publishes", type=int, default=120)
    parser.add_argument(
        "--targets", type=int, default=30, help="experiments the publisher retitles"
    )
    parser.add_argument("--max-seconds", type=int, default=300, help="bound of each phase")
    parser.add_argument("--publisher", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.publisher:
        return publish(args.publishes, args.targets, args.max_seconds, args.publish_interval)

    data_dir = Path(tempfile.mkdtemp(prefix="praksisnet-load-"))
    environ = production_environ(data_dir, args.database_url)
    server = None
    try:
        print(
            f"Building the site in {data_dir} ({'PostgreSQL' if args.database_url else 'SQLite'})"
        )
        if args.site:
            for name in ("praksisnet.sqlite3", "whoosh_index", "media"):
                source = Path(args.site) / name
                if source.is_dir():
                    shutil.copytree(source, data_dir / name)
                elif source.exists():
                    shutil.copy2(source, data_dir / name)
            manage(environ, "migrate", "--no-input", "-v", "0")
        else:
            manage(environ, "migrate", "--no-input", "-v", "0")
            manage(environ, "load_demo_network", "--experiments", str(args.experiments))
        manage(environ, "collectstatic", "--no-input", "-v", "0")
        database = data_dir / "praksisnet.sqlite3"
        if database.exists():
            print(
                f"database {folder_megabytes(database):.0f} MB, "
                f"search index {folder_megabytes(data_dir / 'whoosh_index'):.0f} MB"
            )
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = start_gunicorn(environ, port, args.workers, data_dir / "gunicorn.log")
        wait_until_answering(server, base, data_dir / "gunicorn.log")
        print(f"gunicorn on {base}: {args.workers} workers; {args.threads} reading threads")
        READ_PATHS.extend(page_links(base))

        counts = cache_counts(data_dir)
        baseline = summary(
            "reads alone",
            *read_load(base, args.requests, args.threads, time.monotonic() + args.max_seconds),
        )
        print(f"    listing cache hits: {hit_rate(counts, cache_counts(data_dir))}")
        counts = cache_counts(data_dir)
        publisher = subprocess.Popen(
            [
                PYTHON,
                __file__,
                "--publisher",
                "--publishes",
                str(args.publishes),
                "--targets",
                str(args.targets),
                "--max-seconds",
                str(args.max_seconds),
                "--publish-interval",
                str(args.publish_interval),
            ],
            cwd=BASE_DIR,
            env=environ,
            stdout=subprocess.PIPE,
            text=True,
        )
        loaded = read_load(
            base,
            args.requests,
            args.threads,
            time.monotonic() + args.max_seconds,
            keep_going=lambda: publisher.poll() is None,
        )
        out, _ = publisher.communicate(timeout=args.max_seconds + 60)
        outcome = json.loads(out.strip().splitlines()[-1])
        under_load = summary("reads + publishing", *loaded)
        print(f"    listing cache hits: {hit_rate(counts, cache_counts(data_dir))}")
        history = outcome["history"]
        published = sum(len(titles) for titles in history.values())
        print(
            f"publishes: {published} over {len(history)} experiments, "
            f"errors {len(outcome['errors'])}"
        )
        for error in outcome["errors"][:10]:
            print(f"    {error}")
        print(f"ratio of req/s, reads + publishing / reads alone: {under_load / baseline:.2f}")
        missing, stale = not_found_by_latest_title(base, history), outcome["stale"]
        print(
            f"found by their latest title: {len(history) - len(missing)}/{len(history)}; "
            f"earlier titles still found: {len(stale)}"
        )
        for title in (missing + stale)[:10]:
            print(f"    {title}")
        peaks = worker_peaks(server)
        print(
            "peak memory of the workers (VmHWM): "
            + (", ".join(f"{mb:.0f} MB" for mb in peaks.values()) or "not readable")
        )
        if database.exists():
            print(f"database after the run {folder_megabytes(database):.0f} MB")
        failed = loaded[1] or outcome["errors"] or missing or stale or publisher.returncode
        return 1 if failed else 0
    finally:
        if server is not None:
            stop_gunicorn(server)
        shutil.rmtree(data_dir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
