"""Relevance of Danish search: nDCG@10 and MRR for Whoosh and SQLite FTS5 in the same run.

    .venv/bin/python bench/search_relevance.py [--experiments 1000] [--per-query] [--sweep]
        [--data-dir DIR] [--mythes /usr/share/mythes/th_da_DK.dat]

Builds the deterministic demo network (seed 1) in a throwaway data folder, indexes it with both
backends, and runs the judged queries of bench/relevance_judgments.py through the search page's
own code path (knowledge.search.results.find_experiments, anonymous visitor, best match first).
Grades come from rules over each experiment's title, tags and subjects (see that file).
nDCG@10 uses gain 2^grade - 1 against the ideal ranking of every visible experiment; MRR is the
reciprocal rank of the first result graded 2 or 3.
Whoosh runs as the hybrid (words and vectors, the default) and on words alone ("whoosh-words");
the words-alone backend is also run with its compound handling switched off (the query compiler's
compound_splits/decompound/compose helpers patched to find nothing) to measure what compounds gain.
Figures are printed per query kind too. --sweep tries the fusion's constants (hybrid.py) on this,
the tuning set: the only set they may be tuned on. --data-dir keeps the site and its indexes in
DIR, so a later run with the same DIR skips the build and the rebuilds (with vectors, minutes).
--mythes PATH runs both Whoosh backends again with a MyThes thesaurus's groups added to the
synonyms (Debian's mythes-da), to judge whether it helps.
"""

import argparse
import itertools
import math
import statistics
from collections import defaultdict
from contextlib import contextmanager
from pathlib import Path

from relevance_judgments import JUDGMENTS, grade
from search_setup import Anonymous, build_network, rebuild, set_up_django

K = 10


def dcg(grades):
    return sum((2**g - 1) / math.log2(rank + 2) for rank, g in enumerate(grades[:K]))


@contextmanager
def compounds_off():
    from knowledge.search.whoosh_backend import danish

    saved = danish.compound_splits, danish.decompound, danish.compose
    danish.compound_splits = lambda *args, **kwargs: []
    danish.decompound = lambda *args, **kwargs: None
    danish.compose = lambda *args, **kwargs: None
    try:
        yield
    finally:
        danish.compound_splits, danish.decompound, danish.compose = saved


def kind(judgment):
    """The query's kind, as the held-out set names them."""
    note = judgment["note"]
    if note.startswith("compound"):
        return "compound"
    if "for" in note:
        return "ascii"
    if note in ("typo", "synonym"):
        return note
    return "words" if len(judgment["query"].split()) > 1 else "one word"


def by_kind(rows):
    kinds = defaultdict(list)
    for judgment, row in zip(JUDGMENTS, rows):
        kinds[kind(judgment)].append(row[1])
    return {k: statistics.mean(v) for k, v in sorted(kinds.items())}


def forget_hits():
    """The searchers keep recent hit lists: forget them when the fusion's constants change."""
    from knowledge.search.whoosh_backend.storage import IndexLocation

    for searcher in IndexLocation._local.__dict__.get("searchers", {}).values():
        searcher.__dict__.pop("_praksisnet_cache", None)


def sweep(experiments):
    """nDCG@10 of the hybrid for a grid of the fusion's constants (tuning set only)."""
    from knowledge.search.whoosh_backend import hybrid

    saved = hybrid.DENSE_WEIGHT, hybrid.SIMILARITY_FLOOR, hybrid.MIN_SIMILARITY
    print(f"{'weight':>7} {'floor':>6} {'min sim':>8} {'nDCG@10':>8}", flush=True)
    for weight, floor, minimum in itertools.product(
        (0.3, 0.5, 0.7), (0.75, 0.8), (0.83, 0.86, 1.0)
    ):
        hybrid.DENSE_WEIGHT, hybrid.SIMILARITY_FLOOR, hybrid.MIN_SIMILARITY = weight, floor, minimum
        forget_hits()
        rows = evaluate("default", experiments)
        figures = by_kind(rows)
        print(
            f"{weight:>7} {floor:>6} {minimum:>8} {statistics.mean(r[1] for r in rows):>8.3f}  "
            + " ".join(f"{k} {v:.3f}" for k, v in figures.items()),
            flush=True,
        )
    hybrid.DENSE_WEIGHT, hybrid.SIMILARITY_FLOOR, hybrid.MIN_SIMILARITY = saved
    forget_hits()
    print()


def mythes_groups(path):
    """Synonym groups from a MyThes thesaurus (Debian's mythes-da: /usr/share/mythes/th_da_DK.dat):
    a headword and the plain synonyms of each of its meanings (narrower and broader terms, marked
    "(underbegreb)" / "(overbegreb)", are left out)."""
    lines = Path(path).read_text(encoding="utf-8").splitlines()[1:]
    groups, i = [], 0
    while i < len(lines):
        head, _, count = lines[i].partition("|")
        i += 1
        for line in lines[i : i + int(count or 0)]:
            words = [w for w in line.split("|")[1:] if w and "(" not in w]
            if words:
                groups.append([head, *words])
        i += int(count or 0)
    return groups


