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
