"""Time to draw a question's picture for its owner at 5,000 answers, cold and warm, against the
raw answers page of the same question in the same process; and whether writing style alone makes
group differences (pupils writing short, lowercase, misspelled answers, adults long formal ones,
about the same things).

    .venv/bin/python bench/voices_picture.py [--answers 5000] [--repeats 5]

A throwaway database; the tuning set's answers varied to N (as bench/voices.py does), groups in
turn, analysed by the site's task on their words (the sentence model left out to keep the run
short: the picture reads the stored result either way). Pages are fetched through Django's test
client as the school's leader:
- baseline: the raw answers page (first 100 answers), the page the owner had before;
- picture cold: the cache emptied before each fetch (the picture drawn from the analysis, the
  answers' words and the owner's edits); warm: drawn once, then served from the cache;
- the same after three edits (rename, merge, pin), cold.
Medians of ``--repeats`` fetches; ratios against the baseline.
"""

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))
sys.path.insert(0, str(BASE_DIR / "bench"))


def median_seconds(fetch, repeats, before=lambda: None):
    times = []
    for _ in range(repeats):
        before()
        started = time.perf_counter()
        response = fetch()
        times.append(time.perf_counter() - started)
        assert response.status_code == 200, response.status_code
    return statistics.median(times)


STYLE_CORES = {
    "books": [
        "flere nye bøger på biblioteket",
        "bøger om heste på biblioteket",
        "tegneserier og bøger på skolebiblioteket",
        "nye bøger på skolebiblioteket",
        "bøger om dyr på biblioteket",
        "gode bøger på biblioteket",
    ],
    "phones": [
        "mindre mobil om aftenen",
        "mobilen væk om aftenen",
        "ingen mobil ved sengetid",
        "mindre skærm og mobil derhjemme",
        "mobilen slukket om aftenen",
        "mindre tid med mobilen",
    ],
    "reading": [
        "ro til at læse i timerne",
        "læsebånd hver morgen",
        "stille læsetid i klassen",
        "ro til frilæsning i skolen",
        "fast læsebånd med ro",
        "ro i klassen til læsning",
    ],
}
MISSPELT = {
    "bøger": "bøgr",
    "biblioteket": "biblotekt",
    "aftenen": "aftnen",
    "læsebånd": "læsebond",
    "klassen": "klasen",
    "frilæsning": "frilæsnig",
}


def style_only_answers(per_topic=14, seed=3):
    from knowledge.voices.analysis import Answer

    rng = random.Random(seed)
    answers = []
    for topic, cores in STYLE_CORES.items():
        for n in range(per_topic):
            core = rng.choice(cores)
            pupil = " ".join(MISSPELT.get(w, w) if rng.random() < 0.6 else w for w in core.split())
            answers.append(
                Answer(f"p-{topic}-{n}", pupil + rng.choice(["", " tak", "!!"]), "pupil")
            )
            core = rng.choice(cores)
            adult = (
                rng.choice(["Efter min mening vil ", "Som forælder oplever jeg, at "])
                + core
                + " kunne gøre en betydelig forskel for elevernes lyst til at læse."
            )
            answers.append(Answer(f"a-{topic}-{n}", adult, "parent"))
    return answers


def style_check():
    from knowledge.voices.analysis import analyse
    from knowledge.voices.analysis.embedding import load_embedder
    from knowledge.voices.picture.differences import difference_table

    answers = style_only_answers()
    groups = {a.id: a.group for a in answers}
    labels = {"pupil": "Elev", "parent": "Forælder"}
    for name, embedder in (("with the sentence model", load_embedder()), ("words only", None)):
        if name.startswith("with") and embedder is None:
            print("style-only set: the sentence model is not installed; skipped that row")
            continue
        for answer in answers:
            answer.vector = None
        picture = analyse(answers, embedder=embedder)
        themes = [(t.name, t.answers) for t in picture.themes]
        marked = difference_table(themes, groups, labels).marked
        pure = sum(1 for _n, ids in themes if len({groups[i] for i in ids}) == 1)
        print(
            f"style-only set ({len(answers)} answers, 3 topics, {name}): {len(themes)} themes, "
            f"{pure} of them one group only, {len(marked)} group differences marked (want 0)"
        )


