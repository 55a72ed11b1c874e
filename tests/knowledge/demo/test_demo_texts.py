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


def test_no_finding_is_said_twice_in_the_network(experiments):
    """A theme's finding is told as each class found it (it was 24 times the same sentence)."""
    statements = list(Finding.objects.values_list("statement", flat=True))
    assert len(statements) > 300
    assert repeated(statements) == {}


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


def test_colleagues_ask_on_live_experiments_they_may_read_and_the_team_answers(network, db):
    from knowledge.conversation.models import Comment

    comments = list(Comment.objects.select_related("experiment__team", "author", "parent"))
    answers = [c for c in comments if c.parent_id]
    assert len(comments) >= 60 and len(answers) >= 20
    assert [c.pk for c in comments if not c.experiment.live] == []
    readable = {
        author: set(ExperimentPage.objects.visible_to(author).values_list("pk", flat=True))
        for author in {c.author for c in comments}
    }
    assert [c.pk for c in comments if c.experiment.pk not in readable[c.author]] == []
    assert ExperimentPage.objects.filter(live=True, members_only=True, comments__isnull=False)
    outsiders = [c.pk for c in answers if not c.experiment.team.members.filter(pk=c.author.pk)]
    assert outsiders == [], "only the experiment's team answers"
    assert all(a.created_at > a.parent.created_at for a in answers)
    assert all(c.created_at >= c.experiment.first_published_at for c in comments)
    assert all(c.author.get_full_name() for c in comments if c.author.username != "demo-laerer")


def test_no_sentence_is_said_twice_in_the_conversations(network, db):
    from knowledge.conversation.models import Comment
    from knowledge.demo.talk import sentences

    said = [s for body in Comment.objects.values_list("body", flat=True) for s in sentences(body)]
    assert repeated(said) == {}


def test_planned_experiments_are_asked_about_the_plan_not_about_results(network, db):
    from knowledge.conversation.models import Comment

    planned = Comment.objects.filter(experiment__status=ExperimentStatus.PLANNED, parent=None)
    assert planned.exists()
    past = r"\b(målte I|tog forældrene imod|sagde eleverne selv|startede forfra)\b"
    assert [c.body for c in planned if re.search(past, c.body)] == []


def test_a_few_comments_are_reported_and_wait_for_the_demo_leader(network, db):
    from django.contrib.auth import get_user_model

    from knowledge.conversation.models import CommentReport
    from knowledge.conversation.moderation import awaiting_count

    assert 3 <= CommentReport.objects.values("comment").distinct().count() <= 10
    leader = get_user_model().objects.get(username="demo-leder")
    assert awaiting_count(leader) >= 1


def test_members_follow_all_four_kinds_and_choose_how_often_to_hear(network, db):
    from django.contrib.auth import get_user_model

    from knowledge.conversation.models import DigestSettings, Follow

    assert set(Follow.objects.values_list("kind", flat=True)) == {
        "school",
        "tag",
        "collection",
        "experiment",
    }
    assert not Follow.objects.filter(page__live=False).exists()
    assert set(DigestSettings.objects.values_list("frequency", flat=True)) == {
        "daily",
        "weekly",
        "never",
    }
    teacher = get_user_model().objects.get(username="demo-laerer")
    assert Follow.objects.filter(user=teacher).exists()
    assert teacher.digest_settings.frequency == "weekly"
