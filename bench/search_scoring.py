"""The first search for a word in a process: every match scored with arrays, against Whoosh's
own collector scoring the same query on the same searcher, in the same process.

    .venv/bin/python bench/search_scoring.py --site DIR [--repeat 3] [QUERY ...]
    .venv/bin/python bench/search_scoring.py --experiments 2000 [--repeat 3] [QUERY ...]

--site reads a data folder built before (database and Whoosh index, e.g. by
`load_demo_network --experiments 100000` with PRAKSISNET_DATA_DIR set, as bench/load.py uses);
--experiments builds one of that size in a temporary folder first, indexed on words alone
(minutes for tens of thousands). Each query is compiled as the search page compiles it (best match, experiments
only); then, on a new searcher each time and with nothing kept from before (no kept scores,
no kept postings or pks), it is ranked by segment_scores.scored_matches and by
``searcher.search(q, filter=ct, limit=None)``. Printed per query: the matches, both medians
and their ratio (arrays / Whoosh; the baseline is Whoosh in the same run), whether both rank
the same top 20 and the same whole list (scores equal to 9 decimals as ties in index order),
and the largest relative difference of a score. Whoosh's DisjunctionMax (a word with
synonyms) can score a document with another document's score (array_scoring.py), so those
queries may differ there. Also the unscored matches (the every-word count) against Whoosh's
``docs_for_query``.
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
QUERIES = [
    "læsning",
    "elever",
    "matematik",
    "pjæk",
    "fravær",
    "makkerlæsning",
    "høj lydbog",
    "elever læsning i frikvarteret",
    "hvordan får vi eleverne til at læse mere",
]


def build(experiments):
    folder = tempfile.mkdtemp(prefix="praksisnet-scoring-bench-")
    # Words alone, as bench/load.py's large networks are indexed (e5 vectors for tens of
    # thousands of documents take hours on these machines); the scoring compared is the same.
    environ = {**os.environ, "PRAKSISNET_DATA_DIR": folder, "PRAKSISNET_SEARCH_VECTORS": ""}
    environ.setdefault("DJANGO_SETTINGS_MODULE", "praksisnet.settings.dev")
    manage = [sys.executable, str(BASE_DIR / "manage.py")]
    for command in (["migrate"], ["load_demo_network", "--experiments", str(experiments)]):
        subprocess.run([*manage, *command, "--verbosity", "0"], env=environ, check=True)
    subprocess.run([*manage, "update_index"], env=environ, check=True, stdout=subprocess.DEVNULL)
    return folder


def forget_everything(searcher):
    """No kept scores on the index, no kept postings or pks: as a new process finds it."""
    from knowledge.search.whoosh_backend import postings

    ix = getattr(searcher, "_ix", None)
    if ix is not None and hasattr(ix, "_praksisnet_scored"):
        del ix._praksisnet_scored
    postings.forget_kept()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("queries", nargs="*", default=QUERIES)
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--site", help="a data folder with a database and a Whoosh index")
    source.add_argument("--experiments", type=int, help="build a network of this many first")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    folder = args.site or build(args.experiments)
    os.environ["PRAKSISNET_DATA_DIR"] = str(Path(folder).resolve())
    os.environ.setdefault("PRAKSISNET_SEARCH_VECTORS", "")  # words are what is compared
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "praksisnet.settings.dev")
    sys.path.insert(0, str(BASE_DIR))
    import django

    django.setup()
    from django.conf import settings
    from wagtail.models import Page
    from whoosh import query as wq

    from knowledge.models import ExperimentPage
    from knowledge.search.results import build_query
    from knowledge.search.whoosh_backend.array_scoring import matching
    from knowledge.search.whoosh_backend.segment_scores import TIE_DECIMALS, scored_matches

    settings.DEBUG = False
    experiments = ExperimentPage.objects.live().count()
    print(f"{experiments} live experiments ({Page.objects.count()} pages), in {folder}")
    print(
        f"{'query':42} {'matches':>8} {'arrays':>9} {'Whoosh':>9} {'ratio':>6}"
        f" {'top 20':>7} {'all':>5} {'score diff':>10} {'count':>9} {'Whoosh':>9}"
    )
    ratios = []
    for text in args.queries:
        experiments_only = ExperimentPage.objects.live().only("pk")
        searcher, q, ct = experiments_only.search(build_query(text))._prepared_tuple()
        # The every-word count the page asks for as well (results.has_every_word).
        _, every_word, _ = experiments_only.search(build_query(text, "and"))._prepared_tuple()
        if ct is not None:
            every_word = wq.And([every_word, ct])
        timings = {"arrays": [], "whoosh": [], "count": [], "whoosh count": []}
        for _ in range(args.repeat):
            searcher = searcher._ix.searcher()  # new, as after a commit
            forget_everything(searcher)
            started = time.perf_counter()
            mine = scored_matches(searcher, q, ct)
            timings["arrays"].append(time.perf_counter() - started)
            started = time.perf_counter()
            theirs = searcher.search(q, filter=ct, limit=None)
            timings["whoosh"].append(time.perf_counter() - started)
            forget_everything(searcher)
            started = time.perf_counter()
            counted = matching(searcher, every_word).tolist()
            timings["count"].append(time.perf_counter() - started)
            started = time.perf_counter()
            whoosh_counted = sorted(searcher.docs_for_query(every_word))
            timings["whoosh count"].append(time.perf_counter() - started)
            searcher.close()
        ranked = sorted(theirs.top_n, key=lambda sd: (-round(sd[0], TIE_DECIMALS), sd[1]))
        docs = [docnum for _, docnum in ranked]
        by_doc = {docnum: score for score, docnum in ranked}
        differences = (
            abs(score - by_doc[docnum]) / abs(by_doc[docnum])
            for docnum, score in zip(mine.docnums, mine.scores)
            if by_doc.get(docnum)
        )
        diff = max(differences, default=0.0)
        arrays, whoosh = (statistics.median(timings[k]) for k in ("arrays", "whoosh"))
        ratios.append(arrays / whoosh)
        print(
            f"{text[:42]:42} {len(docs):>8} {arrays * 1000:>7.0f}ms {whoosh * 1000:>7.0f}ms"
            f" {arrays / whoosh:>6.2f} {str(mine.docnums[:20] == docs[:20]):>7}"
            f" {str(mine.docnums == docs):>5} {diff:>10.1e}"
            f" {statistics.median(timings['count']) * 1000:>7.0f}ms"
            f" {statistics.median(timings['whoosh count']) * 1000:>7.0f}ms"
            f"{'' if counted == whoosh_counted else '  COUNT DIFFERS'}",
            flush=True,
        )
    print(f"median ratio arrays / Whoosh: {statistics.median(ratios):.2f}")


if __name__ == "__main__":
    main()