def leaders_edits_on_the_tuning_set():
    """What a leader's merges change in NMI, ARI and the number of themes, on the tuning set
    only. The simulated leader reads each theme's answers and merges two themes when most of
    both say the same (their majority label covers at least 60 % of each), as edits.py applies
    merges; and the group differences the found themes mark, against those the true themes
    mark (what style, not content, would add)."""
    import csv as csv_module
    from collections import Counter

    from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score

    from knowledge.voices.analysis import analyse
    from knowledge.voices.analysis.answer_files import read_answers_csv
    from knowledge.voices.analysis.embedding import load_embedder
    from knowledge.voices.picture.differences import difference_table
    from knowledge.voices.picture.edits import edited_picture

    tuning = BASE_DIR / "bench" / "voices_sets" / "tuning"
    embedder = load_embedder()
    print(
        f"leader's merges on the tuning set ({'with' if embedder else 'without'} the sentence model):"
    )
    for path in sorted(tuning.glob("q*.csv")):
        answers, rows = read_answers_csv(path)
        label = {row["id"]: row["themes"].split("|")[0] for row in rows}
        # Ids as numbers, as the site's answers have.
        number = {a.id: i for i, a in enumerate(answers)}
        picture = analyse(answers, embedder=embedder).as_dict()
        result = {
            "themes": [
                {
                    **t,
                    "answers": [number[a] for a in t["answers"]],
                    "quotes": [number[a] for a in t["quotes"]],
                }
                for t in picture["themes"]
            ],
            "unique_voices": [number[a] for a in picture["unique_voices"]],
        }
        truth = {number[i]: theme for i, theme in label.items()}

        def majority(ids, truth=truth):
            theme, count = Counter(truth[i] for i in ids).most_common(1)[0]
            return theme, count / len(ids)

        edits, plain = [], edited_picture(result, [], {})
        by_label = {}
        for theme in plain.themes:
            slug, share = majority(theme.answers)
            if share >= 0.6:
                by_label.setdefault(slug, []).append(theme.answers)
        for anchors in by_label.values():
            edits += [("merge", {"anchor": anchors[0], "other": other}) for other in anchors[1:]]
        edited = edited_picture(result, edits, {})

        def scores(themes, truth=truth):
            found = {a: n for n, t in enumerate(themes) for a in t.answers}
            ids = sorted(found)
            return (
                normalized_mutual_info_score([truth[i] for i in ids], [found[i] for i in ids]),
                adjusted_rand_score([truth[i] for i in ids], [found[i] for i in ids]),
            )

        before, after = scores(plain.themes), scores(edited.themes)
        with open(path, encoding="utf-8") as handle:
            groups = {
                number[r["id"]]: ("pupil" if r["group"] == "elev" else "adult")
                for r in csv_module.DictReader(handle)
            }
        labels = {"pupil": "Elev", "adult": "Voksen"}
        true_themes = {}
        for i, theme in truth.items():
            true_themes.setdefault(theme, []).append(i)
        marked_true = len(difference_table(list(true_themes.items()), groups, labels).marked)
        marked_found = len(
            difference_table([(t.name, t.answers) for t in plain.themes], groups, labels).marked
        )
        marked_edited = len(
            difference_table([(t.name, t.answers) for t in edited.themes], groups, labels).marked
        )
        print(
            f"  {path.stem}: themes {len(plain.themes)} -> {len(edited.themes)} after {len(edits)} merges; "
            f"NMI {before[0]:.3f} -> {after[0]:.3f}; ARI {before[1]:.3f} -> {after[1]:.3f}; "
            f"pupil/adult differences marked: {marked_found} over found themes, {marked_edited} "
            f"after the merges, {marked_true} over true themes"
        )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--answers", type=int, default=5000)
    parser.add_argument("--repeats", type=int, default=5)
    options = parser.parse_args()

    os.environ["PRAKSISNET_DATA_DIR"] = tempfile.mkdtemp(prefix="praksisnet-picture-bench-")
    os.environ["DJANGO_SETTINGS_MODULE"] = "praksisnet.settings.dev"
    import django

    django.setup()
    import logging

    logging.disable(logging.WARNING)
    from django.core.cache import cache
    from django.core.management import call_command
    from django.test import Client
    from django.urls import reverse

    call_command("migrate", verbosity=0)
    from voices import tuning_texts, varied

    from knowledge.voices import tasks
    from knowledge.voices.models import Answer, OpenQuestion, ThemeEdit
    from knowledge.voices.picture.building import picture_of
    from tests.support.network import make_municipality, make_school, make_user

    school = make_school(make_municipality("Bench Kommune"), "Benchskolen")
    leader = make_user("bench_leder", [school.leaders_group])
    question = OpenQuestion.objects.create(owner_school=school, question="Bench?")
    groups = ["pupil", "parent", "teacher", "staff"]
    Answer.objects.bulk_create(
        Answer(question=question, text=text, group=groups[i % 4], school=school)
        for i, (_b, text) in enumerate(varied(tuning_texts(), options.answers))
    )
    tasks.load_embedder = lambda: None
    started = time.perf_counter()
    analysis = tasks.start_analysis(question)
    tasks.run_analysis.call(analysis.pk)
    print(
        f"{options.answers} answers analysed on their words in {time.perf_counter() - started:.1f} s"
    )

    client = Client(HTTP_HOST="localhost")
    client.force_login(leader)
    answers_url = reverse("voices_admin:answers", args=[question.pk])
    picture_url = reverse("voices_admin:picture", args=[question.pk])
    client.get(answers_url)
    baseline = median_seconds(lambda: client.get(answers_url), options.repeats)
    cold = median_seconds(lambda: client.get(picture_url), options.repeats, before=cache.clear)
    client.get(picture_url)
    warm = median_seconds(lambda: client.get(picture_url), options.repeats)

    picture = picture_of(question)
    first, second = picture.themes[0], picture.themes[1]
    ThemeEdit.objects.create(
        question=question, kind="rename", payload={"anchor": first.anchor, "name": "Omdøbt"}
    )
    ThemeEdit.objects.create(
        question=question, kind="merge", payload={"anchor": first.anchor, "other": second.anchor}
    )
    ThemeEdit.objects.create(question=question, kind="pin", payload={"answer": second.anchor[-1]})
    edited = median_seconds(lambda: client.get(picture_url), options.repeats, before=cache.clear)

    print(f"baseline, the raw answers page:  {1000 * baseline:8.1f} ms")
    print(
        f"picture, cold:                   {1000 * cold:8.1f} ms  ({cold / baseline:.1f}x baseline)"
    )
    print(
        f"picture, warm (cached):          {1000 * warm:8.1f} ms  ({warm / baseline:.1f}x baseline)"
    )
    print(
        f"picture after 3 edits, cold:     {1000 * edited:8.1f} ms  ({edited / baseline:.1f}x baseline)"
    )
    print(f"themes shown: {len(picture.themes)}, unique voices: {len(picture.unique_voices)}")
    style_check()
    leaders_edits_on_the_tuning_set()


if __name__ == "__main__":
    main()
