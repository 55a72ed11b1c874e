"""Helpers for the voices tests: the small labelled set and how to score a picture."""

import csv
from pathlib import Path

SMALL_SET = Path(__file__).parent / "small_set.csv"


def small_set_labels():
    with open(SMALL_SET, encoding="utf-8") as handle:
        return {row["id"]: row["themes"] for row in csv.DictReader(handle)}


def members_of(labels, slug):
    return {answer_id for answer_id, theme in labels.items() if theme == slug}


def best_theme_for(picture_themes, members):
    """The found theme holding most of ``members``, as (theme answers set, overlap)."""
    best = max(picture_themes, key=lambda theme: len(members & set(theme["answers"])))
    return set(best["answers"]), len(members & set(best["answers"]))


def make_question(owner, **fields):
    """An open question owned by a school or a municipality page."""
    from knowledge.voices.models import OpenQuestion
    from schools.models import SchoolPage

    key = "owner_school" if isinstance(owner, SchoolPage) else "owner_municipality"
    fields.setdefault("question", "Hvad skal der til, for at flere elever får lyst til at læse?")
    return OpenQuestion.objects.create(**{key: owner}, **fields)


def add_answers(question, texts, school=None, group="pupil"):
    from knowledge.voices.models import Answer

    return [
        Answer.objects.create(
            question=question, text=text, group=group, school=school or question.owner_school
        )
        for text in texts
    ]


#: Three things people say, each in a few wordings (the picture tests' answers).
BOOKS = [
    "flere nye bøger på skolebiblioteket",
    "biblioteket skal have nye bøger om heste",
    "nye bøger til biblioteket og flere tegneserier",
    "flere spændende bøger på biblioteket",
    "bøger om fodbold på biblioteket",
]
PHONES = [
    "mindre tid på mobilen om aftenen",
    "mobilen skal væk når man læser",
    "mindre mobil og skærm derhjemme",
    "læg mobilen væk om aftenen",
    "ingen mobil ved sengetid",
]
READING_TIME = [
    "mere ro til at læse i timerne",
    "læsebånd hver morgen med ro i klassen",
    "ro og tid til frilæsning i skolen",
    "et stille læsebånd om morgenen",
    "tid til at læse i ro i klassen",
]


def analysed(question, words_only=True):
    """Run the site's theme analysis task on the question now; ``words_only`` leaves the
    sentence model out (as when it is absent), which keeps small tests fast."""
    from knowledge.voices import tasks

    analysis = tasks.start_analysis(question)
    original = tasks.load_embedder
    if words_only:
        tasks.load_embedder = lambda: None
    try:
        tasks.run_analysis.call(analysis.pk)
    finally:
        tasks.load_embedder = original
    analysis.refresh_from_db()
    assert analysis.status == "done", analysis.error
    return analysis
