"""The background tasks: vectors stored as answers arrive, analyses with progress, failures."""

import importlib

import pytest
from django.core.management import call_command
from django.test import override_settings
from django_tasks_db.models import DBTaskResult

from knowledge.voices import tasks
from knowledge.voices.analysis import embedding, pipeline
from knowledge.voices.models import Analysis

from .support import add_answers, make_question

pytestmark = pytest.mark.django_db

TEXTS = [
    "flere nye bøger på biblioteket",
    "biblioteket skal have nye bøger",
    "nye bøger til skolebiblioteket",
    "mindre tid på mobilen",
    "mobilen skal væk om aftenen",
    "mindre mobil derhjemme",
]


def test_the_embedding_task_stores_the_models_vector_with_each_answer(network):
    question = make_question(network.school_a)
    answers = add_answers(question, TEXTS[:2])
    assert tasks.embed_answers.call([a.pk for a in answers]) == 2
    stored = [embedding.from_bytes(bytes(a.embedding)) for a in question.answers.order_by("pk")]
    expected = embedding.load_embedder().embed(TEXTS[:2])
    for vector, wanted in zip(stored, expected):
        assert vector.shape == (embedding.DIMENSIONS,)
        assert abs(vector - wanted).max() < 1e-6


def test_progress_is_stored_step_by_step(network, monkeypatch):
    question = make_question(network.school_a)
    add_answers(question, TEXTS)
    seen = []
    original = Analysis.objects.filter

    def spy(*args, **kwargs):
        query = original(*args, **kwargs)
        update = query.update

        def recording_update(**fields):
            if "progress" in fields:
                seen.append(fields["progress"])
            return update(**fields)

        query.update = recording_update
        return query

    monkeypatch.setattr(Analysis.objects, "filter", spy)
    analysis = tasks.start_analysis(question)
    tasks.run_analysis.call(analysis.pk)
    assert seen[0] == 0.0 and seen[-1] == 1.0 and len(seen) >= 5
    assert seen == sorted(seen)


def test_without_the_model_the_task_analyses_the_words_and_stores_no_vectors(network, monkeypatch):
    monkeypatch.setattr(tasks, "load_embedder", lambda: None)
    question = make_question(network.school_a)
    add_answers(question, TEXTS)
    analysis = tasks.start_analysis(question)
    tasks.run_analysis.call(analysis.pk)
    analysis.refresh_from_db()
    assert analysis.status == "done" and analysis.answer_count == 6
    assert sum(len(t["answers"]) for t in analysis.result["themes"]) == 6
    assert not question.answers.filter(embedding__isnull=False).exists()


def test_a_failing_analysis_is_marked_failed_with_its_error(network, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("out of memory")

    monkeypatch.setattr(tasks, "analyse", broken)
    question = make_question(network.school_a)
    add_answers(question, TEXTS)
    analysis = tasks.start_analysis(question)
    tasks.run_analysis.call(analysis.pk)
    analysis.refresh_from_db()
    assert analysis.status == "failed" and "out of memory" in analysis.error
    assert analysis.result is None and analysis.finished_at is not None


def test_the_task_and_the_command_run_the_same_analysis(network):
    question = make_question(network.school_a)
    answers = add_answers(question, TEXTS)
    analysis = tasks.start_analysis(question)
    tasks.run_analysis.call(analysis.pk)
    analysis.refresh_from_db()
    direct = pipeline.analyse([pipeline.Answer(str(a.pk), a.text) for a in answers])
    assert analysis.result == direct.as_dict()


@pytest.fixture
def production_tasks(monkeypatch):
    """settings.TASKS exactly as production.py builds it (the voices queue in the database)."""
    monkeypatch.setenv("DJANGO_SECRET_KEY", "production-test-only")
    monkeypatch.setenv("DJANGO_ALLOWED_HOSTS", "praksisnet.example")
    production = importlib.import_module("praksisnet.settings.production")
    with override_settings(TASKS=production.TASKS):
        yield


# Transactional: the worker closes the connection when it is inside a transaction, as a test's is.
@pytest.mark.django_db(transaction=True)
def test_in_production_an_analysis_waits_in_the_database_until_a_worker_runs_it(
    network, production_tasks
):
    question = make_question(network.school_a)
    add_answers(question, TEXTS)
    analysis = tasks.start_analysis(question)
    queued = DBTaskResult.objects.get()
    assert queued.status == "READY" and queued.task_path.endswith("run_analysis")
    analysis.refresh_from_db()
    assert analysis.status == "queued" and analysis.result is None

    call_command(
        "db_worker", "--backend", "voices", "--batch", "--max-tasks", "1", "--no-startup-delay"
    )

    queued.refresh_from_db()
    assert queued.status == "SUCCESSFUL"
    analysis.refresh_from_db()
    assert analysis.status == "done" and analysis.answer_count == 6
    assert sum(len(t["answers"]) for t in analysis.result["themes"]) == 6
