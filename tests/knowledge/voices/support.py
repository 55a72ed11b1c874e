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
