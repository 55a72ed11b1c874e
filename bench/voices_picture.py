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
    from django.test.utils import setup_test_environment
    from django.urls import reverse

    call_command("migrate", verbosity=0)
    setup_test_environment()
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

    client = Client()
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


if __name__ == "__main__":
    main()
