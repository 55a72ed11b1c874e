"""The evidence ladder for small trials: how far a practice has been tried, in four steps.

1. Tried in one class.
2. Tried in several classes at the school: more pupils than one class holds, more than one grade
   level, or another experiment at the same school repeats it.
3. Replicated at another school: an experiment at another school repeats or adapts it, or it
   repeats or adapts one from another school ("builds on" links, either direction).
4. Replicated at several schools with measured results: two or more other schools, and test
   results or a survey among the findings of the experiment or its replications.

Derived from the experiment's own data and its "builds on" links as one SQL expression, so the
facet (knowledge.listings.facets) can filter and count by it, and the experiment page reads the
same value. Only links with live, public experiments count: the step is the same for every
reader, reveals nothing about members-only work, and anyone can check the replications it rests
on. The help page (/evidens/) says this in plain Danish.

Members-only replications were weighed and left out on purpose: a step that rose for members
would disagree with the filter, the counts, the exports and the API (one value per experiment),
and a member who cites "trin 3" to a parent or the municipality would cite what they cannot
check. A member is told instead, under the ladder, how many members-only experiments they may
read repeat this one (members_only_repetitions), so the step below their links is no puzzle.
"""

from django.db.models import (
    Case,
    Exists,
    Func,
    IntegerChoices,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Substr
from django.db.models.lookups import GreaterThan, GreaterThanOrEqual
from django.utils.translation import gettext_lazy as _

from knowledge.models import EvidenceKind, ExperimentPage, Finding, LinkKind
from knowledge.places import SCHOOL_DEPTH


class EvidenceStep(IntegerChoices):
    ONE_CLASS = 1, _("Tried in one class")
    SEVERAL_CLASSES = 2, _("Tried in several classes at the school")
    ANOTHER_SCHOOL = 3, _("Replicated at another school")
    SEVERAL_SCHOOLS = 4, _("Replicated at several schools with measured results")


#: Links that mean "we tried the same practice" (extending or contradicting is something else).
REPEATING_KINDS = (LinkKind.REPLICATES, LinkKind.ADAPTS)
#: Findings that rest on something measured.
MEASURED_KINDS = (EvidenceKind.TEST_RESULTS, EvidenceKind.SURVEY)
#: The most pupils one Danish class holds (folkeskolen's class size limit).
ONE_CLASS_PUPILS = 28


class _CountDistinct(Func):
    """COUNT(DISTINCT …) as a plain function, so a subquery counts without a GROUP BY."""

    function = "COUNT"
    template = "%(function)s(DISTINCT %(expressions)s)"
    output_field = IntegerField()


def _school_path(expression):
    return Substr(expression, 1, SCHOOL_DEPTH * ExperimentPage.steplen)


def _repeating_neighbours(experiment_pk):
    """Live public experiments that repeat the experiment (pk expression) or that it repeats."""
    return ExperimentPage.objects.filter(live=True, members_only=False).filter(
        Q(links__target_id=experiment_pk, links__kind__in=REPEATING_KINDS)
        | Q(incoming_links__page_id=experiment_pk, incoming_links__kind__in=REPEATING_KINDS)
    )


def evidence_step_expression(prefix=""):
    """SQL for an experiment's EvidenceStep (prefix "page__" from a finding)."""
    pk, path = OuterRef(f"{prefix}pk"), OuterRef(f"{prefix}path")
    neighbours = _repeating_neighbours(pk).annotate(school=_school_path("path"))
    own_school = _school_path(path)
    other_schools = Subquery(
        neighbours.exclude(school=own_school)
        .order_by()
        .annotate(n=_CountDistinct("school"))
        .values("n"),
        output_field=IntegerField(),
    )
    same_school_repeat = Exists(neighbours.filter(school=own_school))
    grades = ExperimentPage.grade_levels.through.objects.filter(experimentpage_id=pk)
    grade_count = Subquery(
        grades.order_by().annotate(n=_CountDistinct("gradelevel_id")).values("n"),
        output_field=IntegerField(),
    )
    several_classes = (
        Q(**{f"{prefix}pupil_count__gt": ONE_CLASS_PUPILS})
        | GreaterThan(grade_count, 1)
        | same_school_repeat
    )
    measured = Exists(
        Finding.objects.filter(page_id=pk, evidence_kind__in=MEASURED_KINDS)
    ) | Exists(
        Finding.objects.filter(
            evidence_kind__in=MEASURED_KINDS,
            page_id__in=_repeating_neighbours(OuterRef(pk)).values("pk"),
        )
    )
    return Case(
        When(GreaterThanOrEqual(other_schools, 2) & measured, then=Value(4)),
        When(GreaterThanOrEqual(other_schools, 1), then=Value(3)),
        When(several_classes, then=Value(2)),
        default=Value(1),
        output_field=IntegerField(),
    )


def members_only_repetitions(experiment, user):
    """How many live members-only experiments the user may read repeat this one or are repeated
    by it (the ladder does not count them); 0 for an anonymous visitor, always."""
    if user is None or not user.is_authenticated:
        return 0
    pk = experiment.pk
    return (
        ExperimentPage.objects.visible_to(user)
        .filter(members_only=True)
        .filter(
            Q(links__target_id=pk, links__kind__in=REPEATING_KINDS)
            | Q(incoming_links__page_id=pk, incoming_links__kind__in=REPEATING_KINDS)
        )
        .exclude(pk=pk)
        .distinct()
        .count()
    )


def evidence_step_of(experiment):
    """The EvidenceStep of one saved experiment: one query."""
    step = (
        ExperimentPage.objects.filter(pk=experiment.pk)
        .annotate(evidence_step=evidence_step_expression())
        .values_list("evidence_step", flat=True)
        .first()
    )
    return EvidenceStep(step or EvidenceStep.ONE_CLASS)
