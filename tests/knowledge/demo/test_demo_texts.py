"""The demo network of default size reads as written by many teams, not by one generator.

Built once for the module (default size, no search index) inside a transaction rolled back at
the end.
"""

import re
from collections import Counter
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from knowledge.models import CollectionItem, ExperimentPage, ExperimentStatus, Finding

LANGUAGE_WORDS = {"Engelsk": r"\bengelsk|englænder", "Tysk": r"\btysk"}
BAND_WORDS = {"indskolingen": (0, 3), "mellemtrinnet": (4, 6), "udskolingen": (7, 9)}


@pytest.fixture(scope="module")
def network(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo_network", "--no-index", stdout=StringIO(), verbosity=0)
        yield
        transaction.set_rollback(True)


@pytest.fixture
def experiments(network, db):
    return list(ExperimentPage.objects.prefetch_related("subjects", "grade_levels"))


def repeated(values):
    return {value: n for value, n in Counter(values).items() if n > 1}


def test_every_experiment_has_a_title_and_a_summary_of_its_own(experiments):
    assert len(experiments) == 300
    assert repeated(e.title for e in experiments) == {}
    assert repeated(e.summary for e in experiments) == {}


def test_a_language_named_in_the_texts_is_the_experiments_subject(experiments):
    wrong = []
    for experiment in experiments:
        subjects = {s.name for s in experiment.subjects.all()}
        text = " ".join([experiment.title, experiment.summary, experiment.background]).lower()
        for subject, pattern in LANGUAGE_WORDS.items():
            if re.search(pattern, text) and subject not in subjects:
                wrong.append((experiment.title, sorted(subjects)))
    assert wrong == []


def test_a_band_named_in_the_title_is_the_experiments_grades(experiments):
    wrong = []
    for experiment in experiments:
        grades = [g.number for g in experiment.grade_levels.all()]
        for word, (low, high) in BAND_WORDS.items():
            if word in experiment.title and not all(low <= g <= high for g in grades):
                wrong.append((experiment.title, grades))
    assert wrong == []


def test_findings_and_observations_only_where_the_status_allows(experiments):
    with_findings = set(Finding.objects.values_list("page_id", flat=True))
    planned = [e for e in experiments if e.status == ExperimentStatus.PLANNED]
    assert planned, "the default network has planned experiments"
    assert [e.title for e in planned if e.pk in with_findings] == []
    assert [e.title for e in planned if e.observations or e.reflection] == []
    completed = [e for e in experiments if e.status == ExperimentStatus.COMPLETED]
    assert all(e.pk in with_findings for e in completed)
    today = timezone.localdate()
    future_with_findings = [
        e.title for e in experiments if e.start_date > today and e.pk in with_findings
    ]
    assert future_with_findings == []


def test_no_curator_note_is_repeated(network, db):
    notes = list(CollectionItem.objects.exclude(note="").values_list("note", flat=True))
    assert len(notes) >= 20
    assert repeated(notes) == {}
