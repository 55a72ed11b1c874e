"""The public report: a snapshot of the picture as its owner published it.

Only what the report shows is stored, already masked: theme names, voices, shares, quotes, the
unique voices, the groups × themes table with its small cells suppressed, and the map. The
report page reads this snapshot and nothing else of the question, so answers that arrive or
edits made after publishing reach the public only when the owner publishes again.
"""

from dataclasses import asdict

from django.db import transaction
from django.utils import timezone

from ..models import ThemeExperimentLink
from .edits import theme_for


def snapshot(picture, experiments_by_theme=None):
    """What the report shows; ``experiments_by_theme``: theme index -> linked experiment ids
    (the report page shows only those its reader may see)."""
    experiments_by_theme = experiments_by_theme or {}

    def themes(shown):
        return [
            {
                "name": t.name,
                "voices": t.voices,
                "share": t.share,
                "minority": t.minority,
                "quotes": [{"text": q.text, "group": q.group} for q in t.quotes],
                "experiments": experiments_by_theme.get(t.index, []),
            }
            for t in shown
            if t.voices
        ]

    return {
        "total": picture.total,
        "themes": themes(picture.main_themes),
        "minority_themes": themes(picture.minority_themes),
        "unique_voices": [{"text": q.text, "group": q.group} for q in picture.unique_voices],
        "by_group": asdict(picture.by_group),
        "themes_chart": asdict(picture.themes_chart),
        "group_chart": asdict(picture.group_chart),
        "map_points": [asdict(p) for p in picture.map_points],
    }


class _Anchored:
    def __init__(self, shown):
        self.answers = shown.anchor
        self.shown = shown


class _Themes:
    def __init__(self, picture):
        self.themes = [_Anchored(t) for t in picture.themes]


def linked_theme(picture, link):
    """The shown theme a confirmed link now belongs to (the one holding most of its answers)."""
    found = theme_for(_Themes(picture), link.anchor)
    return found.shown if found else None


@transaction.atomic
def publish(question, picture):
    experiments_by_theme = {}
    for link in ThemeExperimentLink.objects.filter(question=question):
        theme = linked_theme(picture, link)
        link.published_theme = theme.name if theme else ""
        link.published_voices = theme.voices if theme else 0
        link.save(update_fields=["published_theme", "published_voices"])
        if theme:
            experiments_by_theme.setdefault(theme.index, []).append(link.experiment_id)
    question.report = snapshot(picture, experiments_by_theme)
    question.report_published_at = timezone.now()
    question.save(update_fields=["report", "report_published_at"])


@transaction.atomic
def unpublish(question):
    question.report = None
    question.report_published_at = None
    question.save(update_fields=["report", "report_published_at"])
    ThemeExperimentLink.objects.filter(question=question).update(
        published_theme="", published_voices=0
    )


def links_on_experiment(experiment):
    """What an experiment page says about the published themes it addresses."""
    return list(
        ThemeExperimentLink.objects.filter(
            experiment=experiment,
            question__report_published_at__isnull=False,
            published_voices__gt=0,
        )
        .select_related("question")
        .order_by("-published_voices", "pk")
    )
