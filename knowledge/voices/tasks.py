"""Background work for voices: sentence vectors as answers arrive, and the theme analysis.

Both run as django-tasks tasks on the "voices" backend, never inside the request that asked for
them: in production that backend is django-tasks-db's queue and ``manage.py db_worker --backend
voices`` runs them; in tests and development the immediate backend runs them at once. Progress is written to the ``Analysis`` row so the admin can show it.
"""

import logging

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from .analysis import Answer as AnalysedAnswer
from .analysis import analyse
from .analysis.embedding import from_bytes, load_embedder, to_bytes
from .models import Analysis, AnalysisStatus, Answer

logger = logging.getLogger("knowledge.voices")

EMBED_BATCH = 256
#: The tasks' own backend alias (settings.TASKS): a database queue with a worker in production.
VOICES_BACKEND = "voices"


def embed_missing(answers):
    """Compute and store the vectors of answers that have none; returns how many were stored."""
    missing = [a for a in answers if a.embedding is None]
    embedder = load_embedder() if missing else None
    if embedder is None:
        return 0
    for start in range(0, len(missing), EMBED_BATCH):
        batch = missing[start : start + EMBED_BATCH]
        for answer, vector in zip(batch, embedder.embed([a.text for a in batch])):
            answer.embedding = to_bytes(vector)
        Answer.objects.bulk_update(batch, ["embedding"])
    return len(missing)


@task(backend=VOICES_BACKEND)
def embed_answers(answer_ids: list[int]) -> int:
    return embed_missing(list(Answer.objects.filter(pk__in=answer_ids, embedding__isnull=True)))


def enqueue_embedding(answer_ids):
    """Embed the answers once the transaction that stored them has committed."""
    ids = list(answer_ids)
    if ids:
        transaction.on_commit(lambda: embed_answers.enqueue(ids))


@task(backend=VOICES_BACKEND)
def run_analysis(analysis_id: int) -> None:
    analysis = Analysis.objects.select_related("question").get(pk=analysis_id)

    def progress(fraction, step):
        Analysis.objects.filter(pk=analysis_id).update(progress=round(fraction, 3), step=step)

    Analysis.objects.filter(pk=analysis_id).update(status=AnalysisStatus.RUNNING, progress=0.0)
    try:
        stored = list(analysis.question.answers.order_by("pk"))
        embed_missing(stored)
        answers = [
            AnalysedAnswer(
                id=str(a.pk),
                text=a.text,
                group=a.group,
                school=str(a.school_id or ""),
                vector=None if a.embedding is None else from_bytes(bytes(a.embedding)),
            )
            for a in stored
        ]
        if any(a.vector is None for a in answers):  # the model is absent: words only
            for answer in answers:
                answer.vector = None
        picture = analyse(answers, embedder=None, progress=progress)
    except Exception as error:  # the row must say it failed, whatever went wrong
        logger.exception("analysis %s of question %s failed", analysis_id, analysis.question_id)
        Analysis.objects.filter(pk=analysis_id).update(
            status=AnalysisStatus.FAILED, error=str(error)[:2000], finished_at=timezone.now()
        )
        return
    Analysis.objects.filter(pk=analysis_id).update(
        status=AnalysisStatus.DONE,
        progress=1.0,
        step="done",
        result=picture.as_dict(),
        answer_count=len(answers),
        finished_at=timezone.now(),
    )


def start_analysis(question, user=None):
    """Record a new analysis of the question and queue it after the current transaction."""
    analysis = Analysis.objects.create(
        question=question, requested_by=user, answer_count=question.answers.count()
    )
    transaction.on_commit(lambda: run_analysis.enqueue(analysis.pk))
    return analysis
