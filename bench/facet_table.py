"""The facet table after a publish: patched with the changed rows against read anew, at size.

    .venv/bin/python bench/facet_table.py [--sizes 1000,10000,100000] [--changed 1] [--rounds 5]

Each serving process keeps the facet table (knowledge.listings.facet_table) while the listing
facts' revision is unchanged; a publish anywhere changes it. This builds the table from
synthetic ListedExperiment rows shaped as the demo network's (audience, the "net" entries of
school, municipality, subjects, grades, tags, status, year, evidence, first published), then
times what a process does on its next request: the rows changed since patched in (``patched``),
against building from every row (``from_rows``, what every change cost before). Only the array
work is timed here; reading the changed rows is one query on the revision index, reading every
row is a query over the whole table on top of the build. Prints median milliseconds and the
ratio patched / read anew per size: the patch should stay small as the table grows.
"""

import argparse
import datetime
import functools
import os
import random
import statistics
import sys
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent


def synthetic_rows(size, seed=1, first_pk=1000):
    """Rows as ListedExperiment.values_list(experiment_id, audience, entries, first_published_at)."""
    from knowledge.listings import facts

    chance = random.Random(seed)
    subjects = ["dansk", "matematik", "engelsk", "natur-teknologi", "historie", "idræt", "musik"]
    tags = [f"emne-{n}" for n in range(400)]
    start = datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)
    rows = []
    for pk in range(first_pk, first_pk + size):
        findings = chance.randint(1, 4)
        school = 100 + chance.randrange(max(1, size // 50))
        entries = [
            ["net", "total", "", "", findings],
            ["net", "status", chance.choice(["completed", "running", "planned"]), "", findings],
            ["net", "kommune", str(school % 98), "", findings],
            ["net", "skole", str(school), "", findings],
            ["net", "fag", chance.choice(subjects), "Fag", findings],
            ["net", "klassetrin", str(chance.randrange(10)), "", findings],
            ["net", "aar", str(chance.choice([2024, 2025, 2026])), "", findings],
            ["net", "grundlag", "observations", "", findings],
            ["net", "evidens", str(chance.randint(1, 4)), "", findings],
        ]
        entries += [["net", "emne", tag, tag, findings] for tag in chance.sample(tags, 4)]
        audience = facts.MEMBERS if pk % 3 == 0 else facts.PUBLIC
        published = start + datetime.timedelta(minutes=pk)
        rows.append((pk, audience, entries, published))
    return rows


def changed_rows(rows, number, chance):
    """number rows of a publish: one taken off the list, the others with a tag changed."""
    picked = chance.sample(rows, number)
    changed = [(picked[0][0], "", [], None)]
    for pk, audience, entries, published in picked[1:]:
        entries = [e for e in entries if e[1] != "emne"] + [["net", "emne", "nyt", "nyt", 1]]
        changed.append((pk, audience, entries, published))
    return changed


def median_ms(action, rounds):
    timings = []
    for _ in range(rounds):
        began = time.perf_counter()
        action()
        timings.append((time.perf_counter() - began) * 1000)
    return statistics.median(timings)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--changed", type=int, default=1, help="rows one publish changes")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "praksisnet.settings.dev")
    sys.path.insert(0, str(BASE_DIR))
    import django

    django.setup()
    from knowledge.listings.facet_table import FacetTable

    chance = random.Random(7)
    print(f"{'rows':>8} {'read anew ms':>13} {'patched ms':>11} {'ratio':>7}")
    for size in (int(s) for s in args.sizes.split(",")):
        rows = synthetic_rows(size)
        table = FacetTable.from_rows(rows, revision=1)
        changed = changed_rows(rows, max(1, args.changed), chance)
        anew = median_ms(functools.partial(FacetTable.from_rows, rows, revision=2), args.rounds)
        patched = median_ms(functools.partial(table.patched, changed, revision=2), args.rounds)
        print(f"{size:>8} {anew:>13.1f} {patched:>11.2f} {patched / anew:>7.3f}")


if __name__ == "__main__":
    main()
