"""Benchmark: rebuild throughput and query latency of the Whoosh backend vs. SQLite FTS5.

Run::

    .venv/bin/python bench/search_conformance_app.py [N_DOCS] [N_QUERIES]

(``BENCH_BACKENDS=whoosh`` to skip FTS5, whose relevance-ordered queries take many seconds.)

It uses the conformance settings (modelsearch's test app, Book model) on a throwaway SQLite
database and index directory, indexes N_DOCS (default 10000) generated Danish-like books in
both backends and reports documents/second and query p50/p95 (ms) for each.
"""

import os
import random
import statistics
import sys
import tempfile
import time
from datetime import date
from io import StringIO

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "praksisnet.settings.conformance")
WORK = tempfile.mkdtemp(prefix="praksisnet-bench-")

import django  # noqa: E402
from django.conf import settings  # noqa: E402

WORDS = """elev elever eleverne læse læsning læste læseforståelse forståelse skole skolen klasse
klassen lærer lærere lærerne forældre forældrene matematik dansk engelsk natur teknologi
historie trivsel bevægelse frikvarter undervisning undervise projekt projekter forsøg
praksis team teamet samarbejde evaluering feedback differentiering inklusion indskoling
mellemtrin udskoling opgave opgaver tekst tekster skrive skrivning fortælle fortælling
digital digitale værktøj værktøjer spil leg læring mål målet kompetence kompetencer
faglig faglige fællesskab fællesskabet motivation ro koncentration pause pauser brætspil
bibliotek bog bøger højtlæsning ordforråd grammatik stavning regning brøker geometri
måling statistik eksperiment hypotese resultat resultater refleksion dialog gruppe
grupper makker makkerpar vurdering prøve prøver karakter karakterer hjemmearbejde lektier""".split()
#: Per measurement; FTS5's relevance-ordered queries can take many seconds each at 10,000 docs.
BUDGET_SECONDS = float(os.environ.get("BENCH_BUDGET_SECONDS", "60"))

STOP = "og i at det en til er som på de med for af der".split()


def sentence(rng, n):
    return " ".join(
        rng.choice(WORDS) if rng.random() > 0.25 else rng.choice(STOP) for _ in range(n)
    ).capitalize()


def main(n_docs=10_000, n_queries=300):
    settings.DATABASES["default"]["NAME"] = os.path.join(WORK, "bench.sqlite3")
    settings.MODELSEARCH_BACKENDS = {
        "whoosh": {
            "BACKEND": "knowledge.search.whoosh_backend",
            "PATH": os.path.join(WORK, "whoosh"),
        },
        "fts5": {"BACKEND": "modelsearch.backends.database.sqlite.sqlite"},
    }
    django.setup()
    from django.core import management
    from modelsearch.backends import get_search_backend
    from modelsearch.test.testapp import models

    management.call_command("migrate", verbosity=0)
    rng = random.Random(42)
    models.Book.objects.bulk_create(
        models.Book(
            title=sentence(rng, 6),
            summary=" ".join(sentence(rng, 12) + "." for _ in range(8)),
            publication_date=date(2000 + i % 25, 1 + i % 12, 1),
            number_of_pages=10 + i % 900,
        )
        for i in range(n_docs)
    )
    print(f"{n_docs} books; work dir {WORK}; load average {os.getloadavg()[0]:.1f}", flush=True)

    names = os.environ.get("BENCH_BACKENDS", "whoosh,fts5").split(",")
    for name in names:
        started, cpu_started = time.monotonic(), time.process_time()
        management.call_command("rebuild_modelsearch_index", backend_name=name, stdout=StringIO())
        elapsed, cpu = time.monotonic() - started, time.process_time() - cpu_started
        # CPU time too: on a shared, loaded machine wall time mostly measures the neighbours.
        print(
            f"{name:7s} rebuild: {elapsed:6.2f}s wall ({n_docs / elapsed:6.0f} docs/s), "
            f"{cpu:6.2f}s CPU ({n_docs / cpu:6.0f} docs/CPU-s)",
            flush=True,
        )

    queries = [
        " ".join(rng.choice(WORDS) for _ in range(rng.choice((1, 1, 2, 2, 3))))
        for _ in range(n_queries)
    ]
    for name in names:
        backend = get_search_backend(name)
        for label, make in (
            ("top 20", lambda q, backend=backend: list(backend.search(q, models.Book)[:20])),
            (
                "top 20 + filter",
                lambda q, backend=backend: list(
                    backend.search(q, models.Book.objects.filter(number_of_pages__gt=400))[:20]
                ),
            ),
            ("count", lambda q, backend=backend: backend.search(q, models.Book).count()),
        ):
            make(queries[0])  # warm up
            timings = []
            budget = time.monotonic() + BUDGET_SECONDS
            for q in queries:
                started = time.perf_counter()
                make(q)
                timings.append((time.perf_counter() - started) * 1000)
                if time.monotonic() > budget and len(timings) >= 3:
                    break
            timings.sort()
            p95 = timings[max(0, int(len(timings) * 0.95) - 1)]
            print(
                f"{name:7s} {label:16s} p50 {statistics.median(timings):9.2f} ms   p95 {p95:9.2f} ms"
                f"   ({len(timings)} queries)",
                flush=True,
            )


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:3]))
