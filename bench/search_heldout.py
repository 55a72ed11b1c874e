"""Relevance on a held-out Danish set nobody tuned on: nDCG@10 for Whoosh and SQLite FTS5.

    .venv/bin/python bench/search_heldout.py [--no-view]

The judged set in bench/search_heldout/ was written by someone else and is never used to tune
the ranking (bench/relevance_judgments.py is the tuning set). So that nobody tunes on it by
accident, this script prints only aggregates: nDCG@10 overall and per query kind, never a
query, a judgment or a document.

Each corpus entry is published as an experiment in a throwaway network (title, summary,
question, "what we did" as a paragraph, observations, findings, subject, grade level, tags),
both indexes are built in the same run, and every query goes through the search page's own code
path (knowledge.search.results.find_experiments, anonymous visitor, best match first) and, for
each backend, through the real /soeg/ view with Django's test client. nDCG@10 uses gain
2^grade - 1 against the ideal ranking of every judged document of the query.
"""

import argparse
import html
import json
import math
import re
import statistics
from collections import defaultdict
from pathlib import Path

from search_setup import BACKENDS, FTS5_BACKEND, Anonymous, rebuild, set_up_django

HELD_OUT = Path(__file__).resolve().parent / "search_heldout"
K = 10


def load(name):
    return json.loads((HELD_OUT / name).read_text(encoding="utf-8"))


def dcg(grades):
    return sum((2**g - 1) / math.log2(rank + 2) for rank, g in enumerate(grades[:K]))


def ndcg(ranked_keys, judgments):
    ideal = dcg(sorted(judgments.values(), reverse=True))
    return dcg([judgments.get(key, 0) for key in ranked_keys]) / ideal if ideal else 0.0


def paragraph(text):
    return f"<p>{html.escape(text or '')}</p>"


def finding_texts(findings):
    """Findings as statements: plain strings, or objects with a statement (or any text)."""
    texts = []
    for finding in findings or []:
        if isinstance(finding, dict):
            finding = finding.get("statement") or next(
                (v for v in finding.values() if isinstance(v, str)), ""
            )
        if finding:
            texts.append(str(finding))
    return texts


def grade_numbers(grade):
    """Grade levels 0-10 named by the entry's grade (a number, "4", "4.-6. klasse", a list)."""
    values = grade if isinstance(grade, list) else [grade]
    numbers = set()
    for value in values:
        numbers |= {int(n) for n in re.findall(r"\d+", str(value)) if 0 <= int(n) <= 10}
    return sorted(numbers) or [5]


def publish_corpus(corpus):
    """Publish every entry under one school; returns {page pk: entry key}."""
    from django.core.management import call_command
    from wagtail.models import Page

    from knowledge.models import ExperimentPage, Finding, GradeLevel, HomePage, Subject
    from schools.models import MunicipalityPage, SchoolPage

    call_command("migrate", verbosity=0)
    home = HomePage.objects.get()
    municipality = MunicipalityPage(title="Prøvekommune")
    home.add_child(instance=municipality)
    municipality.save_revision().publish()
    school = SchoolPage(title="Prøveskolen", description="En skole til målingen.")
    municipality.add_child(instance=school)
    school.save_revision().publish()
    school = Page.objects.get(pk=school.pk).specific

    keys = {}
    for entry in corpus:
        experiment = ExperimentPage(
            title=entry["title"],
            summary=entry.get("summary") or "",
            question=entry.get("question") or "",
            what_we_did=json.dumps(
                [{"type": "paragraph", "value": paragraph(entry.get("what_we_did"))}]
            ),
            observations=paragraph(entry.get("observations")),
            status="completed",
            live=False,
        )
        subject = entry.get("subject")
        if subject:
            experiment.subjects.set([Subject.objects.get_or_create(name=str(subject))[0]])
        experiment.grade_levels.set(
            GradeLevel.objects.filter(number__in=grade_numbers(entry.get("grade")))
        )
        experiment.tags.set([str(tag) for tag in entry.get("tags") or []])
        experiment.findings = [
            Finding(statement=text) for text in finding_texts(entry.get("findings"))
        ]
        school.add_child(instance=experiment)
        experiment.save_revision().publish()
        keys[experiment.pk] = entry["key"]
    return keys


def ranked_by_function(backend_name, text, keys):
    from knowledge.search.results import find_experiments

    outcome = find_experiments(Anonymous(), text, {}, backend_name=backend_name, suggest=False)
    return [keys[pk] for pk in outcome.pks[:K] if pk in keys]


def ranked_by_view(client, backend_name, text, keys):
    """The same search through /soeg/, with backend_name standing in as the default backend."""
    from django.conf import settings
    from django.test import override_settings
    from django.urls import reverse

    backends = dict(settings.WAGTAILSEARCH_BACKENDS)
    backends["default"] = backends[backend_name]
    with override_settings(WAGTAILSEARCH_BACKENDS=backends):
        response = client.get(reverse("knowledge:search"), {"q": text})
    assert response.status_code == 200, response.status_code
    outcome = response.context["outcome"]
    return [keys[pk] for pk in (outcome.pks if outcome else [])[:K] if pk in keys]


def summarise(queries, scores):
    """{kind: mean nDCG@10} plus "overall"; no query is ever shown."""
    by_kind = defaultdict(list)
    for query, score in zip(queries, scores):
        by_kind[query.get("kind", "?")].append(score)
    summary = {"overall": statistics.mean(scores)}
    summary.update({kind: statistics.mean(values) for kind, values in sorted(by_kind.items())})
    counts = {"overall": len(scores), **{kind: len(v) for kind, v in by_kind.items()}}
    return summary, counts


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-view", action="store_true", help="skip the runs through /soeg/")
    args = parser.parse_args()

    set_up_django()
    from django.conf import settings
    from django.test import Client
    from django.test.utils import setup_test_environment

    assert settings.WAGTAILSEARCH_BACKENDS["fts5"]["BACKEND"] == FTS5_BACKEND
    setup_test_environment()  # the test client then keeps each response's context
    settings.ALLOWED_HOSTS = ["*"]

    corpus, queries = load("corpus.json"), load("queries.json")
    keys = publish_corpus(corpus)
    for backend_name in BACKENDS.values():
        rebuild(backend_name)
    print(
        f"{len(queries)} held-out queries over {len(keys)} published experiments; "
        f"only aggregates are printed\n"
    )

    runs = {}
    client = Client()
    for label, backend_name in BACKENDS.items():
        runs[f"{label} find_experiments"] = [
            ndcg(ranked_by_function(backend_name, q["query"], keys), q["judgments"])
            for q in queries
        ]
        if not args.no_view:
            runs[f"{label} /soeg/"] = [
                ndcg(ranked_by_view(client, backend_name, q["query"], keys), q["judgments"])
                for q in queries
            ]

    summaries = {name: summarise(queries, scores) for name, scores in runs.items()}
    columns = list(next(iter(summaries.values()))[0])
    counts = next(iter(summaries.values()))[1]
    print(f"{'nDCG@10':<26}" + "".join(f"{c + ' (' + str(counts[c]) + ')':>16}" for c in columns))
    for name, (summary, _) in summaries.items():
        print(f"{name:<26}" + "".join(f"{summary[c]:>16.3f}" for c in columns))


if __name__ == "__main__":
    main()