@contextmanager
def extra_synonyms(groups):
    """The search's synonyms with these groups added (as an administrator's would be)."""
    from knowledge.search import synonyms

    shipped = synonyms.synonym_groups
    synonyms.synonym_groups = lambda: shipped() + groups
    forget_hits()
    try:
        yield
    finally:
        synonyms.synonym_groups = shipped
        forget_hits()


def visible_experiments():
    from knowledge.models import ExperimentPage

    experiments = ExperimentPage.objects.visible_to(Anonymous()).prefetch_related(
        "tags", "subjects"
    )
    return {
        e.pk: (e.title, [t.name for t in e.tags.all()], [s.name for s in e.subjects.all()])
        for e in experiments
    }


def evaluate(backend_name, experiments):
    from knowledge.search.results import find_experiments

    rows = []
    for judgment in JUDGMENTS:
        grades = {pk: grade(judgment, *facts) for pk, facts in experiments.items()}
        outcome = find_experiments(
            Anonymous(), judgment["query"], {}, backend_name=backend_name, suggest=False
        )
        ranked = [grades.get(pk, 0) for pk in outcome.pks[:K]]
        ideal = dcg(sorted(grades.values(), reverse=True))
        ndcg = dcg(ranked) / ideal if ideal else 0.0
        first = next((rank for rank, g in enumerate(ranked, start=1) if g >= 2), None)
        rows.append((judgment["query"], ndcg, 1 / first if first else 0.0, outcome.total))
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--experiments", type=int, default=1000)
    parser.add_argument("--per-query", action="store_true", help="print every query's figures")
    parser.add_argument("--sweep", action="store_true", help="try the fusion's constants")
    parser.add_argument("--data-dir", help="keep the site here; reused when already built")
    parser.add_argument("--mythes", help="also run with a MyThes thesaurus's synonyms added")
    args = parser.parse_args()

    built = args.data_dir and (Path(args.data_dir) / "built").exists()
    data_dir = set_up_django(args.data_dir)
    if built:
        described = (Path(data_dir) / "built").read_text()
        args.experiments = int(described.split()[0])
        print(f"Reusing the site built in {data_dir}: {described}")
    else:
        build_network(args.experiments)
        for backend_name in ("default", "words", "fts5"):
            seconds = rebuild(backend_name)
            print(f"rebuild {backend_name:<8} {seconds:6.1f} s")
        if args.data_dir:
            (Path(data_dir) / "built").write_text(f"{args.experiments} experiments")
    experiments = visible_experiments()
    print(
        f"{len(JUDGMENTS)} judged queries over {len(experiments)} visible experiments "
        f"(demo network, seed 1, {args.experiments} experiments)\n"
    )

    if args.sweep:
        sweep(experiments)
    runs = {
        "whoosh": evaluate("default", experiments),
        "whoosh-words": evaluate("words", experiments),
    }
    with compounds_off():
        runs["whoosh, no compounds"] = evaluate("words", experiments)
    runs["fts5"] = evaluate("fts5", experiments)
    if args.mythes:
        groups = mythes_groups(args.mythes)
        print(f"{len(groups)} synonym groups read from {args.mythes}")
        with extra_synonyms(groups):
            runs["whoosh + mythes"] = evaluate("default", experiments)
            runs["whoosh-words + mythes"] = evaluate("words", experiments)

    if args.per_query:
        print(f"{'query':<28}" + "".join(f"{name:>24}" for name in runs))
        for i, judgment in enumerate(JUDGMENTS):
            cells = "".join(f"{runs[n][i][1]:>10.2f} ({runs[n][i][3]:>4} hits)   " for n in runs)
            print(f"{judgment['query']:<28}{cells}")
        print()
    print(f"{'backend':<22} {'nDCG@10':>8} {'MRR':>6}")
    summary = {}
    for name, rows in runs.items():
        summary[name] = (statistics.mean(r[1] for r in rows), statistics.mean(r[2] for r in rows))
        print(f"{name:<22} {summary[name][0]:>8.3f} {summary[name][1]:>6.3f}")
    kinds = {name: by_kind(rows) for name, rows in runs.items()}
    columns = list(kinds["whoosh"])
    print(f"\n{'nDCG@10 per kind':<22}" + "".join(f"{c:>10}" for c in columns))
    for name, figures in kinds.items():
        print(f"{name:<22}" + "".join(f"{figures[c]:>10.3f}" for c in columns))
    w, words, f = summary["whoosh"], summary["whoosh-words"], summary["fts5"]
    nc = summary["whoosh, no compounds"]
    print(f"\nRatio whoosh/fts5: nDCG@10 {w[0] / f[0]:.2f}, MRR {w[1] / f[1]:.2f}")
    print(f"Vectors gain (whoosh - whoosh-words): nDCG@10 {w[0] - words[0]:+.3f}")
    print(f"Compound handling gains: nDCG@10 {words[0] - nc[0]:+.3f}, MRR {words[1] - nc[1]:+.3f}")


if __name__ == "__main__":
    main()
